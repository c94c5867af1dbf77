import type { Protocol, SseEvent } from '@switchboard/protocols';

/** Is this client-protocol event the stream's error report (Anthropic `event: error`, OpenAI `data: {"error":…}`)? */
export function isClientStreamError(protocol: Protocol, event: SseEvent): boolean {
  if (protocol === 'openai-chat') return event.data.startsWith('{"error"');
  return event.event === 'error';
}

/** Status equivalent of an upstream in-stream error type (Anthropic or OpenAI vocabulary). */
export function statusForStreamErrorType(type: string | undefined): number {
  switch (type) {
    case 'overloaded_error':
    case 'overloaded':
      return 529;
    case 'rate_limit_error':
    case 'rate_limit_exceeded':
      return 429;
    case 'timeout_error':
      return 504;
    default:
      return 500;
  }
}
