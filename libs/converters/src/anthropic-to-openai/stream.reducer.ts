import { GatewayError, GatewayErrorCode } from '@switchboard/common/errors';
import {
  anthropicErrorForOpenAiStatus,
  asString,
  isJsonObject,
  isOpenAiFilterOnlyChunk,
  openAiContentText,
  openAiStreamErrorStatus,
  tokenUsageFromOpenAi,
  parseOpenAiChunkData,
  type AnthropicStreamEvent as AnthropicEventOut,
  type JsonObject,
  type OpenAiChunkHead,
  type SseEvent,
  type TokenUsage,
} from '@switchboard/protocols';
import { initialAnthropicClientFields } from '../shared/anthropic-client-stream';
import { streamCutError } from '../shared/stream-failure';
import type { AnthropicToOpenAiMemo } from './conversion-memo';
import { messageStartEvent, pushMessageEnd } from '../shared/anthropic-message-out';
import { reasoningText } from './response.mapper';
import { mapStopReason } from './stop-reason.mapper';
import {
  appendText,
  closeAllBlocks,
  draftOf,
  thinkingSignatures,
  toolFragment,
  type Draft,
  type OpenBlock,
  type ToolSlot,
} from './stream-blocks';

/**
 * OpenAI chat-completion chunks → Anthropic stream events (conversion-spec §7), as a pure reducer:
 * `step(state, event) → [state, events]` and `flush(state) → [state, events]` at upstream end. The caller owns
 * the clock: the message id is fixed in `initialStreamState`. A failure (upstream error frame, garbage, cut
 * stream) is reported in `state.failure` after the Anthropic `error` event was produced. Blocks and tool calls:
 * ./stream-blocks.ts.
 */

export interface StreamState {
  readonly memo: AnthropicToOpenAiMemo;
  readonly messageId: string;
  /** The first non-empty `model` of the upstream's chunks. */
  readonly upstreamModel: string | undefined;
  readonly started: boolean;
  readonly nextIndex: number;
  readonly open: OpenBlock;
  readonly tools: Readonly<Record<string, Readonly<ToolSlot>>>;
  /** Slot keys in order of first appearance. */
  readonly toolOrder: readonly string[];
  /** OpenAI tool `index` → key of the latest slot using it. */
  readonly keyByIndex: Readonly<Record<string, string>>;
  readonly finish: string | null;
  readonly matchedStop: unknown;
  readonly usage: TokenUsage | null;
  readonly textTail: string;
  readonly sawRefusal: boolean;
  /** `message_stop` or `error` was produced: nothing may follow. */
  readonly closed: boolean;
  readonly failure: GatewayError | null;
  /** The opening the upstream's chunks repeat, learnt from an earlier chunk (it makes parsing the next cheap). */
  readonly chunkHead: OpenAiChunkHead | undefined;
}

export type StepResult = [StreamState, AnthropicEventOut[]];

export function initialStreamState(memo: AnthropicToOpenAiMemo, messageId: string): StreamState {
  return {
    memo,
    ...initialAnthropicClientFields(messageId),
    open: null,
    tools: {},
    toolOrder: [],
    keyByIndex: {},
    finish: null,
    matchedStop: undefined,
    textTail: '',
    chunkHead: undefined,
  };
}

function ensureStarted(s: Draft, out: AnthropicEventOut[]): void {
  if (s.started) return;
  s.started = true;
  out.push(messageStartEvent(s.messageId, s.upstreamModel ?? s.memo.requestedModel));
}

function finishMessage(s: Draft, out: AnthropicEventOut[]): void {
  closeAllBlocks(s, out);
  const hasToolCalls = s.toolOrder.length > 0;
  const stop = mapStopReason(
    {
      finishReason: s.finish,
      matchedStop: s.matchedStop,
      textTail: s.textTail,
      hasToolCalls,
      sawRefusal: s.sawRefusal,
    },
    s.memo,
  );
  pushMessageEnd(out, stop.stop_reason, stop.stop_sequence, s.usage);
  s.closed = true;
}

function fail(s: Draft, error: GatewayError, anthropicType: string, out: AnthropicEventOut[]): void {
  out.push({ type: 'error', error: { type: anthropicType, message: error.message } });
  s.closed = true;
  s.failure = error;
}

function upstreamStreamError(s: Draft, payload: JsonObject, out: AnthropicEventOut[]): void {
  const error = isJsonObject(payload.error) ? payload.error : {};
  const message =
    asString(error.message) ||
    (typeof payload.error === 'string' ? payload.error : '') ||
    'Upstream stream error';
  const status = openAiStreamErrorStatus(error);
  const openAiType = asString(error.type) ?? null;
  const code = typeof error.code === 'string' ? error.code : null;
  const { type } = anthropicErrorForOpenAiStatus(status, openAiType, code);
  fail(
    s,
    new GatewayError(GatewayErrorCode.UPSTREAM_ERROR, message, {
      upstreamStatus: status,
      upstreamType: openAiType ?? undefined,
    }),
    type,
    out,
  );
}

function chunk(s: Draft, payload: JsonObject, out: AnthropicEventOut[]): void {
  if (s.upstreamModel === undefined && typeof payload.model === 'string' && payload.model.length > 0) {
    s.upstreamModel = payload.model;
  }
  // Azure's filter-only first chunk (`model: ""`): message_start waits for a chunk that says something.
  if (!s.started && isOpenAiFilterOnlyChunk(payload)) return;
  ensureStarted(s, out);
  if (isJsonObject(payload.usage)) s.usage = tokenUsageFromOpenAi(payload.usage) ?? s.usage;
  const choices = Array.isArray(payload.choices) ? payload.choices.filter(isJsonObject) : [];
  // Only choice 0 is converted (an Anthropic message has one; the request never asks for more).
  const choice = choices.find((c) => c.index === 0 || c.index === undefined);
  if (choice) {
    const delta = isJsonObject(choice.delta) ? choice.delta : {};
    // Mistral/Magistral stream `content` as an array of `thinking` and `text` parts.
    const parts = Array.isArray(delta.content) ? openAiContentText(delta.content) : undefined;
    const reasoning = reasoningText(delta) || parts?.thinking;
    if (reasoning) appendText(s, 'thinking', reasoning, out);
    if (Array.isArray(delta.thinking_blocks)) thinkingSignatures(s, delta.thinking_blocks, out);
    if (typeof delta.content === 'string') appendText(s, 'text', delta.content, out);
    else if (parts) appendText(s, 'text', parts.text, out);
    if (typeof delta.refusal === 'string' && delta.refusal.length > 0) {
      s.sawRefusal = true;
      appendText(s, 'text', delta.refusal, out);
    }
    if (Array.isArray(delta.tool_calls)) {
      delta.tool_calls.forEach((fragment, i) => {
        if (isJsonObject(fragment)) toolFragment(s, fragment, i, out);
      });
    } else if (isJsonObject(delta.function_call)) {
      toolFragment(s, { index: 0, function: delta.function_call }, 0, out);
    }
    const finish = choice.finish_reason;
    if (finish === 'error') {
      upstreamStreamError(s, payload, out);
      return;
    }
    if (typeof finish === 'string' && finish.length > 0 && s.finish === null) {
      s.finish = finish;
      s.matchedStop = choice.stop_reason;
      closeAllBlocks(s, out);
    }
  }
  // The final message_delta waits for usage, which OpenAI sends in a later `choices: []` chunk.
  if (s.finish !== null && s.usage !== null) finishMessage(s, out);
}

function garbage(s: Draft, out: AnthropicEventOut[]): void {
  fail(
    s,
    new GatewayError(
      GatewayErrorCode.UPSTREAM_STREAM_CUT,
      'The upstream stream carried a frame that is not JSON',
    ),
    'api_error',
    out,
  );
}

export function step(state: StreamState, event: SseEvent): StepResult {
  if (state.closed) return [state, []];
  const data = event.data.trim();
  if (data.length === 0) return [state, []];
  const s = draftOf(state);
  const out: AnthropicEventOut[] = [];
  if (data === '[DONE]') {
    ensureStarted(s, out);
    finishMessage(s, out);
    return [s, out];
  }
  const parsed = parseOpenAiChunkData(data, state.chunkHead);
  const payload = parsed.value;
  s.chunkHead = parsed.head;
  if (event.event === 'error' && !isJsonObject(payload)) {
    // `event: error` with a plain-text body: still the upstream's own error report.
    upstreamStreamError(s, { error: { message: data } }, out);
  } else if (!isJsonObject(payload)) garbage(s, out);
  else if (event.event === 'error' || (payload.error !== undefined && payload.error !== null)) {
    upstreamStreamError(s, payload, out);
  } else chunk(s, payload, out);
  return [s, out];
}

/**
 * Upstream closed. After `[DONE]` or a finish reason this is a normal end (the held message_delta is sent with
 * the best usage known); before either, the stream was cut: an Anthropic `error` event and `state.failure`.
 */
export function flush(state: StreamState): StepResult {
  if (state.closed) return [state, []];
  const s = draftOf(state);
  const out: AnthropicEventOut[] = [];
  if (s.finish !== null) finishMessage(s, out);
  else fail(s, streamCutError(), 'api_error', out);
  return [s, out];
}
