import { isJsonObject, type AnthropicTool } from '@switchboard/protocols';
import type { OpenAiToAnthropicOptions } from './options';
import { invalidRequest } from '../shared/request-error';

/**
 * `response_format` has no Anthropic field; it is emulated (conversion-spec §2.6):
 * - json_object / json_schema with `json_mode: tool` (default): a tool carrying the schema that the model is
 *   made to call; the response side turns that call back into message content with finish_reason `stop`;
 * - json_schema with `json_mode: output_config`: structured outputs through `output_config.format`.
 */

export const JSON_TOOL_NAME = 'json_response';

export type MappedResponseFormat =
  | { kind: 'none' }
  | { kind: 'tool'; tool: AnthropicTool; unwrap: boolean }
  | { kind: 'output_config'; schema: Record<string, unknown> };

export function mapResponseFormat(
  raw: unknown,
  options: OpenAiToAnthropicOptions,
  toolNames: string[],
): MappedResponseFormat {
  if (raw === undefined || raw === null) return { kind: 'none' };
  if (!isJsonObject(raw)) throw invalidRequest('response_format', 'response_format must be an object.');
  if (raw.type === 'text') return { kind: 'none' };
  let schema: Record<string, unknown> | undefined;
  let description = 'Respond with a JSON object.';
  if (raw.type === 'json_schema') {
    const spec = raw.json_schema;
    if (!isJsonObject(spec)) throw invalidRequest('response_format.json_schema', 'json_schema is required.');
    schema = isJsonObject(spec.schema) ? spec.schema : undefined;
    if (typeof spec.description === 'string' && spec.description) description = spec.description;
    if (schema && options.jsonMode === 'output_config') return { kind: 'output_config', schema };
  } else if (raw.type !== 'json_object') {
    throw invalidRequest(
      'response_format.type',
      'response_format.type must be text, json_object or json_schema.',
    );
  }
  let name = JSON_TOOL_NAME;
  for (let n = 2; toolNames.includes(name); n++) name = `${JSON_TOOL_NAME}_${n}`;
  if (schema === undefined) {
    return {
      kind: 'tool',
      unwrap: false,
      tool: { name, description, input_schema: { type: 'object', additionalProperties: true } },
    };
  }
  if (schema.type === 'object' || (schema.type === undefined && isJsonObject(schema.properties))) {
    return {
      kind: 'tool',
      unwrap: false,
      tool: { name, description, input_schema: { type: 'object', ...schema } },
    };
  }
  // A non-object root (array, string…) is wrapped, and unwrapped again on the way back.
  return {
    kind: 'tool',
    unwrap: true,
    tool: {
      name,
      description,
      input_schema: { type: 'object', properties: { value: schema }, required: ['value'] },
    },
  };
}
