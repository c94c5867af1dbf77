/**
 * Every admin API shape the dashboard reads, in one place. Routes: libs/routes/src/admin (exists). Telemetry
 * (issue 12) and keys (issue 13) are coded from the issues' text; when the real API differs, adjust here and in
 * normalize.ts, nothing else.
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
  upstream_protocol?: string;
  outcome: string;
  status: number | null;
  duration_ms: number;
  ttfb_ms: number | null;
  error_code: string | null;
  skipped?: string;
}

export interface TokenCounts {
  input: number;
  output: number;
  cache_read: number;
  cache_creation: number;
  reasoning: number;
}

/** GET /admin/requests items and GET /admin/requests/:request_id (issue 12; the RequestRecord fields). */
export interface RequestView {
  request_id: string;
  /** ISO 8601 (epoch ms accepted too). */
  started_at: string | number;
  client_protocol: string;
  endpoint: string;
  stream: boolean;
  model: string | null;
  route_id?: string | null;
  route: string | null;
  instance: string | null;
  upstream_model: string | null;
  status: number;
  error: { code: string; message: string } | null;
  attempts: AttemptView[];
  usage: TokenCounts | null;
  duration_ms: number;
  ttfb_ms: number | null;
  key: { id: string; name: string } | null;
}

export interface RequestFilters {
  route?: string;
  instance?: string;
  model?: string;
  key?: string;
  /** A code (`429`) or a class (`5xx`). */
  status?: string;
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

/** One group of GET /admin/stats (issue 12). `group` holds the group_by dimension(s), e.g. {route: "x"}. */
export interface StatsGroup {
  group: Record<string, string | null>;
  requests: number;
  errors: { '4xx': number; '5xx': number; '429': number };
  fallbacks: number;
  latency_ms: Percentiles;
  ttfb_ms: Percentiles;
  tokens: TokenCounts;
}

export interface StatsResponse {
  since: string;
  until: string;
  groups: StatsGroup[];
}

export type Step = '1m' | '5m' | '1h';

/** One bucket of GET /admin/stats/timeseries, after normalize.ts. */
export interface TimeBucket {
  /** Epoch seconds of the bucket's start. */
  time: number;
  groups: StatsGroup[];
}

/** GET /admin/replicas items (issue 12). */
export interface ReplicaView {
  id: string;
  host: string;
  pid: number;
  version: string;
  started_at: string;
  last_seen: string;
  route_table_revision: number | string | null;
  requests_served: number;
  stale: boolean;
}

/** GET /admin/keys items (issue 13). Never holds the secret; `key` only in the create/rotate answer. */
export interface KeyView {
  id: string;
  name: string;
  key_prefix: string;
  models?: string[];
  rpm?: number | null;
  tpm?: number | null;
  budget?: { tokens: number; period: 'day' | 'month' | 'total' } | null;
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
