import { baselineFirst, medianOfSorted } from './paired-ratios';

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
