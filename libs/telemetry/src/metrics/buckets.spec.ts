import { DURATION_BUCKETS_MS, bucketIndex, histogramQuantile } from './buckets';

describe('histogram buckets', () => {
  it('puts a value in the first bucket whose bound is ≥ it, and past the last in +Inf', () => {
    expect(DURATION_BUCKETS_MS.slice(0, 3)).toEqual([10, 20, 40]);
    expect(bucketIndex(DURATION_BUCKETS_MS, 10)).toBe(0);
    expect(bucketIndex(DURATION_BUCKETS_MS, 10.5)).toBe(1);
    expect(bucketIndex(DURATION_BUCKETS_MS, 1e9)).toBe(DURATION_BUCKETS_MS.length);
  });

  it('interpolates quantiles inside a bucket as histogram_quantile does', () => {
    const bounds = [10, 20, 40];
    // 10 values in (0,10], 10 in (10,20]: the median is the top of the first bucket, p75 halfway up the second.
    expect(histogramQuantile(bounds, [10, 10, 0, 0], 0.5)).toBe(10);
    expect(histogramQuantile(bounds, [10, 10, 0, 0], 0.75)).toBe(15);
    expect(histogramQuantile(bounds, [0, 0, 0, 4], 0.99)).toBe(40);
    expect(histogramQuantile(bounds, [0, 0, 0, 0], 0.5)).toBeNull();
  });
});
