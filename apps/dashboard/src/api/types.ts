import type { AttemptRecord, TokenCounts } from '@switchboard/proxy/record/request-record';
import type { RequestView } from '@switchboard/telemetry/admin/request-view.types';
import type {
  GroupBy,
  Percentiles,
  Stats,
  StatsGroup,
  Step,
  Timeseries,
} from '@switchboard/telemetry/admin/stats.types';

/**
 * Every admin API shape the dashboard reads, in one place. The request log and stats shapes are the server's own
 * (type-only imports from libs/telemetry/src/admin/*.types.ts and the proxy's RequestRecord, through the paths
 * in apps/dashboard/tsconfig.json). Routes: libs/routes/src/admin. Keys (issue 13) are still coded from the
 * issue's text. Cost (`cost` in stats, `cost_usd` on requests) comes with the model catalogue and may be absent.
 */

export type { GroupBy, Percentiles, RequestView, StatsGroup, Step, TokenCounts };
/** One upstream attempt of a logged request. */
export type AttemptView = AttemptRecord;
/** GET /admin/stats. */
export type StatsResponse = Stats;
/** GET /admin/stats/timeseries; every step from since to until, empty buckets included. */
export type TimeseriesResponse = Timeseries;

/** GET /admin/requests/:request_id. */
export interface RequestDetailView extends RequestView {
  attempts: AttemptView[];
}

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
