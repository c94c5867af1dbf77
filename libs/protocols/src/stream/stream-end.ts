import type { Protocol } from '../protocol';
import type { SseEvent } from '../sse/sse-event';
import { isResponsesStreamEnd } from '../openai-responses/responses-events';

/**
 * When has an upstream stream really ended? Anthropic: at `message_stop`. OpenAI: at `data: [DONE]`, or at a
 * close after a chunk carrying a finish_reason. Anything else is a cut stream. The checks are plain string
 * tests, so no event is JSON-parsed just to find its end.
 */
export interface StreamEndTracker {
  /** Feed every upstream event; returns true once the stream counts as ended. */
  observe(event: SseEvent): boolean;
  /** True when a close now would be a normal end. */
  readonly ended: boolean;
  /** True once the protocol's explicit terminator (`message_stop` / `[DONE]`) was seen: nothing may follow. */
  readonly terminated: boolean;
}

const FINISH_REASON_SET = /"finish_reason"\s*:\s*"/;

export function isAnthropicStreamStop(event: SseEvent): boolean {
  if (event.event !== undefined) return event.event === 'message_stop';
  return event.data.includes('"message_stop"');
}

export function isOpenAiStreamDone(event: SseEvent): boolean {
  return event.data === '[DONE]' || (event.data.length < 10 && event.data.trim() === '[DONE]');
}

/** True when an OpenAI chunk sets a finish_reason (a JSON key; escaped text inside content cannot match). */
export function hasOpenAiFinishReason(data: string): boolean {
  return FINISH_REASON_SET.test(data);
}

class AnthropicEndTracker implements StreamEndTracker {
  ended = false;
  get terminated(): boolean {
    return this.ended;
  }
  observe(event: SseEvent): boolean {
    if (!this.ended && isAnthropicStreamStop(event)) this.ended = true;
    return this.ended;
  }
}

class OpenAiEndTracker implements StreamEndTracker {
  ended = false;
  terminated = false;
  observe(event: SseEvent): boolean {
    if (this.terminated) return true;
    if (isOpenAiStreamDone(event)) {
      this.terminated = true;
      this.ended = true;
    } else if (!this.ended && hasOpenAiFinishReason(event.data)) {
      this.ended = true;
    }
    return this.ended;
  }
}

class ResponsesEndTracker implements StreamEndTracker {
  ended = false;
  get terminated(): boolean {
    return this.ended;
  }
  observe(event: SseEvent): boolean {
    if (!this.ended && isResponsesStreamEnd(event)) this.ended = true;
    return this.ended;
  }
}

export function createStreamEndTracker(protocol: Protocol): StreamEndTracker {
  if (protocol === 'anthropic-messages') return new AnthropicEndTracker();
  if (protocol === 'openai-responses') return new ResponsesEndTracker();
  return new OpenAiEndTracker();
}
