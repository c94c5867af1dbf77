import type { TokenCounts } from '@switchboard/proxy/record/request-record';

// The shapes of GET /admin/stats and /admin/stats/timeseries, and the values that define them. Imported by the
// dashboard (apps/dashboard) too: keep this file free of run-time imports.

export const GROUP_BYS = ['none', 'route', 'instance', 'model', 'key'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];
export const STEPS = { '1m': 60, '5m': 300, '1h': 3600 } as const;
export type Step = keyof typeof STEPS;

export interface Percentiles {
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

export interface StatsGroup {
  group: Record<string, string | null>;
  requests: number;
  errors: { '4xx': number; '5xx': number; '429': number };
  fallbacks: number;
  latency_ms: Percentiles;
  ttfb_ms: Percentiles;
  tokens: TokenCounts;
  /** USD of the priced requests (model catalogue prices; unpriced requests add nothing), unrounded. */
  cost: number;
}

export interface Stats {
  since: string;
  until: string;
  group_by: GroupBy;
  groups: StatsGroup[];
}

export interface Timeseries {
  since: string;
  until: string;
  step: Step;
  group_by: GroupBy;
  buckets: { start: string; groups: StatsGroup[] }[];
}
