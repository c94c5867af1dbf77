import { GatewayError } from '@switchboard/common/errors';
import { OpenAiChunkEncoder, openAiStreamErrorStatus, type SseEvent } from '@switchboard/protocols';
import { Observable, type OperatorFunction } from 'rxjs';
import type { ConversionClock, ConversionMemo, ResponseHooks } from '../converter.interface';
import { clientStreamErrorEvents, gatewayErrorFromSourceError } from '../shared/stream-failure';
import { readMemo } from './conversion-memo';
import { flush, initialStreamState, step, type StepResult, type StreamState } from './stream.reducer';

/**
 * Thin RxJS shell around the reducer (Responses upstream events → Chat client chunks): one state per
 * subscription, events encoded by the protocol module, hooks called here, never in the reducer.
 */
export function mapStream(
  rawMemo: ConversionMemo,
  clock: ConversionClock,
  hooks?: ResponseHooks,
): OperatorFunction<SseEvent, SseEvent> {
  const memo = readMemo(rawMemo);
  return (source) =>
    new Observable<SseEvent>((subscriber) => {
      let state: StreamState = initialStreamState(memo, clock);
      const encoder = new OpenAiChunkEncoder();
      const apply = ([next, out]: StepResult): void => {
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
          const upstreamStatus = upstreamType ? openAiStreamErrorStatus({ type: upstreamType }) : undefined;
          subscriber.error(new GatewayError(code, message, { upstreamType, upstreamStatus }));
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
