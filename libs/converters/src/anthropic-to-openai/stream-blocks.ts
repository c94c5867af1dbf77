import {
  asString,
  isJsonObject,
  tryParseJson,
  type AnthropicStreamEvent as AnthropicEventOut,
  type JsonObject,
} from '@switchboard/protocols';
import { toolInputFromArguments } from '../shared/tool-arguments';
import { restoreToolName } from '../shared/tool-names';
import { stopTailLength } from './stop-reason.mapper';
import type { StreamState } from './stream.reducer';

/**
 * Content blocks of the Anthropic stream built from OpenAI deltas (the block half of the stream reducer).
 *
 * Tool calls: one Anthropic block per OpenAI tool `index` (a repeated `id` on every fragment opens nothing new;
 * a new `id` on a reused index is a new call). Anthropic blocks are sequential, so only one tool streams live:
 * another call's fragments are buffered while the live call's arguments are not yet complete JSON (arguments
 * interleaved across calls), and the buffered call is streamed as soon as the live one completes, or at the end.
 * A call whose name has not arrived yet is buffered the same way.
 */

export interface ToolSlot {
  id?: string;
  name?: string;
  /** All argument text received. */
  args: string;
  status: 'pending' | 'open' | 'closed';
  index?: number;
}

export type OpenBlock = { kind: 'text' | 'thinking'; index: number } | { kind: 'tool'; key: string } | null;

/** Mutable working copy for one step; the input state is never modified. */
export type Draft = { -readonly [K in keyof StreamState]: StreamState[K] } & {
  tools: Record<string, ToolSlot>;
  toolOrder: string[];
  keyByIndex: Record<string, string>;
};

// Field by field rather than a spread: one fixed object shape, copied once per upstream event (hot path).
export function draftOf(state: StreamState): Draft {
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
    chunkHead: state.chunkHead,
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

export function closeOpen(s: Draft, out: AnthropicEventOut[]): void {
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

export function appendText(
  s: Draft,
  kind: 'text' | 'thinking',
  text: string,
  out: AnthropicEventOut[],
): void {
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
export function thinkingSignatures(s: Draft, blocks: unknown[], out: AnthropicEventOut[]): void {
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
export function closeAllBlocks(s: Draft, out: AnthropicEventOut[]): void {
  closeOpen(s, out);
  for (const key of s.toolOrder) {
    if ((s.tools[key] as ToolSlot).status !== 'pending') continue;
    startTool(s, key, out);
    closeOpen(s, out);
  }
}

export function toolFragment(
  s: Draft,
  fragment: JsonObject,
  position: number,
  out: AnthropicEventOut[],
): void {
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
