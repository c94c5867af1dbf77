import { GatewayError, GatewayErrorCode } from '@switchboard/common/errors';
import {
  anthropicErrorForOpenAiStatus,
  asString,
  isJsonObject,
  isOpenAiFilterOnlyChunk,
  openAiContentText,
  openAiStreamErrorStatus,
  tokenUsageFromOpenAi,
  tryParseJson,
  type AnthropicStreamEvent as AnthropicEventOut,
  type JsonObject,
  type SseEvent,
  type TokenUsage,
} from '@switchboard/protocols';
import { streamCutError } from '../shared/stream-failure';
import { toolInputFromArguments } from '../shared/tool-arguments';
import { restoreToolName } from '../shared/tool-names';
import type { AnthropicToOpenAiMemo } from './conversion-memo';
import { EMPTY_USAGE, reasoningText, usageOut } from './response.mapper';
import { mapStopReason, stopTailLength } from './stop-reason.mapper';

/**
 * OpenAI chat-completion chunks → Anthropic stream events (conversion-spec §7), as a pure reducer:
 * `step(state, event) → [state, events]` and `flush(state) → [state, events]` at upstream end. The caller owns
 * the clock: the message id is fixed in `initialStreamState`. A failure (upstream error frame, garbage, cut
 * stream) is reported in `state.failure` after the Anthropic `error` event was produced.
 *
 * Tool calls: one Anthropic block per OpenAI tool `index` (a repeated `id` on every fragment opens nothing new;
 * a new `id` on a reused index is a new call). Anthropic blocks are sequential, so only one tool streams live:
 * another call's fragments are buffered while the live call's arguments are not yet complete JSON (arguments
 * interleaved across calls), and the buffered call is streamed as soon as the live one completes, or at the end.
 * A call whose name has not arrived yet is buffered the same way.
 */

interface ToolSlot {
  id?: string;
  name?: string;
  /** All argument text received. */
  args: string;
  status: 'pending' | 'open' | 'closed';
  index?: number;
}

type OpenBlock = { kind: 'text' | 'thinking'; index: number } | { kind: 'tool'; key: string } | null;

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
}

export type StepResult = [StreamState, AnthropicEventOut[]];

export function initialStreamState(memo: AnthropicToOpenAiMemo, messageId: string): StreamState {
  return {
    memo,
    messageId,
    upstreamModel: undefined,
    started: false,
    nextIndex: 0,
    open: null,
    tools: {},
    toolOrder: [],
    keyByIndex: {},
    finish: null,
    matchedStop: undefined,
    usage: null,
    textTail: '',
    sawRefusal: false,
    closed: false,
    failure: null,
  };
}

/** Mutable working copy for one step; the input state is never modified. */
type Draft = { -readonly [K in keyof StreamState]: StreamState[K] } & {
  tools: Record<string, ToolSlot>;
  toolOrder: string[];
  keyByIndex: Record<string, string>;
};

// Field by field rather than a spread: one fixed object shape, copied once per upstream event (hot path).
function draftOf(state: StreamState): Draft {
  return {
    memo: state.memo,
    messageId: state.messageId,
    upstreamModel: state.upstreamModel,
    started: state.started,
    nextIndex: state.nextIndex,
    open: state.open,
    tools: { ...state.tools } as Record<string, ToolSlot>,
    toolOrder: state.toolOrder as string[],
    keyByIndex: state.keyByIndex as Record<string, string>,
    finish: state.finish,
    matchedStop: state.matchedStop,
    usage: state.usage,
    textTail: state.textTail,
    sawRefusal: state.sawRefusal,
    closed: state.closed,
    failure: state.failure,
  };
}

/** Copy-on-write for one tool slot (the draft's map is already a copy). */
function slotFor(s: Draft, key: string): ToolSlot {
  const slot = { ...(s.tools[key] as ToolSlot) };
  s.tools[key] = slot;
  return slot;
}

function ensureStarted(s: Draft, out: AnthropicEventOut[]): void {
  if (s.started) return;
  s.started = true;
  out.push({
    type: 'message_start',
    message: {
      id: s.messageId,
      type: 'message',
      role: 'assistant',
      model: s.upstreamModel ?? s.memo.requestedModel,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: usageOut(EMPTY_USAGE),
    },
  });
}

function closeOpen(s: Draft, out: AnthropicEventOut[]): void {
  const open = s.open;
  if (!open) return;
  if (open.kind === 'tool') {
    const slot = slotFor(s, open.key);
    slot.status = 'closed';
    const index = slot.index as number;
    if (s.memo.bufferToolArguments && slot.args.trim().length > 0) {
      const partial_json = JSON.stringify(toolInputFromArguments(slot.args));
      out.push({ type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json } });
    }
    out.push({ type: 'content_block_stop', index });
  } else {
    out.push({ type: 'content_block_stop', index: open.index });
  }
  s.open = null;
}

function appendText(s: Draft, kind: 'text' | 'thinking', text: string, out: AnthropicEventOut[]): void {
  if (text.length === 0) return;
  if (s.open?.kind !== kind) {
    closeOpen(s, out);
    const index = s.nextIndex++;
    s.open = { kind, index };
    out.push({
      type: 'content_block_start',
      index,
      content_block:
        kind === 'text' ? { type: 'text', text: '' } : { type: 'thinking', thinking: '', signature: '' },
    });
  }
  const index = (s.open as { index: number }).index;
  out.push({
    type: 'content_block_delta',
    index,
    delta: kind === 'text' ? { type: 'text_delta', text } : { type: 'thinking_delta', thinking: text },
  });
  if (kind === 'text') {
    const keep = stopTailLength(s.memo);
    if (keep > 0) s.textTail = (s.textTail + text).slice(-keep);
  }
}

/** litellm-style `delta.thinking_blocks[].signature`: the open thinking block's signature (signature_delta). */
function thinkingSignatures(s: Draft, blocks: unknown[], out: AnthropicEventOut[]): void {
  for (const block of blocks) {
    if (!isJsonObject(block) || typeof block.signature !== 'string' || block.signature.length === 0) continue;
    if (s.open?.kind !== 'thinking') continue;
    out.push({
      type: 'content_block_delta',
      index: s.open.index,
      delta: { type: 'signature_delta', signature: block.signature },
    });
  }
}

const isCompleteJson = (text: string): boolean => tryParseJson(text) !== undefined;

function toolIdFallback(s: Draft, key: string): string {
  return `toolu_${s.messageId.replace(/^msg_/, '')}_${key.replace(/\W/g, '_')}`;
}

function startTool(s: Draft, key: string, out: AnthropicEventOut[]): void {
  closeOpen(s, out);
  const slot = slotFor(s, key);
  slot.index = s.nextIndex++;
  slot.status = 'open';
  s.open = { kind: 'tool', key };
  out.push({
    type: 'content_block_start',
    index: slot.index,
    content_block: {
      type: 'tool_use',
      id: slot.id ?? toolIdFallback(s, key),
      name: restoreToolName(s.memo.toolNames, slot.name ?? ''),
      input: {},
    },
  });
  if (slot.args.length > 0 && !s.memo.bufferToolArguments) {
    out.push({
      type: 'content_block_delta',
      index: slot.index,
      delta: { type: 'input_json_delta', partial_json: slot.args },
    });
  }
}

/** Starts buffered calls that can stream now: the live call (if any) has complete arguments. */
function advanceTools(s: Draft, out: AnthropicEventOut[]): void {
  for (;;) {
    const next = s.toolOrder.find((key) => {
      const slot = s.tools[key] as ToolSlot;
      return slot.status === 'pending' && slot.name !== undefined;
    });
    if (next === undefined) return;
    // Parsed only when a buffered call is waiting, so a long single call is never re-parsed per fragment.
    const open = s.open;
    if (open?.kind === 'tool' && !isCompleteJson((s.tools[open.key] as ToolSlot).args)) return;
    startTool(s, next, out);
  }
}

/** Closes everything at the end of the message: the open block, then every buffered call in order. */
function closeAllBlocks(s: Draft, out: AnthropicEventOut[]): void {
  closeOpen(s, out);
  for (const key of s.toolOrder) {
    if ((s.tools[key] as ToolSlot).status !== 'pending') continue;
    startTool(s, key, out);
    closeOpen(s, out);
  }
}

function toolFragment(s: Draft, fragment: JsonObject, position: number, out: AnthropicEventOut[]): void {
  const openAiIndex = typeof fragment.index === 'number' ? fragment.index : position;
  const fn = isJsonObject(fragment.function) ? fragment.function : {};
  const id = asString(fragment.id) || undefined;
  let key = s.keyByIndex[openAiIndex];
  const known = key === undefined ? undefined : (s.tools[key] as ToolSlot);
  // Some upstreams reuse index 0 for several calls: a different id on a known index is a new call.
  if (key === undefined || (id !== undefined && known?.id !== undefined && known.id !== id)) {
    key =
      s.tools[String(openAiIndex)] === undefined
        ? String(openAiIndex)
        : `${openAiIndex}_${s.toolOrder.length}`;
    s.tools[key] = { args: '', status: 'pending' };
    s.toolOrder = [...s.toolOrder, key];
    s.keyByIndex = { ...s.keyByIndex, [openAiIndex]: key };
  }
  const slot = slotFor(s, key);
  if (slot.id === undefined && id !== undefined) slot.id = id;
  const name = asString(fn.name);
  if (slot.name === undefined && name) slot.name = name;
  const args = asString(fn.arguments) ?? '';
  if (slot.status === 'closed') return; // a fragment after the call's block closed cannot be placed
  slot.args += args;
  if (slot.status === 'open') {
    if (args.length > 0 && !s.memo.bufferToolArguments) {
      out.push({
        type: 'content_block_delta',
        index: slot.index as number,
        delta: { type: 'input_json_delta', partial_json: args },
      });
    }
  }
  advanceTools(s, out);
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
  out.push({
    type: 'message_delta',
    delta: { stop_reason: stop.stop_reason, stop_sequence: stop.stop_sequence },
    usage: usageOut(s.usage ?? EMPTY_USAGE),
  });
  out.push({ type: 'message_stop' });
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
  const payload = tryParseJson(data);
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
