import { runLoad } from '../load/load-runner';
import { runPairedProbe, type ProbeResult } from '../probe/paired-probe';
import type { Ports } from '../scenarios/scenarios';
import type { RatioSummary } from '../stats/paired-ratios';
import { databasePausedDuring } from '../database-pause/database-pause';
import type { ComparisonPath } from './comparison-paths';
import {
  interleavedCpu,
  type InterleavedResult,
  type InterleavedSettings,
  type PairedCpuRun,
} from './interleaved-cpu';
import { simultaneousCpu, type SimultaneousResult } from './simultaneous-cpu';

/** Issue 12's cost: everything on vs REQUEST_LOG=off (metrics still on). */
export const TELEMETRY_GOALS = { cpuRatio: 1.1, addedLatencyMs: 0.05 } as const;
/** Settle time of the database-paused runs: the rows queued during the load are written in it. */
const DATABASE_CATCH_UP_MS = 3_000;
/**
 * The "on" gateway's request-log queue (REQUEST_LOG_QUEUE_SIZE): the rows of a paused database's run, ~6,000 a
 * second for the lead-in and the load, must all fit, or the dropped ones would make the on side look cheaper.
 */
export const TELEMETRY_ON_QUEUE_SIZE = 200_000;

/** One set of interleaved on/off runs: CPU/request on ÷ off, median of per-run ratios. */
export interface OnOffRuns {
  runs: PairedCpuRun[];
  ratio: RatioSummary;
  offCpuUsMedian: number;
  onCpuUsMedian: number;
}

function onOffRuns(result: InterleavedResult | SimultaneousResult): OnOffRuns {
  return {
    runs: result.runs,
    ratio: result.ratio,
    offCpuUsMedian: result.baselineCpuUsMedian,
    onCpuUsMedian: result.measuredCpuUsMedian,
  };
}

/** An at-once set: its ratio is the median of rounds, each of one run with every baseline. */
export type AtOnceRuns = OnOffRuns & Pick<SimultaneousResult, 'baselinesPerRound' | 'warmup'>;

function atOnceRuns(result: SimultaneousResult): AtOnceRuns {
  return { ...onOffRuns(result), baselinesPerRound: result.baselinesPerRound, warmup: result.warmup };
}

/** The saturated runs (the result's own fields), then the same comparison two other ways. */
export interface TelemetryAbResult extends OnOffRuns {
  id: string;
  label: string;
  warmup: InterleavedResult['warmup'];
  /**
   * The same interleaved runs at one fixed rate for both (half the slower side's saturated throughput): at
   * saturation a side that loses throughput (its database competing for this machine's cores) also loses the
   * amortisation of many requests per event-loop turn, which is not the data plane's own cost.
   */
  fixedRate: OnOffRuns & { ratePerSecond: number };
  /**
   * The saturated runs again with the on side's embedded database paused during each load and resumed for the
   * settle time (every record still written, its writing counted): the gateway's own cost without its database
   * working on the load CPU during the load, which on this machine kind slows the measured core.
   */
  databasePaused: OnOffRuns & { settleMs: number };
  /**
   * Both sides loaded at the same time on the measured core (`simultaneousCpu`), saturated and at a fixed rate
   * each (a quarter of the slower side's saturated throughput: the core as busy as in the fixed-rate runs): both
   * meet the same moment of this machine (a neighbour on the host, the on side's database on the other core), so
   * their ratio is the gateway's own difference. The off side alternates between a gateway started after the on
   * one and one started before it.
   */
  atOnce: {
    saturated: AtOnceRuns;
    fixedRate: AtOnceRuns & { ratePerSecond: number };
  };
  /** Paired serial probe, off then on: addedLatencyMs is the median of (on − off). */
  probe: ProbeResult;
  problems: string[];
}

/**
 * `off` is started after the on gateway; `offBefore`, when given, before it: the at-once sets pair the on side
 * with each in turn (see simultaneousCpu).
 */
export async function telemetryAb(
  path: ComparisonPath,
  ports: { on: Ports; off: Ports; offBefore?: Ports },
  pids: { on: number; off: number; offBefore?: number },
  settings: InterleavedSettings & { probeIterations: number },
): Promise<TelemetryAbResult> {
  const cpu = await interleavedCpu(
    { name: 'REQUEST_LOG=off', pid: pids.off, target: path.gateway(ports.off) },
    { name: 'everything on', pid: pids.on, target: path.gateway(ports.on) },
    settings,
  );
  const slowest = Math.min(
    ...cpu.runs.flatMap((run) => [run.baseline.requestsPerSecond, run.measured.requestsPerSecond]),
  );
  const ratePerSecond = Math.max(1, Math.round(slowest / 2));
  const paced = await interleavedCpu(
    { name: 'REQUEST_LOG=off, fixed rate', pid: pids.off, target: path.gateway(ports.off) },
    { name: 'everything on, fixed rate', pid: pids.on, target: path.gateway(ports.on) },
    {
      ...settings,
      warmupS: 0,
      load: (target, connections, durationS) => runLoad(target, connections, durationS, ratePerSecond),
    },
  );
  // The queued rows are written after the load: 40 or so INSERTs, well within this.
  const pausedSettleMs = Math.max(settings.settleMs, DATABASE_CATCH_UP_MS);
  const paused = await interleavedCpu(
    { name: 'REQUEST_LOG=off, same settle time', pid: pids.off, target: path.gateway(ports.off) },
    {
      name: 'everything on, database paused during the load',
      pid: pids.on,
      target: path.gateway(ports.on),
      aroundLoad: databasePausedDuring(pids.on),
    },
    { ...settings, warmupS: 0, settleMs: pausedSettleMs },
  );
  const offSides = [{ name: 'REQUEST_LOG=off, at once', pid: pids.off, target: path.gateway(ports.off) }];
  if (ports.offBefore !== undefined && pids.offBefore !== undefined)
    offSides.push({
      name: 'REQUEST_LOG=off started first, at once',
      pid: pids.offBefore,
      target: path.gateway(ports.offBefore),
    });
  const onSide = { name: 'everything on, at once', pid: pids.on, target: path.gateway(ports.on) };
  const atOnceSaturated = await simultaneousCpu(offSides, onSide, settings);
  const atOnceRate = Math.max(1, Math.round(slowest / 4));
  const atOncePaced = await simultaneousCpu(offSides, onSide, {
    ...settings,
    warmupS: 0,
    load: (target, connections, durationS) => runLoad(target, connections, durationS, atOnceRate),
  });
  const probe = await runPairedProbe({
    direct: path.gateway(ports.off),
    validateDirect: path.validateGateway,
    measured: path.gateway(ports.on),
    validateMeasured: path.validateGateway,
    warmup: Math.min(20, settings.probeIterations),
    iterations: settings.probeIterations,
    maxDurationMs: 60_000,
  });
  const problems = [
    ...cpu.problems,
    ...paced.problems,
    ...paused.problems,
    ...atOnceSaturated.problems,
    ...atOncePaced.problems,
  ];
  if (probe.failures > 0) problems.push(`probe: ${probe.failures} wrong: ${probe.firstFailures.join(' | ')}`);
  return {
    id: `telemetry-${path.id}`,
    label: path.label,
    ...onOffRuns(cpu),
    warmup: cpu.warmup,
    fixedRate: { ratePerSecond, ...onOffRuns(paced) },
    databasePaused: { settleMs: pausedSettleMs, ...onOffRuns(paused) },
    atOnce: {
      saturated: atOnceRuns(atOnceSaturated),
      fixedRate: { ratePerSecond: atOnceRate, ...atOnceRuns(atOncePaced) },
    },
    probe,
    problems,
  };
}
