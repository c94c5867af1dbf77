import { GatewayError, GatewayErrorCode } from '@switchboard/common/errors';
import {
  responsesErrorEvent,
  type ResponsesUsage,
  type SseEvent,
  isJsonObject,
} from '@switchboard/protocols';
import { Observable, type OperatorFunction } from 'rxjs';
import type { Converter, ResponseHooks } from '../converter.interface';
import { mapError } from '../responses-to-openai/error.mapper';
import { tokenUsageFromResponses } from '../responses-to-openai/response-builder';
import { gatewayErrorFromSourceError } from '../shared/stream-failure';
import { flush, initialPassthroughState, step, type PassthroughState } from './stream.reducer';

function usageOf(value: unknown): ResponsesUsage | undefined {
  if (!isJsonObject(value) || !isJsonObject(value.input_tokens_details)) return undefined;
  return value as unknown as ResponsesUsage;
}

function passthroughStream(hooks?: ResponseHooks): OperatorFunction<SseEvent, SseEvent> {
  return (source) =>
    new Observable<SseEvent>((subscriber) => {
      let state: PassthroughState = initialPassthroughState();
      const apply = ([next, out]: [PassthroughState, SseEvent[]]): void => {
        const before = state;
        state = next;
        if (!before.firstTokenSeen && next.firstTokenSeen) hooks?.onFirstToken?.();
        for (const event of out) subscriber.next(event);
        if (next.status === 'done') {
          const usage = usageOf(next.usage);
          if (usage) hooks?.onUsage?.(tokenUsageFromResponses(usage));
          subscriber.complete();
        } else if (next.status === 'failed' && next.failure) {
          const { code, message, upstreamType } = next.failure;
          subscriber.error(new GatewayError(code, message, { upstreamType }));
        }
      };
      return source.subscribe({
        next: (event) => {
          if (state.status === 'open') apply(step(state, event));
        },
        error: (error: unknown) => {
          if (state.status !== 'open') return;
          const failure = gatewayErrorFromSourceError(error);
          subscriber.next(
            responsesErrorEvent(
              { type: 'server_error', code: 'server_error', message: failure.message },
              state.seq,
            ),
          );
          state = { ...state, status: 'failed' };
          subscriber.error(failure);
        },
        complete: () => {
          if (state.status === 'open') apply(flush(state));
        },
      });
    });
}

/**
 * Responses client → Responses upstream: the body goes as is and the upstream's ids come back unchanged (the
 * gateway stores nothing of it). The stream is watched for usage, first token, errors and cuts.
 */
export const responsesIdentityConverter: Converter = {
  from: 'openai-responses',
  to: 'openai-responses',
  passthrough: true,
  // The data plane has expanded the chain into `input`: the upstream never sees the gateway's response ids.
  convertRequest: ({ previous_response_id: _expanded, ...body }) => ({ body, memo: {} }),
  convertResponse(body, _memo, _clock, hooks) {
    if (!isJsonObject(body)) {
      throw new GatewayError(
        GatewayErrorCode.UPSTREAM_UNREACHABLE,
        'The upstream response body is not a JSON object.',
      );
    }
    const usage = usageOf(body.usage);
    if (usage) hooks?.onUsage?.(tokenUsageFromResponses(usage));
    return body;
  },
  convertStream: (_memo, _clock, hooks) => passthroughStream(hooks),
  convertError: mapError,
};
