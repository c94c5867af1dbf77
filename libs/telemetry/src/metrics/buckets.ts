/**
 * Bucket boundaries advised by the OpenTelemetry GenAI semantic conventions (model/gen-ai/metrics.yaml).
 * The usage rollups store their histograms on the same boundaries (in milliseconds), so percentiles from the
 * admin API and from Prometheus agree.
 */

/** gen_ai.server.request.duration and gen_ai.client.operation.duration, seconds. */
export const DURATION_BUCKETS_S = [
  0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92,
] as const;

/** gen_ai.server.time_to_first_token, seconds. */
export const TTFT_BUCKETS_S = [
  0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0,
] as const;

/** gen_ai.client.token.usage, tokens. */
export const TOKEN_BUCKETS = [
  1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864,
] as const;

export const DURATION_BUCKETS_MS: readonly number[] = DURATION_BUCKETS_S.map((s) => Math.round(s * 1000));
export const TTFB_BUCKETS_MS: readonly number[] = TTFT_BUCKETS_S.map((s) => Math.round(s * 1000));

/** Index of the bucket a value falls in (`le` semantics); bounds.length is the +Inf bucket. */
export function bucketIndex(bounds: readonly number[], value: number): number {
  for (let i = 0; i < bounds.length; i++) if (value <= bounds[i]) return i;
  return bounds.length;
}

/**
 * The q-quantile of a histogram given as per-bucket (not cumulative) counts, interpolated linearly inside the
 * bucket as Prometheus' histogram_quantile does; values in the +Inf bucket report the highest finite bound.
 */
export function histogramQuantile(
  bounds: readonly number[],
  counts: readonly number[],
  q: number,
): number | null {
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  const rank = q * total;
  let cumulative = 0;
  for (let i = 0; i < counts.length; i++) {
    const previous = cumulative;
    cumulative += counts[i];
    if (cumulative >= rank && counts[i] > 0) {
      if (i >= bounds.length) return bounds[bounds.length - 1];
      const lower = i === 0 ? 0 : bounds[i - 1];
      const upper = bounds[i];
      return lower + (upper - lower) * ((rank - previous) / counts[i]);
    }
  }
  return bounds[bounds.length - 1];
}
