import type { ConvertedRequest, UpstreamTarget } from '../converter.interface';
import { isJsonObject, type JsonObject, type OpenAiChatRequest } from '@switchboard/protocols';
import { toMemo } from './conversion-memo';
import { invalidRequest } from './request-error';
import { mapMessages } from './messages.mapper';
import { readOptions } from './options';
import { mapReasoningEffort } from './reasoning.mapper';
import { ToolNameMap } from '../shared/tool-names';
import { mapTools } from './tools.mapper';

/** The OpenAI request body this converter writes. */
export type OpenAiRequestOut = OpenAiChatRequest;

/** OpenAI accepts at most four stop sequences (api.openai.com and Azure OpenAI). */
const OPENAI_MAX_STOP = 4;

function optionalNumber(body: JsonObject, field: string, min: number, max: number): number | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw invalidRequest(field, `must be a number between ${min} and ${max}`);
  }
  return value;
}

function maxTokens(body: JsonObject, target: UpstreamTarget): number | undefined {
  const value = body.max_tokens ?? target.defaults?.max_tokens;
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw invalidRequest('max_tokens', 'must be an integer of at least 1');
  }
  return value;
}

function stopSequences(body: JsonObject, limit: number | undefined): string[] {
  const value = body.stop_sequences;
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((s) => typeof s === 'string')) {
    throw invalidRequest('stop_sequences', 'must be an array of strings');
  }
  const stops = (value as string[]).filter((s) => s.length > 0);
  if (limit !== undefined && stops.length > limit) {
    throw invalidRequest('stop_sequences', `this upstream accepts at most ${limit} stop sequences`);
  }
  return stops;
}

/**
 * Anthropic Messages request → OpenAI Chat Completions request (conversion-spec §5). Only fields with an
 * OpenAI meaning are written; every other field is dropped (docs/conversion-matrix.md lists them), never
 * forwarded.
 */
export function mapRequest(bodyIn: unknown, target: UpstreamTarget): ConvertedRequest {
  if (!isJsonObject(bodyIn)) throw invalidRequest('body', 'must be a JSON object');
  const body = bodyIn;
  const options = readOptions(target);
  if (typeof body.model !== 'string' || body.model.length === 0) {
    throw invalidRequest('model', 'must be a non-empty string');
  }
  const names = new ToolNameMap();
  const messages = mapMessages(body, {
    sendReasoningContent: options.sendReasoningContent,
    sendThinkingBlocks: options.sendThinkingBlocks,
    toolNames: names,
  });
  const out: OpenAiRequestOut = { model: body.model, messages };

  const limit = maxTokens(body, target);
  if (limit !== undefined) {
    if (options.useMaxCompletionTokens) out.max_completion_tokens = limit;
    else out.max_tokens = limit;
  }
  const temperature = optionalNumber(body, 'temperature', 0, 2);
  if (temperature !== undefined) out.temperature = temperature;
  const topP = optionalNumber(body, 'top_p', 0, 1);
  if (topP !== undefined) out.top_p = topP;
  const stops = stopSequences(body, options.useMaxCompletionTokens ? OPENAI_MAX_STOP : undefined);
  if (stops.length > 0) out.stop = stops;

  if (body.stream !== undefined && body.stream !== null && typeof body.stream !== 'boolean') {
    throw invalidRequest('stream', 'must be a boolean');
  }
  if (body.stream === true) {
    out.stream = true;
    out.stream_options = { include_usage: true };
  }

  Object.assign(out, mapTools(body.tools, body.tool_choice, names));

  const effort = mapReasoningEffort(body.thinking, body.output_config);
  if (effort && options.sendReasoningEffort) out.reasoning_effort = effort;

  const format = isJsonObject(body.output_config) ? body.output_config.format : body.output_format;
  if (format !== undefined && format !== null) {
    if (!isJsonObject(format) || format.type !== 'json_schema' || !isJsonObject(format.schema)) {
      throw invalidRequest('output_config.format', 'must be {"type":"json_schema","schema":{…}}');
    }
    out.response_format = {
      type: 'json_schema',
      json_schema: { name: 'structured_output', schema: format.schema },
    };
  }

  if (body.metadata !== undefined && body.metadata !== null) {
    if (!isJsonObject(body.metadata)) throw invalidRequest('metadata', 'must be an object');
    const userId = body.metadata.user_id;
    if (typeof userId === 'string' && userId.length > 0) out.user = userId;
  }

  if (options.mapServiceTier && (body.service_tier === 'auto' || body.service_tier === 'standard_only')) {
    out.service_tier = body.service_tier === 'auto' ? 'auto' : 'default';
  }

  return {
    body: out as unknown as Record<string, unknown>,
    memo: toMemo({
      requestedModel: body.model,
      stopSequences: stops,
      toolNames: names.restoreTable(),
      contentFilterStopReason: options.contentFilterStopReason,
      bufferToolArguments: options.bufferToolArguments,
    }),
  };
}
