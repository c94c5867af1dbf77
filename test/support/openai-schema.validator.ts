/**
 * Validates OpenAI-shaped bodies against the official schemas (test/fixtures/openai-schemas.json, extracted from
 * the OpenAI OpenAPI document). Two modes:
 * - `official`: the schema as published (OpenAI's schemas mostly allow extra properties);
 * - `strict` (default): additionally forbids properties the schema does not declare on every object schema that
 *   lists its `properties` (outside `allOf`), so a mistyped or invented field fails. Known de-facto extensions
 *   Switchboard emits on purpose (`reasoning_content`, `thinking_blocks` on assistant messages and deltas, the nested
 *   `error` of the Responses `error` event) stay
 *   allowed.
 *
 *   validateOpenAi('CreateChatCompletionResponse', body) → string[]   // [] when valid
 *   assertValidOpenAi(name, body)                                      // throws listing every problem
 */
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import schemas from '../fixtures/openai-schemas.json';

export type OpenAiSchemaName =
  | 'CreateChatCompletionResponse'
  | 'CreateChatCompletionStreamResponse'
  | 'CreateChatCompletionRequest'
  | 'CreateResponse'
  | 'Response'
  | 'ResponseStreamEvent'
  | 'ResponseItemList'
  | 'ErrorResponse';

export type OpenAiValidationMode = 'strict' | 'official';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Extension fields allowed in strict mode, per schema name. */
const EXTENSIONS: Record<string, Record<string, unknown>> = {
  ChatCompletionResponseMessage: {
    reasoning_content: { type: ['string', 'null'] },
    thinking_blocks: { type: 'array', items: { type: 'object' } },
  },
  ChatCompletionStreamResponseDelta: {
    reasoning_content: { type: ['string', 'null'] },
  },
  // The live OpenAI shape nests the error as well; Switchboard emits both (responses-spec §5.2).
  ResponseErrorEvent: {
    error: { type: 'object', required: ['type', 'message'] },
  },
};

function closeObjects(node: unknown, insideAllOf: boolean): unknown {
  if (Array.isArray(node)) return node.map((n) => closeObjects(n, insideAllOf));
  if (!isObject(node)) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties' && isObject(value)) {
      out.properties = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, closeObjects(v, false)]));
    } else {
      out[key] = closeObjects(value, key === 'allOf');
    }
  }
  if (!insideAllOf && isObject(out.properties) && out.additionalProperties === undefined)
    out.additionalProperties = false;
  return out;
}

/** Schemas used as `allOf` members are parts of a larger object: closing them would reject the other parts. */
function allOfMembers(node: unknown, found: Set<string>): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => allOfMembers(n, found));
  else if (isObject(node)) {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'allOf' && Array.isArray(value)) {
        for (const member of value) {
          if (isObject(member) && typeof member.$ref === 'string')
            found.add(member.$ref.replace('#/$defs/', ''));
        }
      }
      allOfMembers(value, found);
    }
  }
  return found;
}

function buildAjv(mode: OpenAiValidationMode): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: true });
  addFormats(ajv);
  const defs = structuredClone((schemas as Json).$defs) as Json;
  for (const [name, extra] of Object.entries(EXTENSIONS)) {
    const schema = defs[name];
    if (isObject(schema) && isObject(schema.properties))
      schema.properties = { ...schema.properties, ...extra };
  }
  // The published InputItem union is ambiguous: a user/system/developer message with content parts is both an
  // EasyInputMessage and an InputMessage, so `oneOf` refuses what the API (and the official SDK) send.
  const inputItem = defs.InputItem;
  if (isObject(inputItem) && Array.isArray(inputItem.oneOf)) {
    const { oneOf, ...rest } = inputItem;
    defs.InputItem = { ...rest, anyOf: oneOf };
  }
  let finalDefs = defs;
  if (mode === 'strict') {
    const open = allOfMembers(defs, new Set());
    finalDefs = Object.fromEntries(
      Object.entries(defs).map(([name, schema]) => [name, closeObjects(schema, open.has(name))]),
    );
  }
  ajv.addSchema({ $id: `openai-${mode}`, $defs: finalDefs });
  return ajv;
}

const ajvs = new Map<OpenAiValidationMode, Ajv2020>();
const compiled = new Map<string, ValidateFunction>();

function validatorFor(name: OpenAiSchemaName, mode: OpenAiValidationMode): ValidateFunction {
  const key = `${mode}:${name}`;
  let validate = compiled.get(key);
  if (!validate) {
    let ajv = ajvs.get(mode);
    if (!ajv) {
      ajv = buildAjv(mode);
      ajvs.set(mode, ajv);
    }
    validate = ajv.compile({ $ref: `openai-${mode}#/$defs/${name}` });
    compiled.set(key, validate);
  }
  return validate;
}

export function validateOpenAi(
  name: OpenAiSchemaName,
  value: unknown,
  mode: OpenAiValidationMode = 'strict',
): string[] {
  const validate = validatorFor(name, mode);
  if (validate(value)) return [];
  return (validate.errors ?? []).map(
    (e) =>
      `${e.instancePath || '(root)'}: ${e.message ?? 'invalid'}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`,
  );
}

export function assertValidOpenAi(
  name: OpenAiSchemaName,
  value: unknown,
  mode: OpenAiValidationMode = 'strict',
): void {
  const problems = validateOpenAi(name, value, mode);
  if (problems.length > 0)
    throw new Error(`Invalid ${name}:\n- ${problems.join('\n- ')}\n${JSON.stringify(value)}`);
}
