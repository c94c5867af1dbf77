import schemas from '../../fixtures/openai-schemas.json';
import { validateOpenAi } from '../openai-schema.validator';

/**
 * What the OpenAI Responses API refuses with a 400 before answering (responses-spec §2, §5.1): the official
 * CreateResponse schema with undeclared properties refused, plus the history rules it enforces beyond the schema.
 */

export interface ResponsesRequestProblem {
  message: string;
  param: string | null;
  code: string | null;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

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

function historyProblem(input: unknown[]): ResponsesRequestProblem | undefined {
  const calls = new Set<string>();
  const answered = new Set<string>();
  for (const item of input) {
    if (!isObject(item)) continue;
    if (item.type === 'function_call') calls.add(String(item.call_id));
    if (item.type === 'function_call_output') {
      const id = String(item.call_id);
      if (!calls.has(id)) {
        return {
          message: `No tool call found for function call output with call_id ${id}.`,
          param: 'input',
          code: null,
        };
      }
      answered.add(id);
    }
  }
  const open = [...calls].find((id) => !answered.has(id));
  return open === undefined
    ? undefined
    : { message: `No tool output found for function call ${open}.`, param: 'input', code: null };
}

function toolChoiceProblem(body: Json): ResponsesRequestProblem | undefined {
  const choice = body.tool_choice;
  if (!isObject(choice) || choice.type !== 'function') return undefined;
  const names = Array.isArray(body.tools) ? body.tools.map((t) => (isObject(t) ? t.name : undefined)) : [];
  return names.includes(choice.name)
    ? undefined
    : {
        message: `Tool choice '${String(choice.name)}' not found in 'tools' parameter.`,
        param: 'tool_choice',
        code: null,
      };
}

export function responsesRequestProblem(body: unknown): ResponsesRequestProblem | undefined {
  if (!isObject(body)) return { message: 'The request body must be a JSON object.', param: null, code: null };
  if (typeof body.model !== 'string') {
    return {
      message: "Missing required parameter: 'model'.",
      param: 'model',
      code: 'missing_required_parameter',
    };
  }
  const unknown = Object.keys(body).find((field) => !KNOWN_FIELDS.has(field));
  if (unknown !== undefined) {
    return { message: `Unrecognized request argument supplied: ${unknown}`, param: null, code: null };
  }
  const schema = validateOpenAi('CreateResponse', body, 'strict');
  if (schema.length > 0) return { message: `Invalid request: ${schema.join('; ')}`, param: null, code: null };
  if (body.store === false && typeof body.previous_response_id === 'string') {
    return {
      message: `Previous response with id '${body.previous_response_id}' not found.`,
      param: 'previous_response_id',
      code: 'previous_response_not_found',
    };
  }
  return (Array.isArray(body.input) ? historyProblem(body.input) : undefined) ?? toolChoiceProblem(body);
}
