import {
  isJsonObject,
  type JsonObject,
  type ResponsesCreateRequest,
  type ResponsesReasoningEffort,
} from '@switchboard/protocols';
import type { ConvertedRequest, UpstreamTarget } from '../converter.interface';
import { systemTexts } from '../anthropic-to-openai/system-texts';
import { mapReasoningEffort } from '../anthropic-to-openai/reasoning.mapper';
import { invalidRequest } from '../anthropic-to-openai/request-error';
import { ToolNameMap } from '../shared/tool-names';
import { toMemo } from './conversion-memo';
import { mapInput } from './input.mapper';
import { readOptions, type AnthropicToResponsesOptions } from './options';
import { mapTools } from './tools.mapper';

/** OpenAI rejects `max_output_tokens` below 16 ("Expected a value >= 16"); Claude Code probes with `max_tokens: 1`. */
const MIN_OUTPUT_TOKENS = 16;
/** `safety_identifier` is at most 64 characters; longer ids (Claude Code's `metadata.user_id`) go in `user`. */
const MAX_SAFETY_IDENTIFIER = 64;

function optionalNumber(body: JsonObject, field: string, min: number, max: number): number | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw invalidRequest(field, `must be a number between ${min} and ${max}`);
  }
  return value;
}

/** Instance `defaults` are in the upstream's field names (`max_output_tokens`): the data plane merges them. */
function maxOutputTokens(body: JsonObject): number | undefined {
  const value = body.max_tokens;
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw invalidRequest('max_tokens', 'must be an integer of at least 1');
  }
  return Math.max(value, MIN_OUTPUT_TOKENS);
}

/** Responses has no stop sequences: a request that sets any is refused unless the instance says `drop`. */
function checkStopSequences(body: JsonObject, options: AnthropicToResponsesOptions): void {
  const value = body.stop_sequences;
  if (value === undefined || value === null) return;
  if (!Array.isArray(value) || !value.every((s) => typeof s === 'string')) {
    throw invalidRequest('stop_sequences', 'must be an array of strings');
  }
  if (options.stopSequences === 'drop' || value.every((s) => s.length === 0)) return;
  throw invalidRequest(
    'stop_sequences',
    'this upstream speaks the OpenAI Responses API, which has no stop sequences; remove them (or set the instance option stop_sequences: "drop")',
  );
}

function structuredOutput(body: JsonObject): ResponsesCreateRequest['text'] {
  const format = isJsonObject(body.output_config) ? body.output_config.format : body.output_format;
  if (format === undefined || format === null) return undefined;
  if (!isJsonObject(format) || format.type !== 'json_schema' || !isJsonObject(format.schema)) {
    throw invalidRequest('output_config.format', 'must be {"type":"json_schema","schema":{…}}');
  }
  // Not strict: OpenAI strict mode needs a normalised schema (every property required, no extra keys).
  return { format: { type: 'json_schema', name: 'structured_output', schema: format.schema, strict: false } };
}

function userIdentity(body: JsonObject, out: ResponsesCreateRequest): void {
  if (body.metadata === undefined || body.metadata === null) return;
  if (!isJsonObject(body.metadata)) throw invalidRequest('metadata', 'must be an object');
  const userId = body.metadata.user_id;
  if (typeof userId !== 'string' || userId.length === 0) return;
  if (userId.length <= MAX_SAFETY_IDENTIFIER) out.safety_identifier = userId;
  else out.user = userId;
}

/**
 * Anthropic Messages request → OpenAI Responses request (responses-spec §9.1). Stateless: `store: false` always
 * (the client sends its whole history), so reasoning is round-tripped through `encrypted_content`, asked for with
 * `include` whenever reasoning is. Fields without a Responses meaning are dropped (docs/conversion-matrix.md).
 */
export function mapRequest(bodyIn: unknown, target: UpstreamTarget): ConvertedRequest {
  if (!isJsonObject(bodyIn)) throw invalidRequest('body', 'must be a JSON object');
  const body = bodyIn;
  const options = readOptions(target);
  if (typeof body.model !== 'string' || body.model.length === 0) {
    throw invalidRequest('model', 'must be a non-empty string');
  }
  const names = new ToolNameMap();
  const { input, systems } = mapInput(body.messages, names);
  const out: ResponsesCreateRequest = { model: body.model, input, store: false };
  const instructions = [...systemTexts(body.system, 'system'), ...systems];
  if (instructions.length > 0) out.instructions = instructions.join('\n\n');

  const limit = maxOutputTokens(body);
  if (limit !== undefined) out.max_output_tokens = limit;
  const temperature = optionalNumber(body, 'temperature', 0, 2);
  if (temperature !== undefined) out.temperature = temperature;
  const topP = optionalNumber(body, 'top_p', 0, 1);
  if (topP !== undefined) out.top_p = topP;
  checkStopSequences(body, options);

  if (body.stream !== undefined && body.stream !== null && typeof body.stream !== 'boolean') {
    throw invalidRequest('stream', 'must be a boolean');
  }
  if (body.stream === true) out.stream = true;

  Object.assign(out, mapTools(body.tools, body.tool_choice, names));

  const effort = mapReasoningEffort(body.thinking, body.output_config);
  if (effort) {
    out.reasoning = { effort: effort as ResponsesReasoningEffort, summary: 'auto' };
    out.include = ['reasoning.encrypted_content'];
  }
  const text = structuredOutput(body);
  if (text) out.text = text;
  userIdentity(body, out);
  if (options.mapServiceTier && (body.service_tier === 'auto' || body.service_tier === 'standard_only')) {
    out.service_tier = body.service_tier === 'auto' ? 'auto' : 'default';
  }

  return {
    body: out as unknown as Record<string, unknown>,
    memo: toMemo({
      requestedModel: body.model,
      toolNames: names.restoreTable(),
      contentFilterStopReason: options.contentFilterStopReason,
    }),
  };
}
