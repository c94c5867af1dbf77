import { runLoad } from '../load/load-runner';
import { runPairedProbe, type ProbeResult } from '../probe/paired-probe';
import type { Ports } from '../scenarios/scenarios';
import type { RatioSummary } from '../stats/paired-ratios';
import type { ComparisonPath } from './comparison-paths';
import { interleavedCpu, type InterleavedResult, type InterleavedSettings } from './interleaved-cpu';

/** Issue 12's cost: everything on vs REQUEST_LOG=off (metrics still on). */
export const TELEMETRY_GOALS = { cpuRatio: 1.1, addedLatencyMs: 0.05 } as const;

export interface TelemetryAbResult {
  id: string;
  label: string;
  runs: InterleavedResult['runs'];
  /** CPU/request, on ÷ off, median of per-run ratios. */
  ratio: RatioSummary;
  offCpuUsMedian: number;
  onCpuUsMedian: number;
  /**
   * The same interleaved runs at one fixed rate for both (half the slower side's saturated throughput): at
   * saturation a side that loses throughput (its database competing for this machine's cores) also loses the
   * amortisation of many requests per event-loop turn, which is not the data plane's own cost.
   */
  fixedRate: {
    ratePerSecond: number;
    runs: InterleavedResult['runs'];
    ratio: RatioSummary;
    offCpuUsMedian: number;
    onCpuUsMedian: number;
  };
  /** Paired serial probe, off then on: addedLatencyMs is the median of (on − off). */
  probe: ProbeResult;
  problems: string[];
}

export async function telemetryAb(
  path: ComparisonPath,
  ports: { on: Ports; off: Ports },
  pids: { on: number; off: number },
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
  const probe = await runPairedProbe({
    direct: path.gateway(ports.off),
    validateDirect: path.validateGateway,
    measured: path.gateway(ports.on),
    validateMeasured: path.validateGateway,
    warmup: Math.min(20, settings.probeIterations),
    iterations: settings.probeIterations,
    maxDurationMs: 60_000,
  });
  const problems = [...cpu.problems, ...paced.problems];
  if (probe.failures > 0) problems.push(`probe: ${probe.failures} wrong: ${probe.firstFailures.join(' | ')}`);
  return {
    id: `telemetry-${path.id}`,
    label: path.label,
    runs: cpu.runs,
    ratio: cpu.ratio,
    offCpuUsMedian: cpu.baselineCpuUsMedian,
    onCpuUsMedian: cpu.measuredCpuUsMedian,
    fixedRate: {
      ratePerSecond,
      runs: paced.runs,
      ratio: paced.ratio,
      offCpuUsMedian: paced.baselineCpuUsMedian,
      onCpuUsMedian: paced.measuredCpuUsMedian,
    },
    probe,
    problems,
  };
}
