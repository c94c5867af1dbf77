/** One repetition of an interleaved A/B: the same figure (e.g. CPU µs/request) for both sides. */
export interface PairedRun {
  measured: number;
  baseline: number;
}

export interface RatioSummary {
  /** measured ÷ baseline per repetition, in run order. */
  ratios: number[];
  /** Median of the per-run ratios: noise that hits one repetition hits both of its sides. */
  median: number;
  min: number;
  max: number;
}

export function pairedRatios(runs: readonly PairedRun[]): RatioSummary {
  return ratioSummary(
    runs
      .filter((run) => run.baseline > 0 && Number.isFinite(run.measured))
      .map((run) => run.measured / run.baseline),
  );
}

export function ratioSummary(ratios: number[]): RatioSummary {
  return {
    ratios,
    median: ratios.length > 0 ? medianOfSorted(ratios) : Number.NaN,
    min: ratios.length > 0 ? Math.min(...ratios) : Number.NaN,
    max: ratios.length > 0 ? Math.max(...ratios) : Number.NaN,
  };
}

/** The true median (mean of the two middle values for an even count), not the nearest rank. */
export function medianOfSorted(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Which side runs first in repetition `index` (0-based): alternating, so drift over time hits both alike. */
export function baselineFirst(index: number): boolean {
  return index % 2 === 0;
}
