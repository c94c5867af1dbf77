import type { SseEvent } from '../sse/sse-event';
import { anthropicErrorBody } from './anthropic-messages.errors';
import type { AnthropicStreamEvent } from './anthropic-messages.types';

/**
 * The Anthropic Messages stream grammar: `event: <type>` + `data: {"type":"<type>",…}` frames, from
 * `message_start` to `message_stop`; anything that ends before `message_stop` is cut. An error after HTTP 200
 * is `event: error` (`overloaded_error` is the 529 of a stream).
 */

const TYPE_FIELD = /"type"\s*:\s*"([a-z_]+)"/;

/** The event name: the `event:` line, or the first `type` of the data when a server omits it. */
export function anthropicEventName(event: SseEvent): string | undefined {
  if (event.event !== undefined) return event.event;
  return TYPE_FIELD.exec(event.data)?.[1];
}

export function isAnthropicStreamStop(event: SseEvent): boolean {
  return anthropicEventName(event) === 'message_stop';
}

/** Is this Anthropic-protocol event an in-stream error report? */
export function isAnthropicStreamErrorEvent(event: SseEvent): boolean {
  return anthropicEventName(event) === 'error';
}

/** In-stream Anthropic error: `event: error` + `data: {"type":"error","error":{…}}`. */
export function anthropicStreamErrorEvent(type: string, message: string): SseEvent {
  return { event: 'error', data: JSON.stringify(anthropicErrorBody(type, message)) };
}

/** HTTP status an in-stream Anthropic error `type` stands for. */
export function anthropicStreamErrorStatus(type: string | undefined): number {
  switch (type) {
    case 'overloaded_error':
      return 529;
    case 'rate_limit_error':
      return 429;
    case 'timeout_error':
      return 504;
    default:
      return 500;
  }
}

/** One event as a frame. Text deltas (nearly every event) are written by hand, byte for byte JSON.stringify's. */
export function encodeAnthropicEvent(event: AnthropicStreamEvent): SseEvent {
  if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') {
    return {
      event: 'content_block_delta',
      data: `{"type":"content_block_delta","index":${event.index},"delta":{"type":"text_delta","text":${JSON.stringify(event.delta.text)}}}`,
      singleLine: true,
    };
  }
  return { event: event.type, data: JSON.stringify(event), singleLine: true };
}
