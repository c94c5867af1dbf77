import type { ChildProcess } from 'node:child_process';
import { cpuSpinner, spin } from '@switchboard/testing/cpu-spinner';
import type { HttpTarget } from '../probe/http-target';
import { interleavedCpu, warmUntilSteady, type LoadOutcome, type SideRun } from './interleaved-cpu';

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

describe('interleavedCpu', () => {
  const costMs = { '/cheap': 100, '/middling': 200, '/dear': 400 } as const;
  type Name = keyof typeof costMs;
  const spinners = {} as Record<Name, ChildProcess>;
  beforeAll(async () => {
    for (const name of Object.keys(costMs) as Name[]) spinners[name] = cpuSpinner();
    // Node's own start-up CPU is done before any run reads the spinners' CPU.
    await Promise.all(Object.values(spinners).map((child) => spin(child, 0)));
  });
  afterAll(() => {
    for (const child of Object.values(spinners)) child.kill();
  });
  const side = (name: Name) => ({ name, pid: spinners[name].pid!, target: targetOf(name) });
  const targetOf = (name: string): HttpTarget => ({ port: 0, path: name, headers: {}, body: '' });
  /** Three runs of 10 "requests", each load spinning its side's process for `ms` and noting the side. */
  const spinning = (loaded: string[], ms: (name: Name) => number) => ({
    load: async (target: HttpTarget): Promise<LoadOutcome> => {
      loaded.push(target.path);
      await spin(spinners[target.path as Name], ms(target.path as Name));
      return { requests: 10, requestsPerSecond: 10, errors: 0, non2xx: 0 };
    },
    connections: 1,
    durationS: 1,
    runs: 3,
    warmupS: 0,
    settleMs: 0,
  });

  it('runs rounds against every baseline, each round in both orders, and reads each process’s own CPU', async () => {
    const loaded: string[] = [];
    const result = await interleavedCpu(
      [side('/cheap'), side('/middling')],
      side('/dear'),
      spinning(loaded, (name) => costMs[name]),
    );

    expect(result.problems).toEqual([]);
    // Three runs asked, two baselines: two whole rounds; each baseline goes first in one and second in the other.
    expect(loaded).toEqual([
      ...['/cheap', '/dear', '/dear', '/middling'],
      ...['/dear', '/cheap', '/middling', '/dear'],
    ]);
    expect(result.runs.map((run) => run.baselineFirst)).toEqual([true, false, false, true]);
    expect(result.runs.map((run) => (run.ratio > 3 ? 4 : 2))).toEqual([4, 2, 4, 2]);
    expect(result.baselinesPerRound).toBe(2);
    expect(result.ratio.ratios).toHaveLength(2);
    for (const ratio of result.ratio.ratios) expect(Math.abs(ratio - Math.SQRT2 * 2)).toBeLessThan(0.5);
    expect(Math.abs(result.baselineRatio!.median - 2)).toBeLessThan(0.4);
  });

  it('alternates the order pair by pair with one baseline, as before', async () => {
    const loaded: string[] = [];
    const result = await interleavedCpu(
      [side('/cheap')],
      side('/dear'),
      spinning(loaded, () => 20),
    );
    expect(loaded).toEqual(['/cheap', '/dear', '/dear', '/cheap', '/cheap', '/dear']);
    expect(result.ratio.ratios).toHaveLength(3);
    expect(result.baselineRatio).toBeUndefined();
  });
});
