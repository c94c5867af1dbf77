import { median, medianOfDifferences, percentile } from './percentiles';

describe('percentile', () => {
  it('uses the nearest rank on unsorted input', () => {
    const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 90)).toBe(9);
    expect(percentile(samples, 99)).toBe(10);
    expect(percentile(samples, 0)).toBe(1);
    expect(percentile(samples, 100)).toBe(10);
  });

  it('does not reorder the caller’s array', () => {
    const samples = [3, 1, 2];
    percentile(samples, 50);
    expect(samples).toEqual([3, 1, 2]);
  });

  it('returns NaN without samples', () => {
    expect(percentile([], 50)).toBeNaN();
  });

  it('takes the median of paired differences', () => {
    expect(median([1])).toBe(1);
    expect(medianOfDifferences([10, 20, 30], [9, 18, 27])).toBe(2);
  });
});
