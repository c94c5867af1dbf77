import { Agent } from 'node:http';
import { runPairedProbe, type ProbeResult } from '../probe/paired-probe';
import { timedRequest } from '../probe/timed-request';
import type { Ports } from '../scenarios/scenarios';
import type { RatioSummary } from '../stats/paired-ratios';
import type { Validator } from '../validate/response-validators';
import type { HttpTarget } from '../probe/http-target';
import type { ComparisonPath } from './comparison-paths';
import { interleavedCpu, type InterleavedResult, type InterleavedSettings } from './interleaved-cpu';

export interface PathComparison {
  id: string;
  label: string;
  stream: boolean;
  goalRatio?: number;
  runs: InterleavedResult['runs'];
  /** CPU µs/request of each warm-up chunk, per side (floor = baseline). */
  warmup: InterleavedResult['warmup'];
  ratio: RatioSummary;
  floorCpuUsMedian: number;
  gatewayCpuUsMedian: number;
  /** Paired serial probe, mock direct vs gateway and vs floor: added end-to-end time and added TTFB. */
  gatewayProbe: ProbeResult;
  floorProbe: ProbeResult;
  problems: string[];
}

export interface ComparisonProcesses {
  ports: Ports;
  floorPid: number;
  gatewayPid: number;
}

/** Issue 17's method for each path: interleaved floor/gateway load runs, median of per-run ratios. */
export async function compareWithFloor(
  path: ComparisonPath,
  processes: ComparisonProcesses,
  settings: InterleavedSettings & { probeIterations: number },
): Promise<PathComparison> {
  const { ports } = processes;
  const problems: string[] = [];
  const check = async (side: string, target: HttpTarget, validate: Validator): Promise<void> => {
    const agent = new Agent({ keepAlive: false });
    const problem = validate((await timedRequest(agent, target)).response);
    if (problem) problems.push(`${side}: ${problem}`);
  };
  await check('floor', path.floor(ports), path.validateUpstream);
  await check('gateway', path.gateway(ports), path.validateGateway);
  const cpu = await interleavedCpu(
    [{ name: 'floor', pid: processes.floorPid, target: path.floor(ports) }],
    { name: 'gateway', pid: processes.gatewayPid, target: path.gateway(ports) },
    settings,
  );
  problems.push(...cpu.problems);
  const probe = (measured: HttpTarget, validateMeasured: Validator): Promise<ProbeResult> =>
    runPairedProbe({
      direct: path.direct(ports),
      validateDirect: path.validateUpstream,
      measured,
      validateMeasured,
      warmup: Math.min(20, settings.probeIterations),
      iterations: settings.probeIterations,
      maxDurationMs: 60_000,
    });
  const gatewayProbe = await probe(path.gateway(ports), path.validateGateway);
  const floorProbe = await probe(path.floor(ports), path.validateUpstream);
  for (const [side, result] of [
    ['gateway probe', gatewayProbe],
    ['floor probe', floorProbe],
  ] as const) {
    if (result.failures > 0)
      problems.push(`${side}: ${result.failures} wrong: ${result.firstFailures.join(' | ')}`);
  }
  return {
    id: path.id,
    label: path.label,
    stream: path.stream,
    goalRatio: path.goalRatio,
    runs: cpu.runs,
    warmup: cpu.warmup,
    ratio: cpu.ratio,
    floorCpuUsMedian: cpu.baselineCpuUsMedian,
    gatewayCpuUsMedian: cpu.measuredCpuUsMedian,
    gatewayProbe,
    floorProbe,
    problems,
  };
}
