import { SmoothWeightedRoundRobin } from './smooth-weighted-round-robin';

const all = () => true;

describe('SmoothWeightedRoundRobin', () => {
  it.each([[[5, 1, 1]], [[3, 2]], [[1, 1, 1, 1]], [[7, 0, 3]], [[100, 1]]])(
    'gives each member its weight share within 3 points over 1,000 picks: %j',
    (weights) => {
      const balancer = new SmoothWeightedRoundRobin(weights);
      const counts = weights.map(() => 0);
      for (let i = 0; i < 1000; i++) counts[balancer.pick(all)]++;
      const total = weights.reduce((a, b) => a + b, 0);
      weights.forEach((weight, i) => {
        expect(Math.abs(counts[i] / 1000 - weight / total)).toBeLessThanOrEqual(0.03);
      });
    },
  );

  it('interleaves smoothly (nginx order for 5,1,1)', () => {
    const balancer = new SmoothWeightedRoundRobin([5, 1, 1]);
    const order = Array.from({ length: 7 }, () => balancer.pick(all));
    expect(order).toEqual([0, 0, 1, 0, 2, 0, 0]);
  });

  it('never picks weight 0 and returns -1 when nothing is eligible', () => {
    const balancer = new SmoothWeightedRoundRobin([0, 0]);
    expect(balancer.pick(all)).toBe(-1);
    const mixed = new SmoothWeightedRoundRobin([0, 2]);
    for (let i = 0; i < 10; i++) expect(mixed.pick(all)).toBe(1);
    expect(mixed.pick((i) => i !== 1)).toBe(-1);
  });

  it('skips excluded members and keeps the others exact', () => {
    const balancer = new SmoothWeightedRoundRobin([1, 1, 2]);
    const counts = [0, 0, 0];
    for (let i = 0; i < 900; i++) counts[balancer.pick((m) => m !== 0)]++;
    expect(counts[0]).toBe(0);
    expect(counts[1]).toBe(300);
    expect(counts[2]).toBe(600);
  });
});
