import type { ProbeResult } from '../probe/paired-probe';
import { evaluateBudget } from './budget';
import type { ScenarioResult } from './scenario-result';

const probe = (addedLatencyMs: number, ttfbOverheadMs: number): ProbeResult => ({
  iterations: 10,
  failures: 0,
  firstFailures: [],
  directP50Ms: 1,
  measuredP50Ms: 1 + addedLatencyMs,
  measuredP99Ms: 2,
  addedLatencyMs,
  directTtfbP50Ms: 1,
  measuredTtfbP50Ms: 1 + ttfbOverheadMs,
  ttfbOverheadMs,
});

const result = (overrides: Partial<ScenarioResult>): ScenarioResult => ({
  id: 'x',
  label: 'x',
  via: 'gateway',
  stream: false,
  budgeted: true,
  load: {
    connections: 1,
    durationS: 1,
    requests: 1,
    requestsPerSecond: 1,
    latencyP50Ms: 1,
    latencyP99Ms: 1,
    errors: 0,
    non2xx: 0,
    statusCounts: {},
  },
  probe: probe(0.1, 0.1),
  cpuPerRequestUs: 100,
  peakRssMb: 100,
  rssMb: 90,
  upstreamCallsPerRequest: {},
  problems: [],
  ...overrides,
});

describe('evaluateBudget', () => {
  const proxy = result({ id: 'proxy', label: 'proxy', via: 'proxy', budgeted: false, cpuPerRequestUs: 100 });

  it('compares CPU with the proxy baseline and latency with the non-stream limit', () => {
    const lines = evaluateBudget(
      [proxy, result({ label: 'gw', proxyBaseline: 'proxy', cpuPerRequestUs: 250, probe: probe(0.4, 9) })],
      undefined,
      undefined,
    );
    expect(lines.map((line) => [line.check, line.pass])).toEqual([
      ['gw: CPU/request vs proxy', false],
      ['gw: serial added latency', true],
    ]);
    expect(lines[0].measured).toBe('2.50× (250 vs 100 µs)');
    expect(lines[1].measured).toBe('0.400 ms (proxy 0.100)');
  });

  it('checks TTFB for streams, peak RSS and soak growth', () => {
    const lines = evaluateBudget(
      [result({ label: 'gw', stream: true, probe: probe(5, 1.2) })],
      result({ peakRssMb: 149 }),
      { seconds: 300, rssAfterWarmupMb: 100, rssAfterSoakMb: 111, growthPercent: 11 },
    );
    expect(lines.map((line) => [line.check, line.pass])).toEqual([
      ['gw: stream TTFB overhead', false],
      ['peak RSS, 1 concurrent streams', true],
      ['RSS after 300 s soak vs after warm-up', false],
    ]);
  });

  it('leaves unbudgeted gateway scenarios (fallback) and proxies out', () => {
    expect(evaluateBudget([proxy, result({ budgeted: false })], undefined, undefined)).toEqual([]);
  });
});
