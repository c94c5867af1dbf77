import type { GatewayError } from '@switchboard/common/errors';
import { encodeAnthropicEvent, type AnthropicStreamEvent, type SseEvent } from '@switchboard/protocols';
import { Observable, type OperatorFunction } from 'rxjs';
import type { ResponseHooks, TokenUsage } from '../converter.interface';
import { clientStreamErrorEvents, gatewayErrorFromSourceError } from './stream-failure';

/** What the shell reads of a reducer state whose output is Anthropic client events. */
export interface AnthropicClientStreamState {
  readonly upstreamModel: string | undefined;
  readonly usage: TokenUsage | null;
  readonly closed: boolean;
  readonly failure: GatewayError | null;
}

/** The shared fields of a fresh state: nothing sent, nothing known of the upstream yet. */
export function initialAnthropicClientFields(messageId: string) {
  return {
    messageId,
    upstreamModel: undefined,
    started: false,
    nextIndex: 0,
    sawRefusal: false,
    usage: null,
    closed: false,
    failure: null,
  } as const;
}

export interface AnthropicClientReducer<S extends AnthropicClientStreamState> {
  initial: () => S;
  step: (state: S, event: SseEvent) => [S, AnthropicStreamEvent[]];
  flush: (state: S) => [S, AnthropicStreamEvent[]];
}

const isFirstToken = (event: AnthropicStreamEvent): boolean =>
  event.type === 'content_block_delta' ||
  (event.type === 'content_block_start' && event.content_block.type === 'tool_use');

/**
 * Thin RxJS shell around a reducer whose output is Anthropic client events (any upstream protocol): state per
 * subscription, events encoded by the protocol module, hooks called here, and failures raised as GatewayError
 * after the client received the Anthropic `error` event.
 */
export function anthropicClientStream<S extends AnthropicClientStreamState>(
  reducer: AnthropicClientReducer<S>,
  hooks?: ResponseHooks,
): OperatorFunction<SseEvent, SseEvent> {
  return (source) =>
    new Observable<SseEvent>((subscriber) => {
      let state = reducer.initial();
      let sawFirstToken = false;
      const emit = ([next, events]: [S, AnthropicStreamEvent[]]): boolean => {
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
          // After subscriber.error the teardown unsubscribes from the source; later source events are not seen.
          subscriber.error(state.failure);
          return false;
        }
        return true;
      };
      return source.subscribe({
        next(event) {
          emit(reducer.step(state, event));
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
          if (emit(reducer.flush(state))) subscriber.complete();
        },
      });
    });
}
