import { medianOfSorted, ratioSummary, type RatioSummary } from '../stats/paired-ratios';

/** The figures of a CPU A/B whose runs come in rounds: one run against each baseline per round. */
export interface RoundFigures {
  /** The median of the rounds' ratios (each the geometric mean of its runs' measured ÷ baseline). */
  ratio: RatioSummary;
  /** How many baselines each round paired the measured side with, one run each. */
  baselinesPerRound: number;
  /**
   * With two baselines or more: per round, the last baseline's CPU/request ÷ the first's, as the measured side
   * sees them (its ratio against the first ÷ its ratio against the last). For two processes of one build it is
   * the A/B's own zero: how far apart two identical sides read.
   */
  baselineRatio?: RatioSummary;
  baselineCpuUsMedian: number;
  measuredCpuUsMedian: number;
}

/** Run `index` of an A/B with `baselines` baselines: its round and which baseline it pairs with. */
export function roundSlot(index: number, baselines: number): { round: number; slot: number } {
  return { round: Math.floor(index / baselines), slot: index % baselines };
}

/** Each round's ratio: the geometric mean of its `perRound` runs' ratios (rounds with a failed run left out). */
export function roundRatios(runs: ReadonlyArray<{ ratio: number }>, perRound: number): number[] {
  return wholeRounds(runs, perRound).map((round) =>
    Math.exp(round.reduce((sum, ratio) => sum + Math.log(ratio), 0) / perRound),
  );
}

/** Each round's last baseline ÷ its first, through the measured side's two ratios; none for one baseline. */
export function baselineRatios(runs: ReadonlyArray<{ ratio: number }>, perRound: number): number[] {
  if (perRound < 2) return [];
  return wholeRounds(runs, perRound).map((round) => round[0] / round[perRound - 1]);
}

export function roundFigures(
  runs: ReadonlyArray<{
    ratio: number;
    baseline: { cpuUsPerRequest: number };
    measured: { cpuUsPerRequest: number };
  }>,
  perRound: number,
): RoundFigures {
  return {
    ratio: ratioSummary(roundRatios(runs, perRound)),
    baselinesPerRound: perRound,
    ...(perRound > 1 ? { baselineRatio: ratioSummary(baselineRatios(runs, perRound)) } : {}),
    baselineCpuUsMedian: medianOfSorted(runs.map((run) => run.baseline.cpuUsPerRequest)),
    measuredCpuUsMedian: medianOfSorted(runs.map((run) => run.measured.cpuUsPerRequest)),
  };
}

function wholeRounds(runs: ReadonlyArray<{ ratio: number }>, perRound: number): number[][] {
  const rounds: number[][] = [];
  for (let start = 0; start + perRound <= runs.length; start += perRound) {
    const round = runs.slice(start, start + perRound).map((run) => run.ratio);
    if (round.every((ratio) => Number.isFinite(ratio) && ratio > 0)) rounds.push(round);
  }
  return rounds;
}
