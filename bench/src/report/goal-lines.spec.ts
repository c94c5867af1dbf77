import type { PathComparison } from '../compare/wrk-comparison';
import type { ProbeResult } from '../probe/paired-probe';
import { goalLines, goalsTable } from './goal-lines';

const probe = (ttfbOverheadMs: number): ProbeResult => ({
  iterations: 10,
  failures: 0,
  firstFailures: [],
  directP50Ms: 1,
  measuredP50Ms: 1.2,
  measuredP99Ms: 2,
  addedLatencyMs: 0.2,
  directTtfbP50Ms: 0.5,
  measuredTtfbP50Ms: 0.5 + ttfbOverheadMs,
  ttfbOverheadMs,
});

const path = (overrides: Partial<PathComparison>): PathComparison => ({
  id: 'p',
  label: 'p',
  stream: false,
  goalRatio: 1.3,
  runs: [],
  warmup: { baseline: [], measured: [] },
  ratio: { ratios: [1.2, 1.4, 1.25], median: 1.25, min: 1.2, max: 1.4 },
  floorCpuUsMedian: 100,
  gatewayCpuUsMedian: 125,
  gatewayProbe: probe(0.3),
  floorProbe: probe(0.1),
  problems: [],
  ...overrides,
});

describe('goalLines', () => {
  it('puts each wrk ratio beside its goal and the floor, with a TTFB line for streams', () => {
    const lines = goalLines({
      wrk: {
        loadGenerator: 'wrk',
        connections: 32,
        durationS: 10,
        runs: 3,
        paths: [
          path({ label: 'non-stream' }),
          path({ label: 'stream', stream: true, goalRatio: 1.5, gatewayProbe: probe(0.7) }),
          path({ label: 'paced', stream: true, goalRatio: undefined }),
        ],
      },
    });
    expect(lines.map((line) => [line.goal, line.floor, line.pass])).toEqual([
      ['≤ 1.3×', '100 µs', true],
      ['≤ 1.5×', '100 µs', true],
      ['≤ 0.5 ms', '0.100 ms', false],
      ['-', '100 µs', undefined],
      ['-', '0.100 ms', undefined],
    ]);
    expect(lines[0].measured).toBe('1.25× (125 µs; runs 1.20, 1.40, 1.25)');
  });

  it('judges the scale scenarios against the issue figures', () => {
    const lines = goalLines({
      slowStreams: {
        streams: 1000,
        holdSeconds: 20,
        rampSeconds: 5.3,
        completedStreams: 3000,
        maxOpen: 1000,
        peakRssMb: 251,
        rssBeforeMb: 140,
        healthzPolls: 300,
        healthzMaxMs: 12,
        healthzP99Ms: 8,
        healthzWorst: [{ atS: 0.4, ms: 12 }],
        gatewayCpuPercent: 35,
        problems: [],
      },
      soak: {
        seconds: 600,
        ratePerSecond: 500,
        measuredThroughput: 1000,
        requests: 300_000,
        errors: 0,
        non2xx: 0,
        rssAfterWarmupMb: 150,
        rssAfterSoakMb: 160,
        rssMaxAfterWarmupMb: 161,
        growthPercent: 6.7,
        samples: [],
      },
    });
    expect(lines.map((line) => line.pass)).toEqual([false, true, true]);
    expect(goalsTable(lines)).toMatch(/FAIL[\s\S]*PASS/);
  });
});

describe('goalLines: telemetry A/B', () => {
  it('judges the at-once on ÷ off ratios and the serial latency, and reports the sets taken in turn', () => {
    const summary = (median: number) => ({ ratios: [median], median, min: median, max: median });
    const lines = goalLines({
      telemetry: {
        loadGenerator: 'wrk -t1',
        paths: [
          {
            id: 't',
            label: 'non-stream',
            runs: [],
            warmup: { baseline: [], measured: [] },
            ratio: summary(1.2),
            baselinesPerRound: 2,
            baselineRatio: summary(1.031),
            offCpuUsMedian: 200,
            onCpuUsMedian: 240,
            fixedRate: {
              ratePerSecond: 500,
              runs: [],
              ratio: { ratios: [1.0, 1.05, 1.2], median: 1.05, min: 1.0, max: 1.2 },
              baselinesPerRound: 2,
              baselineRatio: summary(0.984),
              offCpuUsMedian: 300,
              onCpuUsMedian: 315,
            },
            databasePaused: {
              settleMs: 3000,
              runs: [],
              ratio: summary(1.11),
              baselinesPerRound: 2,
              baselineRatio: summary(1.1),
              offCpuUsMedian: 216,
              onCpuUsMedian: 240,
            },
            atOnce: {
              saturated: {
                runs: [],
                ratio: summary(1.04),
                baselinesPerRound: 2,
                baselineRatio: summary(1.046),
                offCpuUsMedian: 190,
                onCpuUsMedian: 198,
              },
              fixedRate: {
                ratePerSecond: 250,
                baselinesPerRound: 1,
                runs: [],
                ratio: summary(1.13),
                offCpuUsMedian: 230,
                onCpuUsMedian: 260,
              },
            },
            probes: [
              { ...probe(0), addedLatencyMs: 0.03 },
              { ...probe(0), addedLatencyMs: 0.08 },
            ],
            addedLatencyMs: 0.055,
            problems: [],
          },
        ],
      },
    });
    expect(lines.map((line) => [line.figure, line.goal, line.pass])).toEqual([
      // Taken in turn: reported beside the goal, not judged.
      [
        'non-stream: CPU/request, everything on ÷ REQUEST_LOG=off, in turn (1 rounds of 2 off gateways)',
        '≤ 1.1×',
        undefined,
      ],
      [
        'non-stream: CPU/request, on ÷ off in turn at a fixed 500 req/s each (3 rounds of 2 off gateways)',
        '≤ 1.1×',
        undefined,
      ],
      [
        "non-stream: CPU/request, on ÷ off in turn, on's database paused during each load (1 rounds of 2 off gateways)",
        '≤ 1.1×',
        undefined,
      ],
      // Loaded at once: judged.
      [
        'non-stream: CPU/request, on ÷ off loaded at once, saturated (1 rounds of 2 off gateways)',
        '≤ 1.1×',
        true,
      ],
      ['non-stream: CPU/request, on ÷ off loaded at once, 250 req/s each (1 pairs)', '≤ 1.1×', false],
      [
        'non-stream: CPU/request, REQUEST_LOG=off started first ÷ started after (A/A, medians of the rounds)',
        '-',
        undefined,
      ],
      ['non-stream: serial latency, on − off (2 paired probes, mean of their medians)', '≤ +0.05 ms', false],
    ]);
    // The sets without a second off gateway have no A/A figure.
    expect(lines[5].measured).toBe('in turn 1.03×, fixed rate 0.98×, database paused 1.10×, at once 1.05×');
    expect(lines[1].measured).toBe('1.05× (315 vs 300 µs; 1.00×–1.20×)');
    expect(lines[2].measured).toBe('1.11× (240 vs 216 µs; 1.11×–1.11×)');
    expect(lines[4].measured).toBe('1.13× (260 vs 230 µs; 1.13×–1.13×)');
    expect(lines[6].measured).toBe('0.055 ms (0.030 ms, 0.080 ms)');
  });
});

describe('goalLines: 10,000 routes', () => {
  it('judges the steady-state admin list and states the list answered during the reload beside it', () => {
    const lines = goalLines({
      manyRoutes: {
        routes: 10_000,
        createSeconds: 12,
        listRequests: 300,
        listPageSize: 100,
        listP50Ms: 6.6,
        listP99Ms: 40.7,
        listDuringReloadMs: 36.6,
        reloadMs: 2_100,
        startupMs: 2_180,
        startupFloorMs: 1_460,
        problems: [],
      },
    });
    const list = lines.find((line) => line.figure.startsWith('admin GET /admin/routes'))!;
    expect(list).toMatchObject({ goal: '≤ 50 ms', pass: true });
    expect(list.measured).toBe('40.7 ms (p50 6.6 ms; one list during the 2.1 s reload: 36.6 ms)');
    expect(lines.find((line) => line.figure.startsWith('gateway start-up'))?.pass).toBe(true);
  });
});
