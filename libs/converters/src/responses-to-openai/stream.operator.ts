import { GatewayError } from '@switchboard/common/errors';
import type { SseEvent } from '@switchboard/protocols';
import { Observable, type OperatorFunction } from 'rxjs';
import type { ConversionClock, ConversionMemo, ResponseHooks, Converter } from '../converter.interface';
import { gatewayErrorFromSourceError } from '../shared/stream-failure';
import { fromMemo } from './conversion-memo';
import { tokenUsageFromResponses } from './response-builder';
import { flush, step } from './stream.reducer';
import { StreamDraft } from './stream-draft';
import { initialResponsesStreamState, type ResponsesStreamState } from './stream.state';

export type ResponsesStep<S> = (state: S, event: SseEvent) => [S, SseEvent[]];

/** How an operator reads the Responses stream state out of its own reducer state. */
export interface ResponsesReducer<S> {
  /** Built from the raw memo: a composed reducer reads its inner direction's memo from it too. */
  initial: (memo: ConversionMemo, clock: ConversionClock) => S;
  step: ResponsesStep<S>;
  flush: (state: S) => [S, SseEvent[]];
  /** Fails the stream on a source error (reset, timeout): `response.failed` + `error`. */
  fail: (state: S, error: GatewayError) => [S, SseEvent[]];
  view: (state: S) => ResponsesStreamState;
}

/** Thin RxJS wrapper around a Responses-emitting reducer: one state per subscription; hooks fire here. */
export function responsesStreamOperator<S>(
  reducer: ResponsesReducer<S>,
  rawMemo: ConversionMemo,
  clock: ConversionClock,
  hooks?: ResponseHooks,
): OperatorFunction<SseEvent, SseEvent> {
  return (source) =>
    new Observable<SseEvent>((subscriber) => {
      let state = reducer.initial(rawMemo, clock);
      const apply = ([next, out]: [S, SseEvent[]]): void => {
        const before = reducer.view(state);
        const after = reducer.view(next);
        state = next;
        if (!before.firstTokenSeen && after.firstTokenSeen) hooks?.onFirstToken?.();
        for (const event of out) subscriber.next(event);
        if (before.status !== 'open') return;
        if (after.status === 'done') {
          if (after.usage) hooks?.onUsage?.(tokenUsageFromResponses(after.usage));
          subscriber.complete();
        } else if (after.status === 'failed' && after.failure) {
          const { code, message, upstreamType } = after.failure;
          subscriber.error(new GatewayError(code, message, { upstreamType }));
        }
      };
      return source.subscribe({
        next(event) {
          if (reducer.view(state).status === 'open') apply(reducer.step(state, event));
        },
        error(error: unknown) {
          if (reducer.view(state).status !== 'open') return;
          apply(reducer.fail(state, gatewayErrorFromSourceError(error)));
        },
        complete() {
          if (reducer.view(state).status === 'open') apply(reducer.flush(state));
        },
      });
    });
}

/** Fails a Responses stream state on a source error. */
export function failResponsesStream(
  state: ResponsesStreamState,
  error: GatewayError,
): [ResponsesStreamState, SseEvent[]] {
  if (state.status !== 'open') return [state, []];
  const draft = new StreamDraft(state);
  draft.fail({ code: error.code, message: error.message, upstreamType: error.upstreamType }, 'server_error');
  return draft.result();
}

/** The Chat-chunk reducer's initial state, from a raw memo. */
export function initialChatToResponsesState(
  rawMemo: ConversionMemo,
  clock: ConversionClock,
): ResponsesStreamState {
  return initialResponsesStreamState(fromMemo(rawMemo), clock);
}

/** Chat Completions upstream events → Responses client events. */
export const mapStream: Converter['convertStream'] = (memo, clock, hooks) => {
  return responsesStreamOperator(
    { initial: initialChatToResponsesState, step, flush, fail: failResponsesStream, view: (s) => s },
    memo,
    clock,
    hooks,
  );
};
