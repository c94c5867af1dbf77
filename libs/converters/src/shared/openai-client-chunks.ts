import type { GatewayErrorCode } from '@switchboard/common/errors';
import {
  EMPTY_TOKEN_USAGE,
  openAiUsageFromTokenUsage,
  type OpenAiChatChunk,
  type OpenAiChatStreamEvent,
  type OpenAiChunkDelta,
  type OpenAiFinishReason,
  type TokenUsage,
} from '@switchboard/protocols';
import type { ConversionClock } from '../converter.interface';

/** Why a stream toward an OpenAI Chat client failed; the shell raises it as a GatewayError. */
export interface OpenAiClientStreamFailure {
  readonly code: GatewayErrorCode;
  readonly message: string;
  readonly upstreamType?: string;
}

/** The reducer state every stream toward an OpenAI Chat client keeps, whatever the upstream protocol. */
export interface OpenAiClientStreamState {
  readonly memo: { readonly model: string; readonly includeUsage: boolean };
  readonly id: string;
  readonly created: number;
  readonly model: string;
  /** The model the upstream reported, if any. */
  readonly upstreamModel?: string;
  readonly started: boolean;
  readonly toolCount: number;
  readonly usage: TokenUsage;
  readonly firstTokenSeen: boolean;
  readonly status: 'open' | 'done' | 'failed';
  readonly failure?: OpenAiClientStreamFailure;
}

export type OpenAiClientStepResult<S extends OpenAiClientStreamState> = [S, OpenAiChatStreamEvent[]];

export const NO_EVENTS: OpenAiChatStreamEvent[] = [];

/** The shared fields of a fresh state: the chunk id and `created` come from the clock, once per stream. */
export function initialOpenAiClientFields(
  memo: OpenAiClientStreamState['memo'],
  clock: ConversionClock,
): Omit<OpenAiClientStreamState, 'memo'> {
  return {
    id: `chatcmpl-${clock.newId()}`,
    created: Math.floor(clock.now() / 1000),
    model: memo.model,
    started: false,
    toolCount: 0,
    usage: EMPTY_TOKEN_USAGE,
    firstTokenSeen: false,
    status: 'open',
  };
}

/** One chunk of this stream, keys in the order OpenAI writes them. */
export function chunkEvent(
  s: OpenAiClientStreamState,
  delta: OpenAiChunkDelta,
  finishReason: OpenAiFinishReason | null = null,
): OpenAiChatStreamEvent {
  const chunk: OpenAiChatChunk = {
    id: s.id,
    object: 'chat.completion.chunk',
    created: s.created,
    model: s.model,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
  };
  if (s.memo.includeUsage) chunk.usage = null;
  return { kind: 'chunk', chunk };
}

export const concatEvents = (
  a: OpenAiChatStreamEvent[],
  b: OpenAiChatStreamEvent[],
): OpenAiChatStreamEvent[] => (a.length === 0 ? b : b.length === 0 ? a : [...a, ...b]);

/** The end of a clean stream, appended to `out`: the finish chunk, the usage chunk if asked for, `[DONE]`. */
export function pushFinishEvents(
  out: OpenAiChatStreamEvent[],
  s: OpenAiClientStreamState,
  finishReason: OpenAiFinishReason,
): void {
  out.push(chunkEvent(s, {}, finishReason));
  if (s.memo.includeUsage) {
    out.push({
      kind: 'chunk',
      chunk: {
        id: s.id,
        object: 'chat.completion.chunk',
        created: s.created,
        model: s.model,
        choices: [],
        usage: openAiUsageFromTokenUsage(s.usage),
      },
    });
  }
  out.push({ kind: 'done' });
}
