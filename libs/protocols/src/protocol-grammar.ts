import type { SseEvent } from './sse/sse-event';
import type { StreamWatcher } from './stream/stream-watcher';
import type { TokenUsage } from './usage/token-usage';
import type { Protocol } from './protocol';

/** Extra fields of a gateway-written error (OpenAI `param` and `code`; Anthropic has neither). */
export interface ErrorDetails {
  param?: string | null;
  code?: string | null;
  /** The protocol's error `type`, when the status alone would name the wrong one (e.g. not `overloaded_error`). */
  type?: string;
}

/**
 * What the rest of the gateway may ask a protocol, so no other lib needs to know its grammar. Each protocol
 * module (`openai-chat/`, `anthropic-messages/`) exports one; `protocolGrammar()` finds it. A new protocol adds
 * its module and one entry to `PROTOCOLS` and the table below (the compiler asks for it).
 */
export interface ProtocolGrammar {
  readonly protocol: Protocol;
  /** Error body written by the gateway itself, in this protocol's shape. */
  errorBody(status: number, message: string, details?: ErrorDetails): Record<string, unknown>;
  /** True when `body` already has this protocol's error shape. */
  isErrorBody(body: unknown): boolean;
  /** The in-stream error events a client of this protocol is sent when its stream fails after HTTP 200. */
  streamErrorEvents(status: number, message: string, details?: ErrorDetails): SseEvent[];
  /** Is this event (as written toward a client, or received from an upstream) an in-stream error report? */
  isStreamErrorEvent(event: SseEvent): boolean;
  /** HTTP status an in-stream error `type` of this protocol stands for. */
  streamErrorStatus(type: string | undefined): number;
  /** Neutral usage of a non-stream response body. */
  usageFromBody(body: unknown): TokenUsage | undefined;
  /** The model a non-stream response body reports (non-empty), if any. */
  modelFromBody(body: unknown): string | undefined;
  /** A fresh watcher for one stream of this protocol. */
  createStreamWatcher(): StreamWatcher;
}
