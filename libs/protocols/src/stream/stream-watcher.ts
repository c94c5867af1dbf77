import type { SseEvent } from '../sse/sse-event';
import type { TokenUsage } from '../usage/token-usage';

/** What one upstream event means for a stream relayed as is. */
export enum StreamSignal {
  Continue = 'continue',
  /** The protocol's terminator (`message_stop` / `[DONE]`): nothing follows. */
  Terminated = 'terminated',
  /** The upstream's in-stream error report. */
  UpstreamError = 'upstream_error',
}

export interface StreamErrorReport {
  /** The error `type` in the stream's own vocabulary. */
  type: string;
  message: string;
  /** The HTTP status the error stands for. */
  status: number;
}

/**
 * Watches a stream of one protocol without re-encoding it: first token, usage, the upstream's model, in-stream
 * errors and the end marker. Only the few events that carry usage, model or errors are JSON-parsed; the rest get
 * string checks (passthrough streams are the hot path).
 */
export interface StreamWatcher {
  observe(event: SseEvent): StreamSignal;
  /** A close now would be a normal end (OpenAI: a finish_reason was seen; Anthropic: message_stop). */
  readonly endedCleanly: boolean;
  readonly firstTokenSeen: boolean;
  readonly usage: TokenUsage | undefined;
  /** The model the upstream reported, once seen. */
  readonly model: string | undefined;
  /** Set after StreamSignal.UpstreamError. */
  readonly upstreamError: StreamErrorReport | undefined;
}

const MODEL_FIELD = /"model"\s*:\s*("(?:[^"\\]|\\.)*")/;

/** The first `"model":"…"` key of a JSON text (escaped quotes inside strings cannot match), or undefined. */
export function modelInJson(data: string): string | undefined {
  const literal = MODEL_FIELD.exec(data)?.[1];
  if (literal === undefined) return undefined;
  try {
    const model = JSON.parse(literal) as unknown;
    return typeof model === 'string' ? model : undefined;
  } catch {
    return undefined;
  }
}
