import { warmUntilSteady, type SideRun } from './interleaved-cpu';

function chunks(costs: number[]): { chunk: (seconds: number) => Promise<SideRun>; asked: number[] } {
  const asked: number[] = [];
  let next = 0;
  return {
    asked,
    chunk: (seconds) => {
      asked.push(seconds);
      const cost = costs[Math.min(next++, costs.length - 1)];
      return Promise.resolve({ cpuUsPerRequest: cost, requestsPerSecond: 1, requests: 1 });
    },
  };
}

describe('warmUntilSteady', () => {
  it('loads until two chunks in a row agree within 5 %', async () => {
    const load = chunks([460, 330, 240, 215, 181, 178, 120]);
    await expect(warmUntilSteady(load.chunk, 2)).resolves.toEqual([460, 330, 240, 215, 181, 178]);
    expect(load.asked).toEqual([2, 2, 2, 2, 2, 2]);
  });

  it('never stops after a single chunk', async () => {
    const load = chunks([100, 100]);
    await expect(warmUntilSteady(load.chunk, 1)).resolves.toEqual([100, 100]);
  });

  it('a rise counts as unsteady too', async () => {
    const load = chunks([100, 130, 131]);
    await expect(warmUntilSteady(load.chunk, 1)).resolves.toEqual([100, 130, 131]);
  });

  it('gives up after fifteen chunks', async () => {
    const load = chunks(Array.from({ length: 40 }, (_, index) => (index % 2 === 0 ? 100 : 200)));
    const costs = await warmUntilSteady(load.chunk, 1);
    expect(costs).toHaveLength(15);
  });
});
