import { readCpuSeconds } from '../process/proc-stats';
import { roundFigures, roundSlot } from './cpu-rounds';
import {
  settle,
  sideRun,
  warmEverySide,
  type InterleavedResult,
  type InterleavedSettings,
  type PairedCpuRun,
  type Side,
} from './interleaved-cpu';

export type SimultaneousResult = Omit<InterleavedResult, 'runs'> & {
  /** In order: round by round, one run with each baseline. */
  runs: PairedCpuRun[];
};

/**
 * Rounds of runs in which both sides take their load at the same time, each from its own load generator, on the
 * same measured core; each side's CPU is its process's utime+stime over the load (and the settle time) ÷ its
 * completed requests. Runs taken in turn meet the machine at different moments: on this machine kind one side's
 * cost moves by up to ±30 % between runs a minute apart (a neighbour on the host, another process on the other
 * core). Taken at once, both sides meet the same moment, so what moves one moves the other and their ratio is
 * the gateway's own difference.
 *
 * Two processes of one build and settings still differ: loaded at once, the one started first cost 2–6 % more
 * here, run after run. So a round pairs the measured side with each baseline in turn (started before and after
 * it), and its ratio is the geometric mean of its runs' ratios: such a difference falls on both sides of it.
 * The figure is the median of the rounds' ratios. With `warmupS`, every side is first warmed up alone until
 * steady (`warmUntilSteady`).
 */
export async function simultaneousCpu(
  baselines: readonly Side[],
  measured: Side,
  settings: InterleavedSettings,
): Promise<SimultaneousResult> {
  const problems: string[] = [];
  const warmup = await warmEverySide(baselines, measured, settings, problems);
  const rounds = Math.ceil(settings.runs / baselines.length);
  const runs: PairedCpuRun[] = [];
  for (let index = 0; index < rounds * baselines.length; index++) {
    const baseline = baselines[roundSlot(index, baselines.length).slot];
    const both = <T>(run: (side: Side) => Promise<T>): Promise<[T, T]> =>
      Promise.all([run(baseline), run(measured)]);
    if (settings.leadInS)
      await both((side) => settings.load(side.target, settings.connections, settings.leadInS!));
    const cpuBefore = [readCpuSeconds(baseline.pid), readCpuSeconds(measured.pid)];
    const outcomes = await both((side) =>
      settings.load(side.target, settings.connections, settings.durationS),
    );
    await settle(settings);
    const cpuAfter = [readCpuSeconds(baseline.pid), readCpuSeconds(measured.pid)];
    const [baselineRun, measuredRun] = [baseline, measured].map((side, at) =>
      sideRun(side, outcomes[at], cpuAfter[at] - cpuBefore[at], problems),
    );
    runs.push({
      baseline: baselineRun,
      measured: measuredRun,
      ratio: measuredRun.cpuUsPerRequest / baselineRun.cpuUsPerRequest,
    });
  }
  return { runs, warmup, ...roundFigures(runs, baselines.length), problems };
}
