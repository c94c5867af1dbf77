import type { ReplicaView, StatsGroup, TimeBucket } from './types';

/**
 * Tolerant readers for the shapes issue 12 leaves open ("the same per bucket"; replicas list or array). The
 * assumed shape comes first; alternatives keep the page working if the integrated API chose another.
 */

type Json = Record<string, unknown>;

/** GET /admin/stats/timeseries → buckets, oldest first. Assumed: {"buckets":[{"time": ISO, "groups": [...]}]}. */
export function readTimeseries(body: unknown): TimeBucket[] {
  const raw = body as Json;
  const buckets = (raw.buckets ?? raw.items ?? raw.series ?? []) as Json[];
  return buckets
    .map((bucket) => ({
      time: toEpochSeconds(bucket.time ?? bucket.start ?? bucket.bucket ?? bucket.since),
      groups: (bucket.groups ?? [bucket]) as StatsGroup[],
    }))
    .filter((bucket) => Number.isFinite(bucket.time))
    .sort((a, b) => a.time - b.time);
}

/** GET /admin/replicas → replicas. Assumed: {"items":[…]}; a bare array is accepted. */
export function readReplicas(body: unknown): ReplicaView[] {
  if (Array.isArray(body)) return body as ReplicaView[];
  const raw = body as Json;
  return (raw.items ?? raw.replicas ?? []) as ReplicaView[];
}

export function toEpochSeconds(value: unknown): number {
  if (typeof value === 'number') return value > 1e11 ? value / 1000 : value;
  if (typeof value === 'string') return Date.parse(value) / 1000;
  return NaN;
}
