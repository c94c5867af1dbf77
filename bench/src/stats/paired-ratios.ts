export interface RatioSummary {
  /** measured ÷ baseline per repetition (or per round of repetitions), in run order. */
  ratios: number[];
  /** Median of those ratios: noise that hits one repetition hits both of its sides. */
  median: number;
  min: number;
  max: number;
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
