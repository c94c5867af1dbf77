import type { Protocol } from '@switchboard/protocols/protocol';

/**
 * The seam between the data plane and everything that watches it (request log, usage rollups, metrics, key
 * limits and budgets). Each data-plane request ends by publishing exactly one frozen RequestRecord, after the
 * response has ended (a stream's last byte included). Subscribers must treat it as read-only and must never
 * block: the data plane does not wait for them.
 */

export type DataPlaneEndpoint = 'chat_completions' | 'messages' | 'count_tokens' | 'responses';

export type AttemptOutcome =
  | 'success'
  /** The upstream answered an error status that went back to the client (no fallback for it). */
  | 'upstream_error'
  | 'http_429'
  | 'http_5xx'
  | 'http_status'
  | 'connection_refused'
  | 'connection_reset'
  | 'network_error'
  | 'timeout'
  | 'misconfigured'
  /** The stream started, then broke; the client got an in-stream error. */
  | 'stream_error'
  | 'client_aborted'
  /** Not sent: the instance was passed over before any upstream call (see `skipped`). */
  | 'skipped';

export interface TokenCounts {
  input: number;
  output: number;
  cache_read: number;
  cache_creation: number;
  reasoning: number;
}

export interface RecordError {
  /** A GatewayErrorCode value (e.g. `UPSTREAM_ERROR`, `MODEL_NOT_FOUND`). */
  code: string;
  /** Human-readable; an upstream's own message is kept, truncated to 2 KB. Never a secret. */
  message: string;
}

export interface AttemptRecord {
  instance: string;
  /** Provider id of the instance (`openai`, `anthropic`, `azure-openai`, …). */
  provider: string;
  upstream_protocol: Protocol;
  outcome: AttemptOutcome;
  /** Upstream HTTP status, when one was received. */
  status: number | null;
  /** Milliseconds from the attempt's start to its end (a stream's end included). */
  duration_ms: number;
  /** Milliseconds from the attempt's start to the first upstream body byte; null when none came. */
  ttfb_ms: number | null;
  /** Set when the attempt failed: why, as a GatewayErrorCode value. */
  error_code: string | null;
  /** Why an instance was passed over without a call (e.g. `capability:images`), when outcome is `skipped`. */
  skipped?: string;
}

export interface RequestRecord {
  request_id: string;
  /** Epoch milliseconds when the request arrived. */
  started_at: number;
  client_protocol: Protocol;
  endpoint: DataPlaneEndpoint;
  stream: boolean;
  /** The `model` the client asked for; null when the body had none. */
  model: string | null;
  route_id: string | null;
  route: string | null;
  /** The instance that answered (or the last one tried); null when none was. */
  instance: string | null;
  /** The model the upstream reported running (response `model`), else the one sent; null when none. */
  upstream_model: string | null;
  attempts: readonly AttemptRecord[];
  /** Status sent to the client; 499 when the client went away before the response ended. */
  status: number;
  /** The error the client got (a status error, or an in-stream error after a 200); null on success. */
  error: RecordError | null;
  usage: TokenCounts | null;
  /** Milliseconds from arrival to the response's end. */
  duration_ms: number;
  /** Milliseconds from arrival to the first byte of the response body sent to the client; null when none. */
  ttfb_ms: number | null;
  /** The consumer key that made the request, once keys exist; null with GATEWAY_AUTH=none. */
  key: { id: string; name: string } | null;
  /** Cost in USD from the model catalogue's prices, once it exists; null when unknown. */
  cost_usd: number | null;
  /**
   * Tools the answering attempt's conversion removed because its upstream cannot run them (Responses built-ins
   * such as `web_search`, as in `x-switchboard-dropped-tools`); empty when none.
   */
  dropped_tools: readonly string[];
}
