import { GatewayError } from '@switchboard/common/errors';
import { OpenAiChunkEncoder, type OpenAiChatStreamEvent, type SseEvent } from '@switchboard/protocols';
import { Observable, type OperatorFunction } from 'rxjs';
import type { ResponseHooks } from '../converter.interface';
import type { OpenAiClientStreamState } from './openai-client-chunks';
import { clientStreamErrorEvents, gatewayErrorFromSourceError } from './stream-failure';

export interface OpenAiClientReducer<S extends OpenAiClientStreamState> {
  initial: () => S;
  step: (state: S, event: SseEvent) => [S, OpenAiChatStreamEvent[]];
  flush: (state: S) => [S, OpenAiChatStreamEvent[]];
  /** The HTTP status an upstream in-stream error type stands for (each upstream protocol has its own table). */
  upstreamStatus: (upstreamType: string) => number;
}

/**
 * Thin RxJS shell around a reducer whose output is OpenAI Chat client chunks (any upstream protocol): one state
 * per subscription, events encoded by the protocol module, hooks called here, never in the reducer.
 */
export function openAiClientStream<S extends OpenAiClientStreamState>(
  reducer: OpenAiClientReducer<S>,
  hooks?: ResponseHooks,
): OperatorFunction<SseEvent, SseEvent> {
  const { step, flush, upstreamStatus } = reducer;
  return (source) =>
    new Observable<SseEvent>((subscriber) => {
      let state = reducer.initial();
      const encoder = new OpenAiChunkEncoder();
      const apply = ([next, out]: [S, OpenAiChatStreamEvent[]]): void => {
        const previous = state;
        state = next;
        if (previous.upstreamModel === undefined && next.upstreamModel !== undefined) {
          hooks?.onModel?.(next.upstreamModel);
        }
        if (!previous.firstTokenSeen && next.firstTokenSeen) hooks?.onFirstToken?.();
        for (const event of out) subscriber.next(encoder.encode(event));
        if (previous.status !== 'open') return;
        if (next.status === 'done') {
          hooks?.onUsage?.(next.usage);
          subscriber.complete();
        } else if (next.status === 'failed' && next.failure) {
          const { code, message, upstreamType } = next.failure;
          const status = upstreamType ? upstreamStatus(upstreamType) : undefined;
          subscriber.error(new GatewayError(code, message, { upstreamType, upstreamStatus: status }));
        }
      };
      return source.subscribe({
        next(event) {
          if (state.status === 'open') apply(step(state, event));
        },
        error(error: unknown) {
          if (state.status !== 'open') return;
          const gatewayError = gatewayErrorFromSourceError(error);
          state = { ...state, status: 'failed' };
          for (const event of clientStreamErrorEvents('openai-chat', gatewayError)) subscriber.next(event);
          subscriber.error(gatewayError);
        },
        complete() {
          if (state.status === 'open') apply(flush(state));
        },
      });
    });
}
