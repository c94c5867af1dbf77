/**
 * Every admin API shape the dashboard reads, in one place. Routes: libs/routes/src/admin; telemetry:
 * libs/telemetry/src/admin (telemetry-response.dto.ts). Keys (issue 13) are still coded from the text.
 * Cost (`cost` in stats, `cost_usd` on requests) comes with the model catalogue and may be absent.
 */

export interface ApiErrorBody {
  error: { code: string; message: string; details?: Array<{ path: string; message: string }> };
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  page_size: number;
}

export interface InstanceView {
  name: string;
  provider: string;
  protocol: string;
  weight: number;
  priority: number;
  enabled: boolean;
  auth?: { header?: Record<string, string>; query?: Record<string, string> };
  [field: string]: unknown;
}

export interface RouteView {
  id: string;
  name: string;
  models: string[];
  enabled: boolean;
  instances: InstanceView[];
  version: number;
  created_at: string;
  updated_at: string;
  warnings?: unknown[];
  [field: string]: unknown;
}

/** Fields a GET returns that a write ignores; the JSON editor leaves them out. */
export const READ_ONLY_ROUTE_FIELDS = ['version', 'created_at', 'updated_at', 'warnings'] as const;

export type BreakerState = 'closed' | 'open' | 'half_open';

/** GET /admin/routes/:id/health */
export interface RouteHealth {
  instances: Array<{
    name: string;
    state: BreakerState;
    consecutive_failures: number;
    open_until: string | null;
  }>;
}

/** One upstream attempt of a logged request (libs/proxy/src/record AttemptRecord). */
export interface AttemptView {
  instance: string;
  provider: string;
  upstream_protocol: string;
  /** `success`, `http_429`, `http_5xx`, `timeout`, `connection_refused`, `stream_error`, `skipped`, … */
  outcome: string;
  status: number | null;
  duration_ms: number;
  ttfb_ms: number | null;
  error_code: string | null;
  /** Why an instance was passed over without a call (e.g. `capability:images`), when outcome is `skipped`. */
  skipped?: string;
}

export interface TokenCounts {
  input: number;
  output: number;
  cache_read: number;
  cache_creation: number;
  reasoning: number;
}

/** GET /admin/requests items; GET /admin/requests/:request_id adds `attempts`. */
export interface RequestView {
  request_id: string;
  /** ISO 8601. */
  started_at: string;
  client_protocol: string;
  endpoint: string;
  stream: boolean;
  /** The model the client asked for. */
  model: string | null;
  route_id: string | null;
  route: string | null;
  instance: string | null;
  upstream_model: string | null;
  status: number;
  error: { code: string; message: string } | null;
  usage: TokenCounts | null;
  duration_ms: number;
  ttfb_ms: number | null;
  /** The consumer key; `name` is null when the key was deleted or had none. */
  key: { id: string; name: string | null } | null;
  attempt_count: number;
  /** GET /admin/requests/:request_id only. */
  attempts?: AttemptView[];
  /** With the model catalogue only; null when the model has no price. */
  cost_usd?: number | null;
}

/** GET /admin/requests/:request_id. */
export interface RequestDetailView extends RequestView {
  attempts: AttemptView[];
}

export interface RequestFilters {
  route?: string;
  instance?: string;
  model?: string;
  key?: string;
  /** A code (`429`) or a class (`5xx`). */
  status?: string;
  /** ISO 8601. */
  since?: string;
  until?: string;
  request_id?: string;
}

export type GroupBy = 'none' | 'route' | 'instance' | 'model' | 'key';

export interface Percentiles {
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

/**
 * The dimensions of a stats group: {} for none; {route}; {route, instance}; {model}; {key_id, key_name}. The
 * route is the route's name.
 */
export interface StatsGroupKey {
  route?: string | null;
  instance?: string | null;
  model?: string | null;
  key_id?: string | null;
  key_name?: string | null;
}

/** One group of GET /admin/stats and of each timeseries bucket. */
export interface StatsGroup {
  group: StatsGroupKey;
  requests: number;
  errors: { '4xx': number; '5xx': number; '429': number };
  fallbacks: number;
  latency_ms: Percentiles;
  ttfb_ms: Percentiles;
  tokens: TokenCounts;
  /** With the model catalogue only: the group's cost in USD. */
  cost?: number | null;
}

export interface StatsResponse {
  since: string;
  until: string;
  group_by: GroupBy;
  groups: StatsGroup[];
}

export type Step = '1m' | '5m' | '1h';

/** One bucket of GET /admin/stats/timeseries, as the charts read it. */
export interface TimeBucket {
  /** Epoch seconds of the bucket's start. */
  time: number;
  groups: StatsGroup[];
}

/** GET /admin/replicas → {items: ReplicaView[]}. */
export interface ReplicaView {
  id: string;
  host: string;
  pid: number;
  version: string;
  started_at: string;
  last_seen: string;
  route_table_revision: number;
  requests_served: number;
  /** No heartbeat for three flush intervals. */
  stale: boolean;
}

export interface ReplicaList {
  items: ReplicaView[];
}

/** GET /admin/stats/timeseries; every step from since to until, empty buckets included. */
export interface TimeseriesResponse {
  since: string;
  until: string;
  step: Step;
  group_by: GroupBy;
  buckets: Array<{ start: string; groups: StatsGroup[] }>;
}

/** GET /admin/keys items (issue 13). Never holds the secret; `key` only in the create/rotate answer. */
export interface KeyView {
  id: string;
  name: string;
  key_prefix: string;
  models?: string[];
  rpm?: number | null;
  tpm?: number | null;
  budget?: { tokens?: number; usd?: number; period: 'day' | 'month' | 'total' } | null;
  expires_at?: string | null;
  enabled: boolean;
  last_used_at?: string | null;
  /** Usage in the current period; the issue names no fields, so every numeric one is shown. */
  usage?: Record<string, unknown> | null;
  revoked_at?: string | null;
  metadata?: Record<string, unknown> | null;
  created_at?: string;
}

export interface CreatedKey extends KeyView {
  key: string;
}

export interface CreateKeyBody {
  name: string;
  models?: string[];
  rpm?: number;
  tpm?: number;
  budget?: { tokens: number; period: 'day' | 'month' | 'total' };
  expires_at?: string;
  enabled?: boolean;
}
