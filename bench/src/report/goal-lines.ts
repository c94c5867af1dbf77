import { BUILD_AB_GOAL_RATIO } from '../compare/build-ab';
import { ISSUE_17_GOALS } from '../compare/comparison-paths';
import { TELEMETRY_GOALS, type OnOffRuns, type TelemetryAbResult } from '../compare/telemetry-ab';
import type { Issue17Results } from './issue17-results';
import { textTable } from './text-table';

/** One figure beside its goal and its floor (what a bare proxy or an idle process scores). */
export interface GoalLine {
  figure: string;
  measured: string;
  goal: string;
  floor: string;
  /** undefined: reported, no goal. */
  pass?: boolean;
}

export const SCALE_GOALS = {
  slowStreamsPeakRssMb: 250,
  healthzMaxMs: 20,
  routeMatchP99Us: 5,
  adminListP99Ms: 50,
  startupMs: 5_000,
  soakGrowthPercent: 10,
} as const;

const ratio = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(2)}×` : 'n/a');
const ms = (value: number, digits = 3): string =>
  Number.isFinite(value) ? `${value.toFixed(digits)} ms` : 'n/a';

export function goalLines(results: Issue17Results): GoalLine[] {
  const lines: GoalLine[] = [];
  for (const path of results.wrk?.paths ?? []) {
    lines.push({
      figure: `${path.label}: CPU/request ÷ floor (wrk, median of ${path.ratio.ratios.length} paired runs)`,
      measured: `${ratio(path.ratio.median)} (${path.gatewayCpuUsMedian.toFixed(0)} µs; runs ${path.ratio.ratios.map((r) => r.toFixed(2)).join(', ')})`,
      goal: path.goalRatio === undefined ? '-' : `≤ ${path.goalRatio}×`,
      floor: `${path.floorCpuUsMedian.toFixed(0)} µs`,
      pass: path.goalRatio === undefined ? undefined : path.ratio.median <= path.goalRatio,
    });
    if (path.stream) {
      lines.push({
        figure: `${path.label}: TTFB added (serial, vs upstream direct)`,
        measured: ms(path.gatewayProbe.ttfbOverheadMs),
        goal: path.goalRatio === undefined ? '-' : `≤ ${ISSUE_17_GOALS.streamTtfbAddedMs} ms`,
        floor: ms(path.floorProbe.ttfbOverheadMs),
        pass:
          path.goalRatio === undefined
            ? undefined
            : path.gatewayProbe.ttfbOverheadMs <= ISSUE_17_GOALS.streamTtfbAddedMs,
      });
    }
  }
  for (const ab of results.telemetry?.paths ?? []) {
    // Judged on the sets loaded at once (see TELEMETRY_GOALS); the sets taken in turn are reported.
    lines.push(
      onOffLine(`${ab.label}: CPU/request, everything on ÷ REQUEST_LOG=off, in turn`, ab, false),
      onOffLine(
        `${ab.label}: CPU/request, on ÷ off in turn at a fixed ${ab.fixedRate.ratePerSecond} req/s each`,
        ab.fixedRate,
        false,
      ),
      onOffLine(
        `${ab.label}: CPU/request, on ÷ off in turn, on's database paused during each load`,
        ab.databasePaused,
        false,
      ),
      onOffLine(`${ab.label}: CPU/request, on ÷ off loaded at once, saturated`, ab.atOnce.saturated, true),
      onOffLine(
        `${ab.label}: CPU/request, on ÷ off loaded at once, ${ab.atOnce.fixedRate.ratePerSecond} req/s each`,
        ab.atOnce.fixedRate,
        true,
      ),
    );
    const aa = offGatewaysLine(ab);
    if (aa) lines.push(aa);
    lines.push({
      figure: `${ab.label}: serial latency, on − off (${ab.probes.length} paired probes, mean of their medians)`,
      measured: `${ms(ab.addedLatencyMs)} (${ab.probes.map((probe) => ms(probe.addedLatencyMs)).join(', ')})`,
      goal: `≤ +${TELEMETRY_GOALS.addedLatencyMs} ms`,
      floor: `${ms(ab.probes[0].directP50Ms)} (off, p50)`,
      pass: ab.addedLatencyMs <= TELEMETRY_GOALS.addedLatencyMs,
    });
  }
  const slow = results.slowStreams;
  if (slow) {
    lines.push({
      figure: `${slow.streams} slow streams held ${slow.holdSeconds} s: gateway peak RSS`,
      measured: `${slow.peakRssMb.toFixed(1)} MB (max open ${slow.maxOpen})`,
      goal: `≤ ${SCALE_GOALS.slowStreamsPeakRssMb} MB`,
      floor: `${slow.rssBeforeMb.toFixed(1)} MB (before)`,
      pass: slow.peakRssMb <= SCALE_GOALS.slowStreamsPeakRssMb,
    });
    lines.push({
      figure: `${slow.streams} slow streams (starts over ${slow.rampSeconds} s): /healthz max (${slow.healthzPolls} polls, own process)`,
      measured: `${ms(slow.healthzMaxMs, 1)} (p99 ${ms(slow.healthzP99Ms, 1)}, gateway CPU ${slow.gatewayCpuPercent.toFixed(0)} %)`,
      goal: `≤ ${SCALE_GOALS.healthzMaxMs} ms`,
      floor: '-',
      pass: slow.healthzMaxMs <= SCALE_GOALS.healthzMaxMs,
    });
  }
  const match = results.routeMatch;
  if (match) {
    lines.push({
      figure: `route match, ${match.routes} routes (${match.globs} globs), ${match.lookups} lookups: p99`,
      measured: `${match.p99Us.toFixed(2)} µs (p50 ${match.p50Us.toFixed(2)}, first-seen p99 ${match.firstSeenP99Us.toFixed(0)} µs)`,
      goal: `≤ ${SCALE_GOALS.routeMatchP99Us} µs`,
      floor: '-',
      pass: match.p99Us <= SCALE_GOALS.routeMatchP99Us,
    });
  }
  const many = results.manyRoutes;
  if (many) {
    lines.push({
      figure: `admin GET /admin/routes, ${many.routes} routes, ${many.listPageSize}/page: p99`,
      measured: `${ms(many.listP99Ms, 1)} (p50 ${ms(many.listP50Ms, 1)}; one list during the ${(many.reloadMs / 1000).toFixed(1)} s reload: ${ms(many.listDuringReloadMs, 1)})`,
      goal: `≤ ${SCALE_GOALS.adminListP99Ms} ms`,
      floor: '-',
      pass: many.listP99Ms <= SCALE_GOALS.adminListP99Ms,
    });
    lines.push({
      figure: `gateway start-up with ${many.routes} routes (spawn → /readyz)`,
      measured: `${(many.startupMs / 1000).toFixed(2)} s`,
      goal: `≤ ${SCALE_GOALS.startupMs / 1000} s`,
      floor: `${(many.startupFloorMs / 1000).toFixed(2)} s (20 routes, same database)`,
      pass: many.startupMs <= SCALE_GOALS.startupMs,
    });
  }
  const soak = results.soak;
  if (soak) {
    lines.push({
      figure: `soak ${soak.seconds} s at ${soak.ratePerSecond} req/s (½ of ${soak.measuredThroughput.toFixed(0)}): RSS end vs after warm-up`,
      measured: `${soak.rssAfterWarmupMb.toFixed(1)} → ${soak.rssAfterSoakMb.toFixed(1)} MB (${soak.growthPercent >= 0 ? '+' : ''}${soak.growthPercent.toFixed(1)} %, max ${soak.rssMaxAfterWarmupMb.toFixed(1)})`,
      goal: `within ${SCALE_GOALS.soakGrowthPercent} %`,
      floor: '-',
      pass: Math.abs(soak.growthPercent) <= SCALE_GOALS.soakGrowthPercent,
    });
  }
  const builds = results.builds;
  for (const path of builds?.paths ?? []) {
    lines.push({
      figure: `${path.label}: CPU/request, build ${builds!.candidate.commit} ÷ ${builds!.baseline.commit} (median of ${path.ratio.ratios.length} paired runs)`,
      measured: `${ratio(path.ratio.median)} (${path.candidateCpuUsMedian.toFixed(0)} vs ${path.baselineCpuUsMedian.toFixed(0)} µs; runs ${path.ratio.ratios.map((r) => r.toFixed(2)).join(', ')})`,
      goal: `≤ ${BUILD_AB_GOAL_RATIO}×`,
      floor: `${path.baselineCpuUsMedian.toFixed(0)} µs (baseline)`,
      pass: path.ratio.median <= BUILD_AB_GOAL_RATIO,
    });
  }
  return lines;
}

export function goalsTable(lines: GoalLine[]): string {
  const verdict = (pass: boolean | undefined): string =>
    pass === undefined ? 'info' : pass ? 'PASS' : 'FAIL';
  return textTable([
    ['figure', 'measured', 'goal', 'floor', 'verdict'],
    ...lines.map((line) => [line.figure, line.measured, line.goal, line.floor, verdict(line.pass)]),
  ]);
}

/**
 * A CPU line of issue 12's A/B, with the number of pairs (or rounds) its median is of and their spread; `judged`:
 * held against the goal, else reported.
 */
function onOffLine(figure: string, set: OnOffRuns, judged: boolean): GoalLine {
  const unit = set.baselinesPerRound > 1 ? `rounds of ${set.baselinesPerRound} off gateways` : 'pairs';
  return {
    figure: `${figure} (${set.ratio.ratios.length} ${unit})`,
    measured: `${ratio(set.ratio.median)} (${set.onCpuUsMedian.toFixed(0)} vs ${set.offCpuUsMedian.toFixed(0)} µs; ${ratio(set.ratio.min)}–${ratio(set.ratio.max)})`,
    goal: `≤ ${TELEMETRY_GOALS.cpuRatio}×`,
    floor: `${set.offCpuUsMedian.toFixed(0)} µs (off)`,
    pass: judged ? set.ratio.median <= TELEMETRY_GOALS.cpuRatio : undefined,
  };
}

/**
 * The A/B's own zero: the two REQUEST_LOG=off gateways, one started before the on gateway and one after it, as
 * each set's rounds saw them (no goal: it says how far apart two identical processes read here).
 */
function offGatewaysLine(ab: TelemetryAbResult): GoalLine | undefined {
  const sets: Array<[string, OnOffRuns]> = [
    ['in turn', ab],
    ['fixed rate', ab.fixedRate],
    ['database paused', ab.databasePaused],
    ['at once', ab.atOnce.saturated],
    ['at once, fixed rate', ab.atOnce.fixedRate],
  ];
  const seen = sets.filter(([, set]) => set.baselineRatio !== undefined);
  if (seen.length === 0) return undefined;
  return {
    figure: `${ab.label}: CPU/request, REQUEST_LOG=off started first ÷ started after (A/A, medians of the rounds)`,
    measured: seen.map(([name, set]) => `${name} ${ratio(set.baselineRatio!.median)}`).join(', '),
    goal: '-',
    floor: '1.00×',
  };
}
