import type { GatewayError } from '@switchboard/common/errors';
import type { TokenUsage } from '@switchboard/protocols';
import { initialAnthropicClientFields } from '../shared/anthropic-client-stream';
import type { AnthropicToResponsesMemo } from './conversion-memo';

/** What the reducer knows of one upstream output item, keyed by its `output_index`. */
export interface ItemSlot {
  kind: 'message' | 'reasoning' | 'function_call' | 'other';
  /** Anthropic block index once a block was opened for the item (text, thinking or tool_use). */
  index?: number;
  /** Text, thinking or argument characters already sent for the item (a `.done`-only item is sent whole). */
  sent: number;
  /** Summary part index of the last thinking delta (a new part is separated by a blank line). */
  summaryIndex?: number;
  closed: boolean;
}

export interface StreamState {
  readonly memo: AnthropicToResponsesMemo;
  readonly messageId: string;
  readonly upstreamModel: string | undefined;
  readonly started: boolean;
  readonly nextIndex: number;
  /** `output_index` of the item whose block is open, if any (Anthropic blocks are sequential). */
  readonly open: number | undefined;
  readonly items: Readonly<Record<number, Readonly<ItemSlot>>>;
  readonly hasToolCalls: boolean;
  readonly sawRefusal: boolean;
  readonly usage: TokenUsage | null;
  /** `message_stop` or `error` was produced: nothing may follow. */
  readonly closed: boolean;
  readonly failure: GatewayError | null;
}

export type Draft = { -readonly [K in keyof StreamState]: StreamState[K] } & {
  items: Record<number, ItemSlot>;
};

export function initialStreamState(memo: AnthropicToResponsesMemo, messageId: string): StreamState {
  return {
    memo,
    ...initialAnthropicClientFields(messageId),
    open: undefined,
    items: {},
    hasToolCalls: false,
  };
}

export function draftOf(state: StreamState): Draft {
  return { ...state, items: { ...state.items } as Record<number, ItemSlot> };
}

/** Copy-on-write for one item slot (the draft's map is already a copy). */
export function slotFor(s: Draft, outputIndex: number, kind: ItemSlot['kind'] = 'other'): ItemSlot {
  const known = s.items[outputIndex];
  const slot: ItemSlot = known ? { ...known } : { kind, sent: 0, closed: false };
  s.items[outputIndex] = slot;
  return slot;
}
