import type { TimeBucket, TimeseriesResponse } from './types';

/** GET /admin/stats/timeseries → chart buckets (epoch seconds), oldest first. */
export function readTimeseries(body: TimeseriesResponse): TimeBucket[] {
  return body.buckets
    .map((bucket) => ({ time: toEpochSeconds(bucket.start), groups: bucket.groups }))
    .filter((bucket) => Number.isFinite(bucket.time))
    .sort((a, b) => a.time - b.time);
}

export function toEpochSeconds(value: string): number {
  return Date.parse(value) / 1000;
}

/** A cost in USD when the API gave one (the model catalogue adds it), else null. */
export function readCost(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
