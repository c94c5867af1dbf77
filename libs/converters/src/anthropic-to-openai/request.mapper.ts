import type { ConvertedRequest, UpstreamTarget } from '../converter.interface';
import { type JsonObject, type OpenAiChatRequest } from '@switchboard/protocols';
import { toMemo } from './conversion-memo';
import { invalidRequest } from './request-error';
import { mapMessages } from './messages.mapper';
import { readOptions } from './options';
import { mapReasoningEffort } from './reasoning.mapper';
import * as fields from '../shared/anthropic-request-fields';
import { ToolNameMap } from '../shared/tool-names';
import { mapTools } from './tools.mapper';

/** The OpenAI request body this converter writes. */
export type OpenAiRequestOut = OpenAiChatRequest;

/** OpenAI accepts at most four stop sequences (api.openai.com and Azure OpenAI). */
const OPENAI_MAX_STOP = 4;

function stopSequences(body: JsonObject, limit: number | undefined): string[] {
  const stops = (fields.stopSequencesOf(body) ?? []).filter((s) => s.length > 0);
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
  const body = fields.readRequestBody(bodyIn);
  const options = readOptions(target);
  const names = new ToolNameMap();
  const messages = mapMessages(body, {
    sendReasoningContent: options.sendReasoningContent,
    sendThinkingBlocks: options.sendThinkingBlocks,
    toolNames: names,
  });
  const out: OpenAiRequestOut = { model: body.model, messages };

  const limit = fields.maxTokensOf(body.max_tokens ?? target.defaults?.max_tokens);
  if (limit !== undefined) {
    if (options.useMaxCompletionTokens) out.max_completion_tokens = limit;
    else out.max_tokens = limit;
  }
  fields.copySampling(body, out);
  const stops = stopSequences(body, options.useMaxCompletionTokens ? OPENAI_MAX_STOP : undefined);
  if (stops.length > 0) out.stop = stops;

  if (fields.streamFlag(body)) {
    out.stream = true;
    out.stream_options = { include_usage: true };
  }

  Object.assign(out, mapTools(body.tools, body.tool_choice, names));

  const effort = mapReasoningEffort(body.thinking, body.output_config);
  if (effort && options.sendReasoningEffort) out.reasoning_effort = effort;

  const schema = fields.outputSchemaOf(body);
  if (schema)
    out.response_format = { type: 'json_schema', json_schema: { name: 'structured_output', schema } };
  const userId = fields.metadataUserId(body);
  if (userId) out.user = userId;
  Object.assign(out, fields.serviceTierField(body, options.mapServiceTier));

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
