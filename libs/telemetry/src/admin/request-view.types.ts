import type { AttemptRecord, TokenCounts } from '@switchboard/proxy/record/request-record';

// Types only, and imported by the dashboard (apps/dashboard) too: keep this file free of run-time imports.

/** A request-log entry as the admin API returns it. The list carries `attempt_count`; one entry, `attempts`. */
export interface RequestView {
  request_id: string;
  started_at: string;
  duration_ms: number;
  ttfb_ms: number | null;
  client_protocol: string;
  endpoint: string;
  stream: boolean;
  model: string | null;
  route_id: string | null;
  route: string | null;
  instance: string | null;
  upstream_model: string | null;
  status: number;
  error: { code: string; message: string } | null;
  usage: TokenCounts | null;
  key: { id: string; name: string | null } | null;
  /** USD from the model catalogue's prices, unrounded; null when the model or its prices are unknown. */
  cost_usd: number | null;
  /** Tools the conversion removed because the upstream cannot run them (`x-switchboard-dropped-tools`). */
  dropped_tools: string[];
  attempt_count: number;
  attempts?: AttemptRecord[];
}
