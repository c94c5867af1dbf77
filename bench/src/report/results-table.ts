import type { BudgetLine } from './budget';
import type { ScenarioResult } from './scenario-result';
import { textTable } from './text-table';

const fixed = (value: number, digits: number): string =>
  Number.isFinite(value) ? value.toFixed(digits) : 'n/a';

export function resultsTable(results: ScenarioResult[]): string {
  const byId = new Map(results.map((result) => [result.id, result]));
  const rows = [
    [
      'scenario',
      'req/s',
      'p50 ms',
      'p99 ms',
      'CPU µs/req',
      '×proxy',
      'serial ms',
      'added ms',
      'TTFB ms',
      'TTFB +ms',
      'peak RSS MB',
      'check',
    ],
  ];
  for (const result of results) {
    const proxy = result.proxyBaseline ? byId.get(result.proxyBaseline) : undefined;
    rows.push([
      result.label,
      fixed(result.load.requestsPerSecond, 0),
      fixed(result.load.latencyP50Ms, 1),
      fixed(result.load.latencyP99Ms, 1),
      fixed(result.cpuPerRequestUs, 0),
      proxy ? `${fixed(result.cpuPerRequestUs / proxy.cpuPerRequestUs, 2)}×` : '-',
      fixed(result.probe.measuredP50Ms, 3),
      fixed(result.probe.addedLatencyMs, 3),
      result.stream ? fixed(result.probe.measuredTtfbP50Ms, 3) : '-',
      result.stream ? fixed(result.probe.ttfbOverheadMs, 3) : '-',
      fixed(result.peakRssMb, 1),
      result.problems.length === 0 ? 'ok' : 'WRONG',
    ]);
  }
  return textTable(rows);
}

export function budgetTable(lines: BudgetLine[]): string {
  return textTable([
    ['budget', 'limit', 'measured', 'verdict'],
    ...lines.map((line) => [line.check, line.limit, line.measured, line.pass ? 'PASS' : 'FAIL']),
  ]);
}
