import { Observable, type OperatorFunction } from 'rxjs';
import type { SseEvent } from '@switchboard/protocols';
import type { ResponseHooks } from '../converter.interface';
import { clientStreamErrorEvents, gatewayErrorFromSourceError } from '../shared/stream-failure';
import type { AnthropicToOpenAiMemo } from './conversion-memo';
import type { AnthropicEventOut } from './stream-events';
import { flush, initialStreamState, step, type StepResult, type StreamState } from './stream.reducer';

export function toSseEvent(event: AnthropicEventOut): SseEvent {
  // Text deltas are nearly every event of a stream: serialised by hand, byte for byte what JSON.stringify
  // writes for the reducer's `{ type, index, delta: { type, text } }`.
  if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') {
    return {
      event: 'content_block_delta',
      data: `{"type":"content_block_delta","index":${event.index},"delta":{"type":"text_delta","text":${JSON.stringify(event.delta.text)}}}`,
    };
  }
  return { event: event.type, data: JSON.stringify(event) };
}

const isFirstToken = (event: AnthropicEventOut): boolean =>
  event.type === 'content_block_delta' ||
  (event.type === 'content_block_start' && event.content_block.type === 'tool_use');

/**
 * Thin RxJS shell around the reducer: state per subscription, events encoded as `event: <type>` frames,
 * hooks called, and failures raised as GatewayError after the client received the Anthropic `error` event.
 */
export function mapStream(
  memo: AnthropicToOpenAiMemo,
  messageId: string,
  hooks?: ResponseHooks,
): OperatorFunction<SseEvent, SseEvent> {
  return (source) =>
    new Observable<SseEvent>((subscriber) => {
      let state: StreamState = initialStreamState(memo, messageId);
      let sawFirstToken = false;
      const emit = ([next, events]: StepResult): boolean => {
        state = next;
        for (const event of events) {
          if (!sawFirstToken && isFirstToken(event)) {
            sawFirstToken = true;
            hooks?.onFirstToken?.();
          }
          if (event.type === 'message_delta' && state.usage) hooks?.onUsage?.(state.usage);
          subscriber.next(toSseEvent(event));
        }
        if (state.failure) {
          subscriber.error(state.failure);
          return false;
        }
        return true;
      };
      // After subscriber.error the teardown unsubscribes from the source; later source events are not seen.
      return source.subscribe({
        next(event) {
          emit(step(state, event));
        },
        error(error: unknown) {
          if (state.closed) {
            // message_stop was already sent ([DONE] or finish + usage): the upstream had ended normally.
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
