import type { SseEvent } from '@switchboard/protocols';
import type { TokenUsage } from '../converter.interface';

/** What a passthrough stream learns from one upstream event. */
export const enum ProbeResult {
  Continue,
  /** The protocol's terminator (`message_stop` / `[DONE]`): nothing follows. */
  Terminated,
  /** An upstream in-stream error event. */
  UpstreamError,
}

/**
 * Watches a passthrough stream without re-encoding it: finds the first token, usage, in-stream errors and the
 * end marker. Only the few events that carry usage or errors are JSON-parsed; the rest get string checks.
 */
export interface StreamProbe {
  observe(event: SseEvent): ProbeResult;
  /** A close now would be a normal end (OpenAI: a finish_reason was seen). */
  readonly endedCleanly: boolean;
  readonly usage: TokenUsage | undefined;
  /** Set after UpstreamError. */
  readonly upstreamError: { type: string; message: string } | undefined;
}
