import { responsesId, isJsonObject, type JsonObject } from '@switchboard/protocols';
import type { ConversionClock, ConvertedRequest, UpstreamTarget } from '../converter.interface';
import { toMemo, type ResponsesClientMemo } from './conversion-memo';
import { mapInput } from './input.mapper';
import { isOpenAiProvider, readResponsesClientOptions } from './options';
import { invalidRequest } from '../shared/request-error';
import { echoOf } from './response-echo';
import { mapToolChoice } from './tool-choice.mapper';
import { mapTools } from './tools.mapper';

/**
 * Responses request → Chat Completions request (responses-spec §7.1). Accepted and ignored: `include`, `store`,
 * `metadata`, `truncation`, `prompt_cache_key`/`service_tier`/`verbosity` toward non-OpenAI upstreams,
 * `client_metadata`, `stream_options`. `previous_response_id` and `item_reference` have been expanded by the data
 * plane before conversion (it owns the store): the id is only echoed.
 */

export interface ChatRequestOptions {
  /** Keep Anthropic thinking carried in reasoning items (only the Anthropic direction sets it). */
  keepThinking: boolean;
}

function unsupportedField(body: unknown): asserts body is JsonObject {
  if (!isJsonObject(body)) throw invalidRequest('body', 'The request body must be a JSON object.');
  if (body.background === true) {
    throw invalidRequest(
      'background',
      'background: true is not supported by this gateway; send the request without it.',
    );
  }
  if (body.conversation !== undefined && body.conversation !== null) {
    throw invalidRequest('conversation', 'conversation objects are not supported; use previous_response_id.');
  }
  if (body.prompt !== undefined && body.prompt !== null) {
    throw invalidRequest('prompt', 'prompt templates are not supported by this gateway.');
  }
  if (typeof body.model !== 'string' || body.model.length === 0) {
    throw invalidRequest('model', 'model must be a non-empty string.');
  }
  if (body.input === undefined || body.input === null) throw invalidRequest('input', 'input is required.');
}

function responseFormatOf(text: unknown): JsonObject | undefined {
  if (!isJsonObject(text) || !isJsonObject(text.format)) return undefined;
  const format = text.format;
  if (format.type === 'json_object') return { type: 'json_object' };
  if (format.type !== 'json_schema') return undefined;
  if (typeof format.name !== 'string' || !isJsonObject(format.schema)) {
    throw invalidRequest('text.format', 'text.format json_schema needs a name and a schema object.');
  }
  const jsonSchema: JsonObject = { name: format.name, schema: format.schema };
  if (typeof format.strict === 'boolean') jsonSchema.strict = format.strict;
  if (typeof format.description === 'string') jsonSchema.description = format.description;
  return { type: 'json_schema', json_schema: jsonSchema };
}

export function mapRequest(
  body: JsonObject,
  target: UpstreamTarget,
  clock: ConversionClock,
  chatOptions: ChatRequestOptions,
): ConvertedRequest {
  unsupportedField(body);
  // `previous_response_id` arrives with its history already expanded into `input` by the data plane: it is
  // echoed on the Response and never sent upstream.
  const options = readResponsesClientOptions(target);
  const openAi = isOpenAiProvider(target);
  const tools = mapTools(body.tools, options);
  const messages = mapInput(body, {
    instructionRole: openAi ? 'developer' : 'system',
    keepThinking: chatOptions.keepThinking,
    tools,
  });

  const out: JsonObject = { model: body.model, messages };
  const offer = mapToolChoice(body.tool_choice, tools);
  if (offer.tools.length > 0) {
    out.tools = offer.tools;
    if (offer.choice !== undefined) out.tool_choice = offer.choice;
    if (typeof body.parallel_tool_calls === 'boolean') out.parallel_tool_calls = body.parallel_tool_calls;
  }
  if (typeof body.max_output_tokens === 'number') {
    out[openAi ? 'max_completion_tokens' : 'max_tokens'] = body.max_output_tokens;
  }
  for (const field of ['temperature', 'top_p'] as const) {
    if (typeof body[field] === 'number') out[field] = body[field];
  }
  const responseFormat = responseFormatOf(body.text);
  if (responseFormat) out.response_format = responseFormat;
  if (isJsonObject(body.reasoning) && typeof body.reasoning.effort === 'string') {
    out.reasoning_effort = body.reasoning.effort;
  }
  for (const field of ['safety_identifier', 'user'] as const) {
    if (typeof body[field] === 'string') out[field] = body[field];
  }
  if (openAi) {
    if (isJsonObject(body.text) && typeof body.text.verbosity === 'string')
      out.verbosity = body.text.verbosity;
    for (const field of ['prompt_cache_key', 'service_tier'] as const) {
      if (typeof body[field] === 'string') out[field] = body[field];
    }
  }
  if (body.stream === true) {
    out.stream = true;
    out.stream_options = { include_usage: true };
  }

  const memo: ResponsesClientMemo = {
    model: body.model as string,
    responseId: responsesId('response', clock.newId()),
    createdAt: Math.floor(clock.now() / 1000),
    namespaced: tools.namespaced,
    custom: tools.custom,
    droppedTools: tools.dropped,
    reasoningSummary: isJsonObject(body.reasoning),
    echo: echoOf(body),
  };
  return { body: out, memo: toMemo(memo) };
}
