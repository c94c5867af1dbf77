import type { ChildProcess } from 'node:child_process';
import { cpuSpinner as spinner, spin } from '@switchboard/testing/cpu-spinner';
import type { HttpTarget } from '../probe/http-target';
import type { LoadOutcome } from './interleaved-cpu';
import { simultaneousCpu } from './simultaneous-cpu';

const targetOf = (name: string): HttpTarget => ({ port: 0, path: `/${name}`, headers: {}, body: '' });

describe('simultaneousCpu', () => {
  let cheap: ChildProcess;
  let dear: ChildProcess;
  let middling: ChildProcess;
  beforeAll(async () => {
    cheap = spinner();
    dear = spinner();
    middling = spinner();
    // Node's own start-up CPU is done before any run reads the spinners' CPU.
    await Promise.all([cheap, dear, middling].map((child) => spin(child, 0)));
  });
  afterAll(() => {
    for (const child of [cheap, dear, middling]) child.kill();
  });

  it('loads both sides at once and divides each process’s own CPU by its own requests', async () => {
    const windows: Record<string, Array<[number, number]>> = { '/cheap': [], '/dear': [] };
    // "Requests": the cheap side spins 150 ms for 10 of them, the dear side 300 ms for 10.
    const load = async (target: HttpTarget): Promise<LoadOutcome> => {
      const started = performance.now();
      await spin(target.path === '/cheap' ? cheap : dear, target.path === '/cheap' ? 150 : 300);
      windows[target.path].push([started, performance.now()]);
      return { requests: 10, requestsPerSecond: 10, errors: 0, non2xx: 0 };
    };
    const result = await simultaneousCpu(
      [{ name: 'cheap', pid: cheap.pid!, target: targetOf('cheap') }],
      { name: 'dear', pid: dear.pid!, target: targetOf('dear') },
      { load, connections: 1, durationS: 1, runs: 3, warmupS: 0, settleMs: 0 },
    );

    expect(result.problems).toEqual([]);
    expect(result.runs).toHaveLength(3);
    // 150 ms over 10 requests: 15,000 µs each (the clock ticks are 10 ms).
    expect(result.baselineCpuUsMedian).toBeGreaterThan(12_000);
    expect(result.baselineCpuUsMedian).toBeLessThan(20_000);
    expect(result.ratio.median).toBeGreaterThan(1.6);
    expect(result.ratio.median).toBeLessThan(2.5);
    // Each run's two loads overlapped in time.
    windows['/cheap'].forEach(([start, end], run) => {
      const [dearStart, dearEnd] = windows['/dear'][run];
      expect(Math.max(start, dearStart)).toBeLessThan(Math.min(end, dearEnd));
    });
  });

  it('pairs repetition i with baseline i mod n', async () => {
    const cost: Record<string, [ChildProcess, number]> = {
      '/cheap': [cheap, 100],
      '/middling': [middling, 200],
      '/dear': [dear, 400],
    };
    const load = async (target: HttpTarget): Promise<LoadOutcome> => {
      const [child, ms] = cost[target.path];
      await spin(child, ms);
      return { requests: 10, requestsPerSecond: 10, errors: 0, non2xx: 0 };
    };
    const result = await simultaneousCpu(
      [
        { name: 'cheap', pid: cheap.pid!, target: targetOf('cheap') },
        { name: 'middling', pid: middling.pid!, target: targetOf('middling') },
      ],
      { name: 'dear', pid: dear.pid!, target: targetOf('dear') },
      { load, connections: 1, durationS: 1, runs: 3, warmupS: 0, settleMs: 0 },
    );
    // Three runs asked, two baselines: two whole rounds. dear ÷ cheap ≈ 4 and dear ÷ middling ≈ 2, in turn.
    expect(result.baselinesPerRound).toBe(2);
    expect(result.runs.map((run) => (run.ratio > 3 ? 4 : 2))).toEqual([4, 2, 4, 2]);
    // Each round's figure: √(4 × 2).
    expect(result.ratio.ratios).toHaveLength(2);
    for (const ratio of result.ratio.ratios) expect(Math.abs(ratio - Math.SQRT2 * 2)).toBeLessThan(0.5);
    // The two baselines as the measured side saw them: middling ÷ cheap ≈ 2.
    expect(result.baselineRatio?.ratios).toHaveLength(2);
    expect(Math.abs(result.baselineRatio!.median - 2)).toBeLessThan(0.4);
  });

  it('says which side completed nothing or failed', async () => {
    const load = (target: HttpTarget): Promise<LoadOutcome> =>
      Promise.resolve(
        target.path === '/cheap'
          ? { requests: 0, requestsPerSecond: 0, errors: 0, non2xx: 0 }
          : { requests: 5, requestsPerSecond: 5, errors: 2, non2xx: 1 },
      );
    const result = await simultaneousCpu(
      [{ name: 'cheap', pid: cheap.pid!, target: targetOf('cheap') }],
      { name: 'dear', pid: dear.pid!, target: targetOf('dear') },
      { load, connections: 1, durationS: 1, runs: 1, warmupS: 0, settleMs: 0 },
    );
    expect(result.problems).toEqual([
      'cheap: no request completed',
      'dear: 2 socket errors/timeouts',
      'dear: 1 non-2xx answers',
    ]);
    expect(Number.isNaN(result.runs[0].baseline.cpuUsPerRequest)).toBe(true);
  });

  it('warms every side up alone until steady when asked', async () => {
    const alone: string[] = [];
    const load = async (target: HttpTarget): Promise<LoadOutcome> => {
      alone.push(target.path);
      await spin(target.path === '/cheap' ? cheap : dear, 20);
      return { requests: 10, requestsPerSecond: 10, errors: 0, non2xx: 0 };
    };
    const result = await simultaneousCpu(
      [{ name: 'cheap', pid: cheap.pid!, target: targetOf('cheap') }],
      { name: 'dear', pid: dear.pid!, target: targetOf('dear') },
      { load, connections: 1, durationS: 1, runs: 1, warmupS: 1, settleMs: 0 },
    );
    expect(result.warmup.baseline.length).toBeGreaterThanOrEqual(2);
    expect(result.warmup.measured.length).toBeGreaterThanOrEqual(2);
    // The warm-up loads one side at a time, the baseline first; then the run loads both.
    const warmups = alone.length - 2;
    expect(alone.slice(0, warmups)).toEqual([
      ...Array(result.warmup.baseline.length).fill('/cheap'),
      ...Array(result.warmup.measured.length).fill('/dear'),
    ]);
  });
});
