import type { Protocol } from '@switchboard/protocols';

export type AttemptOutcome =
  | 'success'
  /** The upstream answered an error status that went back to the client. */
  | 'upstream_error'
  | 'http_429'
  | 'http_5xx'
  | 'http_status'
  | 'connection_refused'
  | 'connection_reset'
  | 'network_error'
  | 'timeout'
  | 'misconfigured'
  /** Stream started, then broke; the client got an in-stream error. */
  | 'stream_error'
  | 'client_aborted';

export interface UsageAttempt {
  instance: string;
  outcome: AttemptOutcome;
  /** Upstream HTTP status when one was received. */
  status?: number;
  latency_ms: number;
}

/** One finished client request. */
export interface UsageRecord {
  request_id: string;
  route_id: string | null;
  route: string | null;
  /** The instance that answered, or the last one tried. */
  instance: string | null;
  attempts: UsageAttempt[];
  client_protocol: Protocol;
  upstream_protocol: Protocol | null;
  endpoint: 'chat_completions' | 'messages' | 'count_tokens' | 'responses';
  model: string | null;
  stream: boolean;
  /** Status sent to the client (499: the client went away first). */
  status: number;
  /** Set when a stream ended with an in-stream error after a 200. */
  error?: string;
  started_at: string;
  latency_ms: number;
  /** Time to the first content token (stream) or to the whole answer (non-stream); null when none. */
  ttft_ms: number | null;
  input_tokens: number | null;
  output_tokens: number | null;
  cache_read_input_tokens: number | null;
  cache_creation_input_tokens: number | null;
}
