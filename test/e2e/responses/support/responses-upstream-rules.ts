import { responsesRequestProblems } from '../../../support/responses-request.validator';

/**
 * Checks the OpenAI Responses API makes on `POST /v1/responses` beyond the official schema, with its wording:
 * `max_output_tokens` ≥ 16; under `store: false` nothing can be looked up, so a reasoning item must carry an
 * `encrypted_content` this server issued and be followed by another item; every `function_call` needs its
 * `function_call_output` and every output a call. Returns the first problem, or undefined.
 */

type Json = Record<string, unknown>;

export interface ResponsesProblem {
  status: number;
  message: string;
  param: string | null;
  code: string | null;
}

const problem = (message: string, param: string | null = null, code: string | null = null, status = 400) => ({
  status,
  message,
  param,
  code,
});

function itemProblem(
  input: Json[],
  issued: ReadonlySet<string>,
  store: boolean,
): ResponsesProblem | undefined {
  const calls = new Set<string>();
  const outputs = new Set<string>();
  for (const [i, item] of input.entries()) {
    if (item.type === 'reasoning') {
      if (typeof item.encrypted_content !== 'string') {
        if (store) continue;
        return problem(
          `Item with id '${String(item.id)}' not found. Items are not persisted when \`store\` is set to false. Try again with \`store\` set to true, or remove this item from your input.`,
          'input',
          null,
          404,
        );
      }
      if (!issued.has(item.encrypted_content)) {
        return problem(
          'The encrypted content for item could not be verified.',
          `input[${i}].encrypted_content`,
        );
      }
      if (i === input.length - 1) {
        return problem(
          `Item '${String(item.id)}' of type 'reasoning' was provided without its required following item.`,
          'input',
        );
      }
    }
    if (item.type === 'function_call') calls.add(String(item.call_id));
    if (item.type === 'function_call_output') {
      if (!calls.has(String(item.call_id))) {
        return problem(
          `No tool call found for function call output with call_id ${String(item.call_id)}.`,
          'input',
        );
      }
      outputs.add(String(item.call_id));
    }
  }
  const unanswered = [...calls].find((id) => !outputs.has(id));
  if (unanswered) return problem(`No tool output found for function call ${unanswered}.`, 'input');
  return undefined;
}

export function responsesRequestProblem(
  body: unknown,
  issued: ReadonlySet<string>,
): ResponsesProblem | undefined {
  const schema = responsesRequestProblems(body);
  if (schema.length > 0) return problem(`Invalid request: ${schema.slice(0, 3).join('; ')}`);
  const request = body as Json;
  if (typeof request.model !== 'string') return problem("Missing required parameter: 'model'.", 'model');
  if (typeof request.max_output_tokens === 'number' && request.max_output_tokens < 16) {
    return problem(
      `Invalid 'max_output_tokens': integer below minimum value. Expected a value >= 16, but got ${request.max_output_tokens} instead.`,
      'max_output_tokens',
      'integer_below_min_value',
    );
  }
  const input = Array.isArray(request.input) ? (request.input as Json[]) : [];
  return itemProblem(input, issued, request.store !== false);
}
