import { isJsonObject, type JsonObject } from '@switchboard/protocols';
import { invalidRequest } from '../anthropic-to-openai/request-error';

/**
 * The checks of an Anthropic Messages request that do not depend on the upstream protocol (Chat or Responses):
 * each returns the field as the converters write it, or throws the 400 naming it.
 */

export type AnthropicRequestBody = JsonObject & { model: string };

export function readRequestBody(bodyIn: unknown): AnthropicRequestBody {
  if (!isJsonObject(bodyIn)) throw invalidRequest('body', 'must be a JSON object');
  if (typeof bodyIn.model !== 'string' || bodyIn.model.length === 0) {
    throw invalidRequest('model', 'must be a non-empty string');
  }
  return bodyIn as AnthropicRequestBody;
}

function optionalNumber(body: JsonObject, field: string, min: number, max: number): number | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw invalidRequest(field, `must be a number between ${min} and ${max}`);
  }
  return value;
}

/** `temperature` and `top_p`, written under the same names by both upstream protocols. */
export function copySampling(
  body: JsonObject,
  out: { temperature?: number | null; top_p?: number | null },
): void {
  const temperature = optionalNumber(body, 'temperature', 0, 2);
  if (temperature !== undefined) out.temperature = temperature;
  const topP = optionalNumber(body, 'top_p', 0, 1);
  if (topP !== undefined) out.top_p = topP;
}

/** `max_tokens` (or the instance default standing in for it). */
export function maxTokensOf(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw invalidRequest('max_tokens', 'must be an integer of at least 1');
  }
  return value;
}

export function stopSequencesOf(body: JsonObject): string[] | undefined {
  const value = body.stop_sequences;
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((s) => typeof s === 'string')) {
    throw invalidRequest('stop_sequences', 'must be an array of strings');
  }
  return value as string[];
}

export function streamFlag(body: JsonObject): boolean {
  if (body.stream !== undefined && body.stream !== null && typeof body.stream !== 'boolean') {
    throw invalidRequest('stream', 'must be a boolean');
  }
  return body.stream === true;
}

/** The JSON schema of `output_config.format` (or the older `output_format`), if the client asked for one. */
export function outputSchemaOf(body: JsonObject): JsonObject | undefined {
  const format = isJsonObject(body.output_config) ? body.output_config.format : body.output_format;
  if (format === undefined || format === null) return undefined;
  if (!isJsonObject(format) || format.type !== 'json_schema' || !isJsonObject(format.schema)) {
    throw invalidRequest('output_config.format', 'must be {"type":"json_schema","schema":{…}}');
  }
  return format.schema;
}

/** `metadata.user_id`, the end-user id, when set. */
export function metadataUserId(body: JsonObject): string | undefined {
  if (body.metadata === undefined || body.metadata === null) return undefined;
  if (!isJsonObject(body.metadata)) throw invalidRequest('metadata', 'must be an object');
  const userId = body.metadata.user_id;
  return typeof userId === 'string' && userId.length > 0 ? userId : undefined;
}

/** Anthropic `service_tier` in OpenAI's words (`{}` unless the instance maps it), to merge into the body. */
export function serviceTierField(
  body: JsonObject,
  mapServiceTier: boolean,
): { service_tier?: 'auto' | 'default' } {
  if (!mapServiceTier) return {};
  if (body.service_tier === 'auto') return { service_tier: 'auto' };
  return body.service_tier === 'standard_only' ? { service_tier: 'default' } : {};
}
