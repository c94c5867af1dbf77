import type { GatewayErrorCode } from '@switchboard/common/errors';
import type { OpenAiChunkHead, ResponsesOutputItem, ResponsesUsage } from '@switchboard/protocols';
import type { ConversionClock } from '../converter.interface';
import type { ResponsesClientMemo } from './conversion-memo';

/**
 * The state of a Responses stream being built from an upstream's events: the items sent so far (in `output_index`
 * order), the one text or reasoning item still open, the tool calls still open, and how the stream stands.
 * `StreamDraft` (stream-draft.ts) changes a copy of it and returns the copy with the events to send.
 */

export interface OpenText {
  readonly kind: 'message' | 'reasoning';
  readonly index: number;
  readonly text: string;
  readonly carrier?: string;
}

export interface OpenCall {
  readonly index: number;
  readonly arguments: string;
  /** A custom tool call: how much of its decoded `input` was sent as deltas so far. */
  readonly customSent?: number;
}

export interface StreamFailure {
  readonly code: GatewayErrorCode;
  readonly message: string;
  readonly upstreamType?: string;
}

export interface ResponsesStreamState {
  readonly memo: ResponsesClientMemo;
  readonly clock: ConversionClock;
  readonly seq: number;
  readonly started: boolean;
  readonly model: string;
  readonly output: readonly ResponsesOutputItem[];
  readonly text?: OpenText;
  /** Open tool calls by the upstream's key (Chat tool index), in opening order. */
  readonly calls: Readonly<Record<string, OpenCall>>;
  readonly finishReason?: string;
  readonly usage: ResponsesUsage | null;
  readonly firstTokenSeen: boolean;
  readonly status: 'open' | 'done' | 'failed';
  readonly failure?: StreamFailure;
  /** The opening an OpenAI upstream's chunks repeat, learnt from an earlier chunk (it makes parsing the next cheap). */
  readonly chunkHead?: OpenAiChunkHead;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The state as a draft may change it. */
export type DraftState = Mutable<Omit<ResponsesStreamState, 'output' | 'calls'>> & {
  output: ResponsesOutputItem[];
  calls: Record<string, OpenCall>;
};

export function initialResponsesStreamState(
  memo: ResponsesClientMemo,
  clock: ConversionClock,
): ResponsesStreamState {
  return {
    memo,
    clock,
    seq: 0,
    started: false,
    model: memo.model,
    output: [],
    calls: {},
    usage: null,
    firstTokenSeen: false,
    status: 'open',
  };
}
