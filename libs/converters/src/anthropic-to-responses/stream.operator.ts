import { encodeAnthropicEvent, type AnthropicStreamEvent, type SseEvent } from '@switchboard/protocols';
import { Observable, type OperatorFunction } from 'rxjs';
import type { ConversionClock, ConversionMemo, ResponseHooks } from '../converter.interface';
import { clientStreamErrorEvents, gatewayErrorFromSourceError } from '../shared/stream-failure';
import { readMemo } from './conversion-memo';
import { flush, initialStreamState, step, type StepResult, type StreamState } from './stream.reducer';

const isFirstToken = (event: AnthropicStreamEvent): boolean =>
  event.type === 'content_block_delta' ||
  (event.type === 'content_block_start' && event.content_block.type === 'tool_use');

/**
 * Thin RxJS shell around the reducer (Responses upstream events → Anthropic client events): state per
 * subscription, events encoded by the protocol module, hooks called here, and failures raised as GatewayError
 * after the client received the Anthropic `error` event.
 */
export function mapStream(
  rawMemo: ConversionMemo,
  clock: ConversionClock,
  hooks?: ResponseHooks,
): OperatorFunction<SseEvent, SseEvent> {
  const memo = readMemo(rawMemo);
  const messageId = `msg_${clock.newId()}`;
  return (source) =>
    new Observable<SseEvent>((subscriber) => {
      let state: StreamState = initialStreamState(memo, messageId);
      let sawFirstToken = false;
      const emit = ([next, events]: StepResult): boolean => {
        const previous = state;
        state = next;
        if (previous.upstreamModel === undefined && next.upstreamModel !== undefined) {
          hooks?.onModel?.(next.upstreamModel);
        }
        for (const event of events) {
          if (!sawFirstToken && isFirstToken(event)) {
            sawFirstToken = true;
            hooks?.onFirstToken?.();
          }
          if (event.type === 'message_delta' && state.usage) hooks?.onUsage?.(state.usage);
          subscriber.next(encodeAnthropicEvent(event));
        }
        if (state.failure) {
          subscriber.error(state.failure);
          return false;
        }
        return true;
      };
      return source.subscribe({
        next(event) {
          emit(step(state, event));
        },
        error(error: unknown) {
          if (state.closed) {
            // message_stop was already sent: the upstream had ended its response.
            subscriber.complete();
            return;
          }
          const failure = gatewayErrorFromSourceError(error);
          for (const event of clientStreamErrorEvents('anthropic-messages', failure)) subscriber.next(event);
          subscriber.error(failure);
        },
        complete() {
          if (emit(flush(state))) subscriber.complete();
        },
      });
    });
}
