/** Nearest-rank percentile of unsorted samples (copies and sorts); NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/** Median of the element-wise differences a[i] - b[i]: robust against noise shared by a pair. */
export function medianOfDifferences(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  const differences: number[] = [];
  for (let i = 0; i < n; i++) differences.push(a[i] - b[i]);
  return median(differences);
}
