import type { SseEvent } from '../sse/sse-event';
import { RESPONSES_TERMINAL_EVENTS } from './responses.types';

/**
 * Encoders for the Responses stream: `event: <type>` + `data: <JSON>` where `data.type` equals the event name
 * (responses-spec §4.1). No `[DONE]` terminator; keep-alives are SSE comments, never invented event types.
 */

export function responsesStreamEvent(payload: { type: string; sequence_number: number }): SseEvent {
  return { event: payload.type, data: JSON.stringify(payload), singleLine: true };
}

export interface ResponsesStreamErrorFields {
  /** OpenAI error type, e.g. `server_error`, `rate_limit_error`. */
  type: string;
  code: string | null;
  message: string;
  param?: string | null;
}

/**
 * The `error` event in both shapes at once: the documented flat fields (schema validators) and the live nested
 * `error` object (the official SDK raises APIError on it, the Vercel AI SDK reads only it) — responses-spec §5.2.
 */
export function responsesErrorEvent(fields: ResponsesStreamErrorFields, sequenceNumber: number): SseEvent {
  const param = fields.param ?? null;
  return responsesStreamEvent({
    type: 'error',
    sequence_number: sequenceNumber,
    code: fields.code,
    message: fields.message,
    param,
    error: { type: fields.type, code: fields.code, message: fields.message, param },
  } as { type: string; sequence_number: number });
}

/** The event type of a Responses SSE event (from its `event:` line, else from `data.type`). */
export function responsesEventType(event: SseEvent): string | undefined {
  if (event.event !== undefined) return event.event;
  const match = /^\s*\{\s*"type"\s*:\s*"([^"]+)"/.exec(event.data);
  return match?.[1];
}

/** True for the events after which a Responses stream has ended (normally or not). */
export function isResponsesStreamEnd(event: SseEvent): boolean {
  const type = responsesEventType(event);
  return type !== undefined && RESPONSES_TERMINAL_EVENTS.includes(type);
}
