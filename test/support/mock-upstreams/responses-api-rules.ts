import schemas from '../../fixtures/openai-schemas.json';
import { responsesRequestProblems } from '../responses-request.validator';

/**
 * What the OpenAI Responses API refuses before answering (responses-spec §2, §5.1), with its wording: the official
 * CreateResponse schema with undeclared properties refused, `max_output_tokens` ≥ 16, plus the history rules it
 * enforces beyond the schema. Under `store: false` nothing can be looked up: no `previous_response_id`, and a
 * reasoning item must carry an `encrypted_content` (one this server issued, when `issued` is given) and be
 * followed by another item. Every `function_call` needs its `function_call_output` and every output a call.
 */

export interface ResponsesRequestProblem {
  status: number;
  message: string;
  param: string | null;
  code: string | null;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const problem = (
  message: string,
  param: string | null = null,
  code: string | null = null,
  status = 400,
): ResponsesRequestProblem => ({ status, message, param, code });

type Defs = Record<string, { properties?: object; allOf?: { $ref?: string }[] }>;

/** Top-level fields of CreateResponse (its schema is an allOf, which the strict validator leaves open). */
const KNOWN_FIELDS = ((): Set<string> => {
  const defs = (schemas as unknown as { $defs: Defs }).$defs;
  const fields = new Set<string>();
  const collect = (schema: Defs[string] | undefined): void => {
    if (!schema) return;
    Object.keys(schema.properties ?? {}).forEach((f) => fields.add(f));
    for (const member of schema.allOf ?? [])
      collect(member.$ref ? defs[member.$ref.replace('#/$defs/', '')] : (member as Defs[string]));
  };
  collect(defs.CreateResponse);
  return fields;
})();

function reasoningProblem(
  input: unknown[],
  at: number,
  store: boolean,
  issued: ReadonlySet<string> | undefined,
): ResponsesRequestProblem | undefined {
  const item = input[at] as Json;
  if (typeof item.encrypted_content !== 'string') {
    if (store) return undefined;
    return problem(
      `Item with id '${String(item.id)}' not found. Items are not persisted when \`store\` is set to false. Try again with \`store\` set to true, or remove this item from your input.`,
      'input',
      null,
      404,
    );
  }
  if (issued && !issued.has(item.encrypted_content)) {
    return problem('The encrypted content for item could not be verified.', `input[${at}].encrypted_content`);
  }
  if (at === input.length - 1) {
    return problem(
      `Item '${String(item.id)}' of type 'reasoning' was provided without its required following item.`,
      'input',
    );
  }
  return undefined;
}

function historyProblem(
  input: unknown[],
  store: boolean,
  issued: ReadonlySet<string> | undefined,
): ResponsesRequestProblem | undefined {
  const calls = new Set<string>();
  const answered = new Set<string>();
  for (const [at, item] of input.entries()) {
    if (!isObject(item)) continue;
    if (item.type === 'reasoning') {
      const found = reasoningProblem(input, at, store, issued);
      if (found) return found;
    }
    if (item.type === 'function_call') calls.add(String(item.call_id));
    if (item.type === 'function_call_output') {
      const id = String(item.call_id);
      if (!calls.has(id))
        return problem(`No tool call found for function call output with call_id ${id}.`, 'input');
      answered.add(id);
    }
  }
  const open = [...calls].find((id) => !answered.has(id));
  return open === undefined ? undefined : problem(`No tool output found for function call ${open}.`, 'input');
}

function toolChoiceProblem(body: Json): ResponsesRequestProblem | undefined {
  const choice = body.tool_choice;
  if (!isObject(choice) || choice.type !== 'function') return undefined;
  const names = Array.isArray(body.tools) ? body.tools.map((t) => (isObject(t) ? t.name : undefined)) : [];
  return names.includes(choice.name)
    ? undefined
    : problem(`Tool choice '${String(choice.name)}' not found in 'tools' parameter.`, 'tool_choice');
}

/** The first problem of a request body, or undefined; `issued`: the reasoning blobs a replayed item may carry. */
export function responsesRequestProblem(
  body: unknown,
  issued?: ReadonlySet<string>,
): ResponsesRequestProblem | undefined {
  if (!isObject(body)) return problem('The request body must be a JSON object.');
  if (typeof body.model !== 'string') {
    return problem("Missing required parameter: 'model'.", 'model', 'missing_required_parameter');
  }
  const unknown = Object.keys(body).find((field) => !KNOWN_FIELDS.has(field));
  if (unknown !== undefined) return problem(`Unrecognized request argument supplied: ${unknown}`);
  const schema = responsesRequestProblems(body);
  if (schema.length > 0) return problem(`Invalid request: ${schema.join('; ')}`);
  if (typeof body.max_output_tokens === 'number' && body.max_output_tokens < 16) {
    return problem(
      `Invalid 'max_output_tokens': integer below minimum value. Expected a value >= 16, but got ${body.max_output_tokens} instead.`,
      'max_output_tokens',
      'integer_below_min_value',
    );
  }
  const store = body.store !== false;
  if (!store && typeof body.previous_response_id === 'string') {
    return problem(
      `Previous response with id '${body.previous_response_id}' not found.`,
      'previous_response_id',
      'previous_response_not_found',
    );
  }
  const history = Array.isArray(body.input) ? historyProblem(body.input, store, issued) : undefined;
  return history ?? toolChoiceProblem(body);
}
