import { baselineRatios, roundFigures, roundRatios, roundSlot } from './cpu-rounds';

const run = (ratio: number, baseline = 100) => ({
  ratio,
  baseline: { cpuUsPerRequest: baseline },
  measured: { cpuUsPerRequest: baseline * ratio },
});

describe('roundSlot', () => {
  it('walks the baselines round by round', () => {
    expect([0, 1, 2, 3, 4].map((index) => roundSlot(index, 2))).toEqual([
      { round: 0, slot: 0 },
      { round: 0, slot: 1 },
      { round: 1, slot: 0 },
      { round: 1, slot: 1 },
      { round: 2, slot: 0 },
    ]);
    expect([0, 1, 2].map((index) => roundSlot(index, 1).round)).toEqual([0, 1, 2]);
  });
});

describe('roundRatios', () => {
  it('takes the geometric mean of each whole round and leaves out rounds with a failed run', () => {
    const runs = [4, 1, 2, 2, Number.NaN, 3, 9].map((ratio) => ({ ratio }));
    const rounds = roundRatios(runs, 2);
    expect(rounds).toHaveLength(2);
    for (const ratio of rounds) expect(ratio).toBeCloseTo(2, 12);
    expect(roundRatios(runs, 1).map((ratio) => Math.round(ratio * 1e9) / 1e9)).toEqual([4, 1, 2, 2, 3, 9]);
  });
});

describe('baselineRatios', () => {
  it('reads the last baseline against the first through the measured side, round by round', () => {
    // Measured 240 µs: against baselines of 200 and 240 µs its ratios are 1.2 and 1.0; the second baseline is 1.2× the first.
    const runs = [1.2, 1.0, 1.1, 1.1, Number.NaN, 1].map((ratio) => ({ ratio }));
    const ratios = baselineRatios(runs, 2);
    expect(ratios).toHaveLength(2);
    expect(ratios[0]).toBeCloseTo(1.2, 12);
    expect(ratios[1]).toBeCloseTo(1, 12);
  });

  it('has nothing to say with one baseline', () => {
    expect(baselineRatios([{ ratio: 2 }, { ratio: 3 }], 1)).toEqual([]);
  });
});

describe('roundFigures', () => {
  it('gives the median of the rounds, the A/A of the baselines and each side’s median cost', () => {
    const figures = roundFigures([run(1.21, 200), run(1.0, 242), run(1.1, 210), run(1.1, 210)], 2);
    expect(figures.baselinesPerRound).toBe(2);
    expect(figures.ratio.ratios.map((ratio) => Number(ratio.toFixed(3)))).toEqual([1.1, 1.1]);
    expect(figures.baselineRatio?.ratios.map((ratio) => Number(ratio.toFixed(3)))).toEqual([1.21, 1]);
    expect(figures.baselineCpuUsMedian).toBe(210);
  });

  it('takes the median of the per-run ratios with one baseline, not the ratio of the medians', () => {
    const figures = roundFigures([run(3, 100), run(1.1, 200), run(1.5, 100)], 1);
    expect(figures.ratio.ratios.map((ratio) => Number(ratio.toFixed(6)))).toEqual([3, 1.1, 1.5]);
    expect(figures.ratio.median).toBeCloseTo(1.5, 12);
    expect([figures.ratio.min, figures.ratio.max].map((ratio) => Number(ratio.toFixed(6)))).toEqual([1.1, 3]);
  });

  it('skips runs without a usable baseline and is NaN with none', () => {
    const noBaseline = { ratio: 5 / 0, baseline: { cpuUsPerRequest: 0 }, measured: { cpuUsPerRequest: 5 } };
    expect(roundFigures([noBaseline], 1).ratio.median).toBeNaN();
    expect(roundFigures([run(2, 2), noBaseline], 1).ratio.ratios).toEqual([2]);
  });

  it('leaves the A/A out with one baseline', () => {
    const figures = roundFigures([run(1.2), run(1.4)], 1);
    expect(figures.baselineRatio).toBeUndefined();
    expect(figures.ratio.median).toBeCloseTo(1.3, 12);
  });
});
