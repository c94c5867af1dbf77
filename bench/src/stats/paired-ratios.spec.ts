import { baselineFirst, medianOfSorted, pairedRatios } from './paired-ratios';

describe('pairedRatios', () => {
  it('takes the median of the per-run ratios, not the ratio of medians', () => {
    const summary = pairedRatios([
      { measured: 300, baseline: 100 },
      { measured: 220, baseline: 200 },
      { measured: 150, baseline: 100 },
    ]);
    expect(summary.ratios).toEqual([3, 1.1, 1.5]);
    expect(summary.median).toBe(1.5);
    expect([summary.min, summary.max]).toEqual([1.1, 3]);
  });

  it('skips runs without a usable baseline and is NaN with none', () => {
    expect(pairedRatios([{ measured: 5, baseline: 0 }]).median).toBeNaN();
    expect(
      pairedRatios([
        { measured: 4, baseline: 2 },
        { measured: 1, baseline: 0 },
      ]).ratios,
    ).toEqual([2]);
  });
});

describe('medianOfSorted', () => {
  it('averages the two middle values of an even count', () => {
    expect(medianOfSorted([4, 1, 3, 2])).toBe(2.5);
    expect(medianOfSorted([7])).toBe(7);
    expect(medianOfSorted([])).toBeNaN();
  });
});

describe('baselineFirst', () => {
  it('alternates the order between repetitions', () => {
    expect([0, 1, 2, 3].map(baselineFirst)).toEqual([true, false, true, false]);
  });
});
