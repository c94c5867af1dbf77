import { readCost, type StatsGroup, type TimeBucket } from '../api';

/** Turns timeseries buckets (group_by=none) into uPlot's column arrays for the overview charts. */

export interface Totals {
  requests: number;
  e4xx: number;
  e5xx: number;
  e429: number;
  fallbacks: number;
  input: number;
  output: number;
  cacheRead: number;
  /** USD; null when no group carries a cost (no model catalogue). */
  cost: number | null;
}

export function sumGroups(groups: StatsGroup[]): Totals {
  const total: Totals = {
    requests: 0,
    e4xx: 0,
    e5xx: 0,
    e429: 0,
    fallbacks: 0,
    input: 0,
    output: 0,
    cacheRead: 0,
    cost: null,
  };
  for (const group of groups) {
    const cost = readCost(group.cost);
    if (cost !== null) total.cost = (total.cost ?? 0) + cost;
    total.requests += group.requests;
    total.e4xx += group.errors['4xx'];
    total.e5xx += group.errors['5xx'];
    total.e429 += group.errors['429'];
    total.fallbacks += group.fallbacks;
    total.input += group.tokens.input;
    total.output += group.tokens.output;
    total.cacheRead += group.tokens.cache_read;
  }
  return total;
}

export interface OverviewSeries {
  rate: Array<Array<number | null>>;
  latency: Array<Array<number | null>>;
  tokens: Array<Array<number | null>>;
  fallbacks: Array<Array<number | null>>;
}

export function toSeries(buckets: TimeBucket[], stepSeconds: number): OverviewSeries {
  const x = buckets.map((bucket) => bucket.time);
  const totals = buckets.map((bucket) => sumGroups(bucket.groups));
  const first = (bucket: TimeBucket) => bucket.groups[0];
  const perSecond = (count: number) => count / stepSeconds;
  return {
    rate: [
      x,
      totals.map((t) => perSecond(t.requests - t.e4xx - t.e5xx)),
      totals.map((t) => perSecond(t.e4xx - t.e429)),
      totals.map((t) => perSecond(t.e429)),
      totals.map((t) => perSecond(t.e5xx)),
    ],
    latency: [
      x,
      buckets.map((b) => first(b)?.latency_ms.p50 ?? null),
      buckets.map((b) => first(b)?.latency_ms.p95 ?? null),
      buckets.map((b) => first(b)?.latency_ms.p99 ?? null),
      buckets.map((b) => first(b)?.ttfb_ms.p50 ?? null),
      buckets.map((b) => first(b)?.ttfb_ms.p95 ?? null),
    ],
    tokens: [x, totals.map((t) => t.input), totals.map((t) => t.output), totals.map((t) => t.cacheRead)],
    fallbacks: [x, totals.map((t) => t.fallbacks)],
  };
}
