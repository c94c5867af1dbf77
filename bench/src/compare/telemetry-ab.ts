import { runLoad } from '../load/load-runner';
import { runPairedProbe, type ProbeResult } from '../probe/paired-probe';
import type { Ports } from '../scenarios/scenarios';
import { databasePausedDuring } from '../database-pause/database-pause';
import type { ComparisonPath } from './comparison-paths';
import {
  interleavedCpu,
  type InterleavedResult,
  type InterleavedSettings,
  type PairedCpuRun,
  type Side,
} from './interleaved-cpu';
import type { RoundFigures } from './cpu-rounds';
import { simultaneousCpu, type SimultaneousResult } from './simultaneous-cpu';

/**
 * Issue 12's cost: everything on vs REQUEST_LOG=off (metrics still on). The CPU goal is judged on the sets loaded
 * at once: on this machine kind a side's cost moves by ±30 % between runs a minute apart, so the rounds taken in
 * turn spread wider (0.84–1.26× in one set) than the 10 % they would judge, and their median moves by more than
 * the goal's margin between invocations; loaded at once, both sides meet the same moment and the rounds spread
 * 1.01–1.05×. The sets taken in turn stay in the table, as do the two off gateways against each other (A/A).
 */
export const TELEMETRY_GOALS = { cpuRatio: 1.1, addedLatencyMs: 0.05 } as const;
/** Settle time of the database-paused runs: the rows queued during the load are written in it. */
const DATABASE_CATCH_UP_MS = 3_000;
/**
 * The "on" gateway's request-log queue (REQUEST_LOG_QUEUE_SIZE): the rows of a paused database's run, ~6,000 a
 * second for the lead-in and the load, must all fit, or the dropped ones would make the on side look cheaper.
 */
export const TELEMETRY_ON_QUEUE_SIZE = 200_000;

/**
 * One set of on/off runs: CPU/request on ÷ off, the median of rounds, each round one run against each off
 * gateway (see `roundFigures`), and how the two off gateways compare (`baselineRatio`).
 */
export type OnOffRuns = Pick<RoundFigures, 'ratio' | 'baselinesPerRound' | 'baselineRatio'> & {
  runs: PairedCpuRun[];
  offCpuUsMedian: number;
  onCpuUsMedian: number;
};

function onOffRuns(result: InterleavedResult | SimultaneousResult): OnOffRuns {
  return {
    runs: result.runs,
    ratio: result.ratio,
    baselinesPerRound: result.baselinesPerRound,
    ...(result.baselineRatio ? { baselineRatio: result.baselineRatio } : {}),
    offCpuUsMedian: result.baselineCpuUsMedian,
    onCpuUsMedian: result.measuredCpuUsMedian,
  };
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
   * their ratio is the gateway's own difference.
   */
  atOnce: {
    saturated: OnOffRuns;
    fixedRate: OnOffRuns & { ratePerSecond: number };
  };
  /** Paired serial probes, one against each off gateway, each pair's order alternating. */
  probes: ProbeResult[];
  /** The mean of the probes' medians of (on − off) a request. */
  addedLatencyMs: number;
  problems: string[];
}

/**
 * `off` is started after the on gateway; `offBefore`, when given, before it. Every set then runs in rounds that
 * pair the on gateway with each of them: of two processes of one build, the one started first costs a few per
 * cent more here (see simultaneousCpu), and a set against one of them alone would carry that difference.
 */
export async function telemetryAb(
  path: ComparisonPath,
  ports: { on: Ports; off: Ports; offBefore?: Ports },
  pids: { on: number; off: number; offBefore?: number },
  settings: InterleavedSettings & { probeIterations: number },
): Promise<TelemetryAbResult> {
  const offSides = (name: string): Side[] => {
    const sides: Side[] = [{ name, pid: pids.off, target: path.gateway(ports.off) }];
    if (ports.offBefore !== undefined && pids.offBefore !== undefined)
      sides.push({
        name: `${name}, started first`,
        pid: pids.offBefore,
        target: path.gateway(ports.offBefore),
      });
    return sides;
  };
  const cpu = await interleavedCpu(
    offSides('REQUEST_LOG=off'),
    { name: 'everything on', pid: pids.on, target: path.gateway(ports.on) },
    settings,
  );
  const slowest = Math.min(
    ...cpu.runs.flatMap((run) => [run.baseline.requestsPerSecond, run.measured.requestsPerSecond]),
  );
  const ratePerSecond = Math.max(1, Math.round(slowest / 2));
  const paced = await interleavedCpu(
    offSides('REQUEST_LOG=off, fixed rate'),
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
    offSides('REQUEST_LOG=off, same settle time'),
    {
      name: 'everything on, database paused during the load',
      pid: pids.on,
      target: path.gateway(ports.on),
      aroundLoad: databasePausedDuring(pids.on),
    },
    { ...settings, warmupS: 0, settleMs: pausedSettleMs },
  );
  // Every side was warmed up by the first set.
  const onSide = { name: 'everything on, at once', pid: pids.on, target: path.gateway(ports.on) };
  const atOnceSaturated = await simultaneousCpu(offSides('REQUEST_LOG=off, at once'), onSide, {
    ...settings,
    warmupS: 0,
  });
  const atOnceRate = Math.max(1, Math.round(slowest / 4));
  const atOncePaced = await simultaneousCpu(offSides('REQUEST_LOG=off, at once'), onSide, {
    ...settings,
    warmupS: 0,
    load: (target, connections, durationS) => runLoad(target, connections, durationS, atOnceRate),
  });
  const probes: ProbeResult[] = [];
  for (const off of offSides('REQUEST_LOG=off'))
    probes.push(
      await runPairedProbe({
        direct: off.target,
        validateDirect: path.validateGateway,
        measured: path.gateway(ports.on),
        validateMeasured: path.validateGateway,
        warmup: Math.min(20, settings.probeIterations),
        iterations: settings.probeIterations,
        maxDurationMs: 60_000,
      }),
    );
  const problems = [
    ...cpu.problems,
    ...paced.problems,
    ...paused.problems,
    ...atOnceSaturated.problems,
    ...atOncePaced.problems,
  ];
  for (const probe of probes)
    if (probe.failures > 0)
      problems.push(`probe: ${probe.failures} wrong: ${probe.firstFailures.join(' | ')}`);
  return {
    id: `telemetry-${path.id}`,
    label: path.label,
    ...onOffRuns(cpu),
    warmup: cpu.warmup,
    fixedRate: { ratePerSecond, ...onOffRuns(paced) },
    databasePaused: { settleMs: pausedSettleMs, ...onOffRuns(paused) },
    atOnce: {
      saturated: onOffRuns(atOnceSaturated),
      fixedRate: { ratePerSecond: atOnceRate, ...onOffRuns(atOncePaced) },
    },
    probes,
    addedLatencyMs: probes.reduce((sum, probe) => sum + probe.addedLatencyMs, 0) / probes.length,
    problems,
  };
}
