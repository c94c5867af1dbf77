import { GatewayErrorCode } from '@switchboard/common/errors';
import {
  responsesErrorEvent,
  responsesEventType,
  type ResponsesUsage,
  type SseEvent,
  isJsonObject,
  tryParseJson,
} from '@switchboard/protocols';
import type { StreamFailure } from '../responses-to-openai/stream.state';

/**
 * A Responses upstream streamed to a Responses client unchanged, watched by a pure reducer: the first delta, usage
 * from the terminal event, and the end. `response.completed`/`.incomplete` end it normally; `error` (after an
 * optional `response.failed`) ends it as an upstream error; a close before any of them gets an `error` event
 * appended (the SDK raises it) and counts as a cut stream.
 */

export interface PassthroughState {
  readonly seq: number;
  readonly usage: ResponsesUsage | null;
  readonly firstTokenSeen: boolean;
  readonly status: 'open' | 'done' | 'failed';
  readonly failure?: StreamFailure;
  readonly failedResponse?: string;
}

export const initialPassthroughState = (): PassthroughState => ({
  seq: 0,
  usage: null,
  firstTokenSeen: false,
  status: 'open',
});

type StepResult = [PassthroughState, SseEvent[]];

export function step(state: PassthroughState, event: SseEvent): StepResult {
  if (state.status !== 'open') return [state, []];
  const type = responsesEventType(event);
  const firstTokenSeen = state.firstTokenSeen || (type !== undefined && type.endsWith('.delta'));
  const data = type !== undefined && !type.endsWith('.delta') ? tryParseJson(event.data) : undefined;
  const seq =
    isJsonObject(data) && typeof data.sequence_number === 'number' ? data.sequence_number + 1 : state.seq + 1;
  const next: PassthroughState = { ...state, seq, firstTokenSeen };
  if (type === 'response.completed' || type === 'response.incomplete') {
    const response = isJsonObject(data) && isJsonObject(data.response) ? data.response : {};
    const usage = isJsonObject(response.usage) ? (response.usage as unknown as ResponsesUsage) : null;
    return [{ ...next, usage, status: 'done' }, [event]];
  }
  if (type === 'response.failed') {
    const response = isJsonObject(data) && isJsonObject(data.response) ? data.response : {};
    const error = isJsonObject(response.error) ? response.error : {};
    return [
      {
        ...next,
        failedResponse: typeof error.message === 'string' ? error.message : 'The upstream response failed.',
      },
      [event],
    ];
  }
  if (type === 'error') {
    const nested =
      isJsonObject(data) && isJsonObject(data.error) ? data.error : isJsonObject(data) ? data : {};
    const message =
      typeof nested.message === 'string' ? nested.message : (state.failedResponse ?? 'Upstream error');
    const upstreamType =
      typeof nested.type === 'string'
        ? nested.type
        : typeof nested.code === 'string'
          ? nested.code
          : 'server_error';
    return [
      {
        ...next,
        status: 'failed',
        failure: { code: GatewayErrorCode.UPSTREAM_ERROR, message, upstreamType },
      },
      [event],
    ];
  }
  return [next, [event]];
}

export function flush(state: PassthroughState): StepResult {
  if (state.status !== 'open') return [state, []];
  const message =
    state.failedResponse ?? 'The upstream stream ended before its end marker; the response is incomplete.';
  const failure = { code: GatewayErrorCode.UPSTREAM_STREAM_CUT, message };
  const event = responsesErrorEvent({ type: 'server_error', code: 'server_error', message }, state.seq);
  return [{ ...state, status: 'failed', failure }, [event]];
}
