import { runLoad } from '../load/load-runner';
import { runPairedProbe } from '../probe/paired-probe';
import { readCpuSeconds, readMemory, resetPeakRss } from '../process/proc-stats';
import type { ScenarioResult } from '../report/scenario-result';
import { readMockCounters, resetMockCounters } from './mock-counters';
import type { Ports, Scenario } from './scenarios';

export interface MeasureSettings {
  connections: number;
  durationS: number;
  /** Unmeasured load before the measured run (JIT, pools, caches), s; 0 for none. */
  warmupS: number;
  probeWarmup: number;
  probeIterations: number;
  probeMaxMs: number;
}

/**
 * Load first (it also warms the JIT), CPU and peak RSS of the measured process read from /proc around it;
 * then the paired serial probe, which validates every response.
 */
export async function measureScenario(
  scenario: Scenario,
  ports: Ports,
  measuredPid: number,
  settings: MeasureSettings,
): Promise<ScenarioResult> {
  const problems: string[] = [];
  const measured = scenario.measured(ports);

  if (settings.warmupS > 0) await runLoad(measured, settings.connections, settings.warmupS);
  await resetMockCounters(ports.mock);
  const peakReset = resetPeakRss(measuredPid);
  const cpuBefore = readCpuSeconds(measuredPid);
  const load = await runLoad(measured, settings.connections, settings.durationS);
  const cpuAfter = readCpuSeconds(measuredPid);
  const memory = readMemory(measuredPid);
  const counters = await readMockCounters(ports.mock);

  if (load.requests === 0) problems.push('load: no request completed');
  if (load.errors > 0) problems.push(`load: ${load.errors} connection errors/timeouts`);
  if (load.non2xx > 0)
    problems.push(`load: ${load.non2xx} non-2xx answers ${JSON.stringify(load.statusCounts)}`);
  if (counters.rejected > 0)
    problems.push(`mock upstream rejected ${counters.rejected} requests (bad conversion)`);

  const probe = await runPairedProbe({
    direct: scenario.direct(ports),
    validateDirect: scenario.validateDirect,
    measured,
    validateMeasured: scenario.validateMeasured,
    warmup: settings.probeWarmup,
    iterations: settings.probeIterations,
    maxDurationMs: settings.probeMaxMs,
  });
  if (probe.failures > 0)
    problems.push(`probe: ${probe.failures} wrong responses: ${probe.firstFailures.join(' | ')}`);
  if (probe.iterations === 0) problems.push('probe: no measured iteration');

  const perRequest = (count: number): number => (load.requests > 0 ? count / load.requests : 0);
  return {
    id: scenario.id,
    label: scenario.label,
    via: scenario.via,
    stream: scenario.stream,
    budgeted: scenario.budgeted,
    proxyBaseline: scenario.proxyBaseline,
    load,
    probe,
    cpuPerRequestUs: load.requests > 0 ? ((cpuAfter - cpuBefore) * 1e6) / load.requests : Number.NaN,
    peakRssMb: (peakReset ? memory.hwmKb : Math.max(memory.hwmKb, memory.rssKb)) / 1024,
    rssMb: memory.rssKb / 1024,
    upstreamCallsPerRequest: {
      anthropic: perRequest(counters.anthropic),
      openai: perRequest(counters.openai),
      fail: perRequest(counters.fail),
    },
    problems,
  };
}
