import { GatewayError, GatewayErrorCode } from '@switchboard/common/errors';
import {
  anthropicErrorForOpenAiStatus,
  asString,
  isJsonObject,
  openAiStreamErrorStatus,
  tokenUsageFromResponsesUsage,
  tryParseJson,
  type AnthropicStreamEvent as AnthropicEventOut,
  type JsonObject,
  type SseEvent,
} from '@switchboard/protocols';
import { messageStartEvent, pushMessageEnd } from '../shared/anthropic-message-out';
import { streamCutError } from '../shared/stream-failure';
import { mapStopReason } from './stop-reason.mapper';
import { appendArguments, appendText, appendThinking, closeOpen } from './stream-blocks';
import { itemAdded, itemDone } from './stream-items';
import { draftOf, slotFor, type Draft, type StreamState } from './stream.state';

export { initialStreamState, type StreamState } from './stream.state';

/**
 * OpenAI Responses events → Anthropic stream events (responses-spec §9.3), as a pure reducer:
 * `step(state, event) → [state, events]`, and `flush(state)` when the upstream closes. `response.completed` /
 * `.incomplete` end the message (`message_delta` + `message_stop`); `response.failed`, an `error` event, a frame
 * that is not JSON, or a close before a terminal event end it with Anthropic's `error` event and
 * `state.failure` — never a clean `message_stop`. Blocks: ./stream-blocks.ts and ./stream-items.ts.
 */

export type StepResult = [StreamState, AnthropicEventOut[]];

function ensureStarted(s: Draft, out: AnthropicEventOut[]): void {
  if (s.started) return;
  s.started = true;
  out.push(messageStartEvent(s.messageId, s.upstreamModel ?? s.memo.requestedModel));
}

function finishMessage(s: Draft, type: string, response: JsonObject, out: AnthropicEventOut[]): void {
  closeOpen(s, out);
  s.usage = tokenUsageFromResponsesUsage(response.usage) ?? s.usage;
  const status = asString(response.status) ?? (type === 'response.incomplete' ? 'incomplete' : 'completed');
  const incomplete = isJsonObject(response.incomplete_details)
    ? response.incomplete_details.reason
    : undefined;
  const stopReason = mapStopReason(
    { status, incompleteReason: incomplete, hasToolCalls: s.hasToolCalls, sawRefusal: s.sawRefusal },
    s.memo,
  );
  pushMessageEnd(out, stopReason, null, s.usage);
  s.closed = true;
}

function fail(s: Draft, error: GatewayError, anthropicType: string, out: AnthropicEventOut[]): void {
  out.push({ type: 'error', error: { type: anthropicType, message: error.message } });
  s.closed = true;
  s.failure = error;
}

/** `error` event (flat or nested) or `response.failed`'s `response.error` → Anthropic `error` + UPSTREAM_ERROR. */
function upstreamError(s: Draft, error: JsonObject, out: AnthropicEventOut[]): void {
  const message = asString(error.message) || 'Upstream stream error';
  const status = openAiStreamErrorStatus(error);
  const openAiType = asString(error.type) ?? null;
  const code = typeof error.code === 'string' ? error.code : null;
  const { type } = anthropicErrorForOpenAiStatus(status, openAiType, code);
  const failure = new GatewayError(GatewayErrorCode.UPSTREAM_ERROR, message, {
    upstreamStatus: status,
    upstreamType: openAiType ?? code ?? undefined,
  });
  fail(s, failure, type, out);
}

const numberOr = (value: unknown, fallback: number): number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : fallback;
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function event(s: Draft, type: string, p: JsonObject, out: AnthropicEventOut[]): void {
  const response = isJsonObject(p.response) ? p.response : {};
  if (s.upstreamModel === undefined && typeof response.model === 'string' && response.model.length > 0) {
    s.upstreamModel = response.model;
  }
  if (type === 'error') return upstreamError(s, isJsonObject(p.error) ? p.error : p, out);
  if (type === 'response.failed') {
    return upstreamError(
      s,
      isJsonObject(response.error) ? response.error : { message: 'The response failed' },
      out,
    );
  }
  ensureStarted(s, out);
  const at = numberOr(p.output_index, 0);
  const item = isJsonObject(p.item) ? p.item : {};
  switch (type) {
    case 'response.output_item.added':
      return itemAdded(s, at, item, out);
    case 'response.output_item.done':
      return itemDone(s, at, item, out);
    case 'response.output_text.delta':
      return appendText(s, at, text(p.delta), out);
    case 'response.refusal.delta':
      s.sawRefusal = true;
      return appendText(s, at, text(p.delta), out);
    case 'response.output_text.done':
    case 'response.refusal.done':
      if ((s.items[at]?.sent ?? 0) === 0) appendText(s, at, text(p.text ?? p.refusal), out);
      if (type === 'response.refusal.done') s.sawRefusal = true;
      return;
    case 'response.reasoning_summary_text.delta':
      return appendThinking(s, at, text(p.delta), numberOr(p.summary_index, 0), out);
    case 'response.reasoning_text.delta':
      return appendThinking(s, at, text(p.delta), undefined, out);
    case 'response.function_call_arguments.delta':
      return appendArguments(s, at, text(p.delta), out);
    case 'response.function_call_arguments.done':
      if ((s.items[at]?.sent ?? 0) === 0) appendArguments(s, at, text(p.arguments), out);
      slotFor(s, at);
      return;
    case 'response.completed':
    case 'response.incomplete':
      return finishMessage(s, type, response, out);
  }
}

export function step(state: StreamState, sse: SseEvent): StepResult {
  if (state.closed) return [state, []];
  const data = sse.data.trim();
  // Responses defines no `[DONE]`; a server that adds one after its terminal event has already ended.
  if (data.length === 0 || data === '[DONE]') return [state, []];
  const s = draftOf(state);
  const out: AnthropicEventOut[] = [];
  const payload = tryParseJson(data);
  if (!isJsonObject(payload)) {
    if (sse.event === 'error') upstreamError(s, { message: data }, out);
    else {
      const garbage = new GatewayError(
        GatewayErrorCode.UPSTREAM_STREAM_CUT,
        'The upstream stream carried a frame that is not JSON',
      );
      fail(s, garbage, 'api_error', out);
    }
    return [s, out];
  }
  const type = asString(payload.type) ?? sse.event ?? '';
  event(s, type, payload, out);
  return [s, out];
}

/** Upstream closed. Before a terminal event the stream was cut: an Anthropic `error` event and `state.failure`. */
export function flush(state: StreamState): StepResult {
  if (state.closed) return [state, []];
  const s = draftOf(state);
  const out: AnthropicEventOut[] = [];
  fail(s, streamCutError(), 'api_error', out);
  return [s, out];
}
