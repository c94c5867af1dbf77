import { runLoad } from '../load/load-runner';
import type { HttpTarget } from '../probe/http-target';
import { readCpuSeconds } from '../process/proc-stats';
import { runWrk } from '../wrk/wrk-runner';
import { baselineFirst } from '../stats/paired-ratios';
import { roundFigures, roundSlot, type RoundFigures } from './cpu-rounds';

/** What a load generator (wrk or autocannon) reports that the CPU figure needs. */
export interface LoadOutcome {
  requests: number;
  requestsPerSecond: number;
  errors: number;
  non2xx: number;
}

export type LoadFn = (target: HttpTarget, connections: number, durationS: number) => Promise<LoadOutcome>;

/** wrk on the load CPUs when it is installed, else autocannon in this process; and which one it is. */
export function interleavedLoad(wrk: boolean, loadCpus: string): { load: LoadFn; name: string } {
  if (!wrk)
    return {
      load: (target, connections, durationS) => runLoad(target, connections, durationS),
      name: 'autocannon',
    };
  return {
    name: 'wrk -t1',
    load: async (target, connections, durationS) => {
      const result = await runWrk({ target, connections, durationS, cpus: loadCpus });
      return { ...result, errors: result.socketErrors };
    },
  };
}

export interface Side {
  name: string;
  pid: number;
  target: HttpTarget;
  /** Wraps the load of each measured run of this side (not its settle time): e.g. its database paused. */
  aroundLoad?: <T>(load: () => Promise<T>) => Promise<T>;
}

export interface SideRun {
  cpuUsPerRequest: number;
  requestsPerSecond: number;
  requests: number;
}

/** One repetition of a CPU A/B: both sides' runs and measured ÷ baseline CPU/request. */
export interface PairedCpuRun {
  baseline: SideRun;
  measured: SideRun;
  ratio: number;
}

export type InterleavedResult = RoundFigures & {
  /** In order: round by round, one run with each baseline. */
  runs: Array<PairedCpuRun & { baselineFirst: boolean }>;
  /** CPU µs/request of each warm-up chunk, per side (the baselines' one after the other), until it was steady. */
  warmup: { baseline: number[]; measured: number[] };
  problems: string[];
};

export interface InterleavedSettings {
  load: LoadFn;
  connections: number;
  durationS: number;
  runs: number;
  /**
   * Unmeasured load per side before the runs, in chunks of this many seconds, until two chunks in a row agree
   * (see `warmUntilSteady`); 0: none.
   */
  warmupS: number;
  /**
   * Unmeasured load on a side right before each of its measured runs. A process that sat idle while the other
   * side ran resumes with a heap the idle GCs shrank; without a lead-in the side that runs second in a pair pays
   * for that, and with an odd number of runs the median of the ratios leans to the order that has more of them.
   */
  leadInS?: number;
  /**
   * Time after the load in which the measured process's CPU still counts: work a request leaves behind
   * (the request log's batch flush, at least once a second) belongs to it.
   */
  settleMs: number;
}

/**
 * Rounds of runs taken in turn, each round one pair with each baseline (see `roundFigures`); each run's CPU is the
 * measured process's utime+stime over the load (and the settle time) ÷ completed requests. Which side of a pair
 * runs first alternates, so that every round has both orders and every baseline runs both first and second.
 * With `warmupS`, every side is first warmed up alone until steady (`warmUntilSteady`).
 */
export async function interleavedCpu(
  baselines: readonly Side[],
  measured: Side,
  settings: InterleavedSettings,
): Promise<InterleavedResult> {
  const problems: string[] = [];
  const once = (side: Side, durationS: number): Promise<SideRun> =>
    runAlone(side, durationS, settings, problems);
  const warmup = await warmEverySide(baselines, measured, settings, problems);
  const runs: InterleavedResult['runs'] = [];
  const rounds = Math.ceil(settings.runs / baselines.length);
  for (let index = 0; index < rounds * baselines.length; index++) {
    const { round, slot } = roundSlot(index, baselines.length);
    const baseline = baselines[slot];
    const first = baselineFirst(round + slot);
    let baselineRun: SideRun;
    let measuredRun: SideRun;
    if (first) {
      baselineRun = await once(baseline, settings.durationS);
      measuredRun = await once(measured, settings.durationS);
    } else {
      measuredRun = await once(measured, settings.durationS);
      baselineRun = await once(baseline, settings.durationS);
    }
    runs.push({
      baselineFirst: first,
      baseline: baselineRun,
      measured: measuredRun,
      ratio: measuredRun.cpuUsPerRequest / baselineRun.cpuUsPerRequest,
    });
  }
  return { runs, warmup, ...roundFigures(runs, baselines.length), problems };
}

/** With `warmupS`: each baseline, then the measured side, loaded alone until steady; else nothing. */
export async function warmEverySide(
  baselines: readonly Side[],
  measured: Side,
  settings: InterleavedSettings,
  problems: string[],
): Promise<InterleavedResult['warmup']> {
  const warmup = { baseline: [] as number[], measured: [] as number[] };
  if (settings.warmupS <= 0) return warmup;
  const warm = (side: Side): Promise<number[]> =>
    warmUntilSteady((seconds) => runAlone(side, seconds, settings, problems), settings.warmupS);
  for (const side of baselines) warmup.baseline.push(...(await warm(side)));
  warmup.measured = await warm(measured);
  return warmup;
}

/** One measured run of one side on its own: its lead-in, its load (inside `aroundLoad`), the settle time. */
export async function runAlone(
  side: Side,
  durationS: number,
  settings: InterleavedSettings,
  problems: string[],
): Promise<SideRun> {
  if (settings.leadInS) await settings.load(side.target, settings.connections, settings.leadInS);
  const load = (): Promise<LoadOutcome> => settings.load(side.target, settings.connections, durationS);
  const before = readCpuSeconds(side.pid);
  const outcome = await (side.aroundLoad ? side.aroundLoad(load) : load());
  await settle(settings);
  return sideRun(side, outcome, readCpuSeconds(side.pid) - before, problems);
}

/** The settle time after a load, in which the process's CPU still counts. */
export function settle(settings: InterleavedSettings): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, settings.settleMs));
}

/** One run's figures from its load's outcome and the CPU seconds its process used; what went wrong, to `problems`. */
export function sideRun(side: Side, outcome: LoadOutcome, cpuS: number, problems: string[]): SideRun {
  if (outcome.requests === 0) problems.push(`${side.name}: no request completed`);
  if (outcome.errors > 0) problems.push(`${side.name}: ${outcome.errors} socket errors/timeouts`);
  if (outcome.non2xx > 0) problems.push(`${side.name}: ${outcome.non2xx} non-2xx answers`);
  return {
    cpuUsPerRequest: outcome.requests > 0 ? (cpuS * 1e6) / outcome.requests : Number.NaN,
    requestsPerSecond: outcome.requestsPerSecond,
    requests: outcome.requests,
  };
}

/** Two warm-up chunks in a row whose CPU/request differ by less than this are steady. */
const STEADY_TOLERANCE = 0.05;
const MAX_WARMUP_CHUNKS = 15;

/**
 * Loads a side in chunks until its CPU/request stops falling: a fresh gateway takes 5–20 s of load (tens of
 * thousands of requests: JIT tiers, the young generation growing to its size) before its cost settles, 2.5× the
 * steady figure in its first seconds, while the floor proxy settles at once. A fixed warm-up left the first runs of
 * a comparison on a side still warming. Stops after `MAX_WARMUP_CHUNKS` whatever the figures.
 */
export async function warmUntilSteady(
  chunk: (seconds: number) => Promise<SideRun>,
  chunkS: number,
): Promise<number[]> {
  const costs: number[] = [];
  while (costs.length < MAX_WARMUP_CHUNKS) {
    costs.push((await chunk(chunkS)).cpuUsPerRequest);
    const [previous, last] = costs.slice(-2);
    if (costs.length >= 2 && Math.abs(last - previous) < STEADY_TOLERANCE * previous) break;
  }
  return costs;
}
