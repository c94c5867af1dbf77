import type { ScenarioResult, SoakResult } from './scenario-result';

export interface BudgetLine {
  check: string;
  limit: string;
  measured: string;
  pass: boolean;
}

/** The issue-5 budget: CPU ≤ 2× proxy, added latency ≤ 0.5 ms, TTFB overhead ≤ 1 ms, RSS ≤ 150 MB, soak ±10 %. */
export const BUDGET = {
  cpuRatioVsProxy: 2,
  addedLatencyMs: 0.5,
  ttfbOverheadMs: 1,
  peakRssMb: 150,
  soakGrowthPercent: 10,
} as const;

export function evaluateBudget(
  results: ScenarioResult[],
  manyStreams: ScenarioResult | undefined,
  soak: SoakResult | undefined,
): BudgetLine[] {
  const byId = new Map(results.map((result) => [result.id, result]));
  const lines: BudgetLine[] = [];
  for (const result of results) {
    if (result.via !== 'gateway' || !result.budgeted) continue;
    const proxy = result.proxyBaseline ? byId.get(result.proxyBaseline) : undefined;
    if (proxy && proxy.cpuPerRequestUs > 0) {
      const ratio = result.cpuPerRequestUs / proxy.cpuPerRequestUs;
      lines.push({
        check: `${result.label}: CPU/request vs proxy`,
        limit: `≤ ${BUDGET.cpuRatioVsProxy}×`,
        measured: `${ratio.toFixed(2)}× (${result.cpuPerRequestUs.toFixed(0)} vs ${proxy.cpuPerRequestUs.toFixed(0)} µs)`,
        pass: ratio <= BUDGET.cpuRatioVsProxy,
      });
    }
    // The proxy's own overhead on the same exchange: how much of the number is the Node hop every proxy pays.
    const floor = (value: number | undefined): string =>
      value === undefined ? '' : ` (proxy ${value.toFixed(3)})`;
    if (result.stream) {
      lines.push({
        check: `${result.label}: stream TTFB overhead`,
        limit: `≤ ${BUDGET.ttfbOverheadMs} ms`,
        measured: `${result.probe.ttfbOverheadMs.toFixed(3)} ms${floor(proxy?.probe.ttfbOverheadMs)}`,
        pass: result.probe.ttfbOverheadMs <= BUDGET.ttfbOverheadMs,
      });
    } else {
      lines.push({
        check: `${result.label}: serial added latency`,
        limit: `≤ ${BUDGET.addedLatencyMs} ms`,
        measured: `${result.probe.addedLatencyMs.toFixed(3)} ms${floor(proxy?.probe.addedLatencyMs)}`,
        pass: result.probe.addedLatencyMs <= BUDGET.addedLatencyMs,
      });
    }
  }
  if (manyStreams) {
    lines.push({
      check: `peak RSS, ${manyStreams.load.connections} concurrent streams`,
      limit: `≤ ${BUDGET.peakRssMb} MB`,
      measured: `${manyStreams.peakRssMb.toFixed(1)} MB`,
      pass: manyStreams.peakRssMb <= BUDGET.peakRssMb,
    });
  }
  if (soak) {
    lines.push({
      check: `RSS after ${soak.seconds} s soak vs after warm-up`,
      limit: `within ${BUDGET.soakGrowthPercent} %`,
      measured: `${soak.rssAfterWarmupMb.toFixed(1)} → ${soak.rssAfterSoakMb.toFixed(1)} MB (${soak.growthPercent >= 0 ? '+' : ''}${soak.growthPercent.toFixed(1)} %)`,
      pass: Math.abs(soak.growthPercent) <= BUDGET.soakGrowthPercent,
    });
  }
  return lines;
}
