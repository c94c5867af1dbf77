import { join } from 'node:path';
import type { BenchOptions } from '../bench-options';
import { COMPARISON_PATHS } from '../compare/comparison-paths';
import { interleavedLoad } from '../compare/interleaved-cpu';
import { TELEMETRY_ON_QUEUE_SIZE, telemetryAb } from '../compare/telemetry-ab';
import { compareWithFloor } from '../compare/wrk-comparison';
import { createRoutes, launchGateway, type GatewayHandle } from '../gateway/gateway-launcher';
import { runLoad } from '../load/load-runner';
import { BenchChild } from '../process/child-process';
import type { CpuPlan } from '../process/cpu-pinning';
import type { Issue17Results } from '../report/issue17-results';
import { benchManyRoutes } from '../scale/many-routes';
import { rateSoak } from '../scale/rate-soak';
import { benchRouteMatch } from '../scale/route-match-bench';
import { holdSlowStreams } from '../scale/slow-streams';
import { openaiRequest } from '../scenarios/bench-requests';
import { BENCH_ROUTE_NAMES, benchRoutes } from '../scenarios/bench-routes';
import type { Ports } from '../scenarios/scenarios';
import { openaiStream, viaGateway } from '../validate/response-validators';
import { findWrk } from '../wrk/wrk-runner';

const ROUTE_COUNT = 10_000;
/** How long one slow stream lasts (53 events, one every 100 ms): the first streams' starts spread over it. */
const SLOW_STREAM_SECONDS = 5.3;
/** The issue's load: 32 keep-alive connections, in the smoke run too. */
const ISSUE_CONNECTIONS = 32;

/** Processes the sections start; main stops them on an interrupt. */
export const sectionChildren: Array<BenchChild | GatewayHandle> = [];

/**
 * Issue 17's measurements beside the autocannon table: the wrk method against the floor proxy, the
 * telemetry A/B of issue 12, and the scale scenarios. Floor proxy and gateways all run on the measured
 * CPU at once (only one is under load at a time); wrk, the probe and the mock on the others.
 */
export async function runIssue17Sections(
  options: BenchOptions,
  cpuPlan: CpuPlan,
  mockPort: number,
): Promise<Issue17Results> {
  const results: Issue17Results = {};
  const has = (section: Parameters<typeof options.sections.has>[0]): boolean => options.sections.has(section);
  const wrk = findWrk();
  const loader = interleavedLoad(wrk !== undefined, cpuPlan.loadCpus);
  const interleaved = {
    connections: ISSUE_CONNECTIONS,
    durationS: options.wrkDurationS,
    runs: options.wrkRuns,
    warmupS: options.smoke ? 0 : 2,
    leadInS: options.smoke ? 0 : 1,
    settleMs: options.smoke ? 300 : 1_200,
    probeIterations: options.smoke ? 5 : 200,
  };

  const needsGateway = has('wrk') || has('telemetry') || has('streams') || options.soakSeconds > 0;
  if (needsGateway) {
    const proxy = start(
      BenchChild.start('floor proxy', cpuPlan.measuredCpus, [
        join(__dirname, '..', 'proxy', 'passthrough-proxy.main.js'),
        '--upstream-port',
        String(mockPort),
      ]),
    );
    const proxyPort = await proxy.waitForAnnouncedPort();
    // The telemetry A/B's second off gateway, started before the on one (see simultaneousCpu).
    const offBefore = has('telemetry') ? await launchOffGateway(cpuPlan, mockPort) : undefined;
    const on = start(
      await launchGateway({
        cpus: cpuPlan.measuredCpus,
        childCpus: cpuPlan.loadCpus,
        nodeFlags: [],
        // Room for the rows of the telemetry A/B's database-paused runs; with its database running, a
        // gateway never queues more than a batch or two, so this bound changes nothing else.
        extraEnv: has('telemetry') ? { REQUEST_LOG_QUEUE_SIZE: String(TELEMETRY_ON_QUEUE_SIZE) } : {},
      }),
    );
    await createRoutes(on, benchRoutes(mockPort));
    const ports: Ports = { mock: mockPort, proxy: proxyPort, gateway: on.gatewayPort };
    console.log(
      `\nIssue 17 sections: floor proxy and gateway (everything on) on CPU ${cpuPlan.measuredCpus || 'any'}`,
    );

    if (has('wrk')) {
      if (!wrk) {
        results.wrkSkipped =
          'wrk is not installed (apt-get install wrk): the issue-17 wrk section is skipped';
        console.log(`note: ${results.wrkSkipped}`);
      } else {
        results.wrk = {
          loadGenerator: 'wrk -t1',
          connections: interleaved.connections,
          durationS: interleaved.durationS,
          runs: interleaved.runs,
          paths: [],
        };
        const wanted = COMPARISON_PATHS.filter(
          (path) => options.scenario === undefined || path.label.toLowerCase().includes(options.scenario),
        );
        for (const path of wanted) {
          process.stdout.write(`· wrk ${path.label} … `);
          const comparison = await compareWithFloor(
            path,
            { ports, floorPid: proxy.pid, gatewayPid: on.child.pid },
            { ...interleaved, load: loader.load },
          );
          results.wrk.paths.push(comparison);
          console.log(
            `floor ${comparison.floorCpuUsMedian.toFixed(0)} µs, gateway ${comparison.gatewayCpuUsMedian.toFixed(0)} µs, ratio ${comparison.ratio.median.toFixed(2)}×` +
              (comparison.problems.length ? `  WRONG: ${comparison.problems.join('; ')}` : ''),
          );
        }
      }
    }

    if (has('telemetry')) {
      const off = await launchOffGateway(cpuPlan, mockPort);
      results.telemetry = { loadGenerator: loader.name, paths: [] };
      for (const path of COMPARISON_PATHS.slice(0, 2)) {
        process.stdout.write(`· telemetry A/B ${path.label} … `);
        const ab = await telemetryAb(
          path,
          {
            on: ports,
            off: { ...ports, gateway: off.gatewayPort },
            offBefore: offBefore && { ...ports, gateway: offBefore.gatewayPort },
          },
          { on: on.child.pid, off: off.child.pid, offBefore: offBefore?.child.pid },
          {
            ...interleaved,
            runs: options.telemetryRuns,
            durationS: options.telemetryDurationS,
            load: loader.load,
          },
        );
        results.telemetry.paths.push(ab);
        console.log(
          `warm-up ${ab.warmup.baseline.length}+${ab.warmup.measured.length} chunks, on ${ab.onCpuUsMedian.toFixed(0)} µs vs off ${ab.offCpuUsMedian.toFixed(0)} µs (${ab.ratio.median.toFixed(2)}×; ${ab.databasePaused.ratio.median.toFixed(2)}× with its database paused during the load; at once ${ab.atOnce.saturated.ratio.median.toFixed(2)}× saturated, ${ab.atOnce.fixedRate.ratio.median.toFixed(2)}× at a fixed rate), serial +${ab.addedLatencyMs.toFixed(3)} ms` +
            (ab.problems.length ? `  WRONG: ${ab.problems.join('; ')}` : ''),
        );
      }
      await off.stop();
    }
    await offBefore?.stop();

    if (has('streams')) {
      const rampSeconds = Math.min(SLOW_STREAM_SECONDS, options.holdSeconds / 2);
      process.stdout.write(
        `· ${options.slowStreams} slow streams (an event every 100 ms, starts spread over the first ${rampSeconds} s) held ${options.holdSeconds} s … `,
      );
      results.slowStreams = await holdSlowStreams({
        gatewayPid: on.child.pid,
        gatewayPort: on.gatewayPort,
        target: openaiRequest(on.gatewayPort, '/v1/chat/completions', BENCH_ROUTE_NAMES.slowStream, true),
        validate: viaGateway(openaiStream, BENCH_ROUTE_NAMES.slowStream, 1),
        streams: options.slowStreams,
        holdSeconds: options.holdSeconds,
        rampSeconds,
      });
      const slow = results.slowStreams;
      console.log(
        `peak RSS ${slow.peakRssMb.toFixed(1)} MB, /healthz max ${slow.healthzMaxMs.toFixed(1)} ms, ${slow.completedStreams} streams, gateway CPU ${slow.gatewayCpuPercent.toFixed(0)} %, slowest polls ${slow.healthzWorst.map((poll) => `${poll.ms} ms at ${poll.atS} s`).join(', ')}` +
          (slow.problems.length ? `  WRONG: ${slow.problems.join('; ')}` : ''),
      );
    }

    if (options.soakSeconds > 0) {
      const streamPath = COMPARISON_PATHS[1];
      const measured = results.wrk?.paths.find((path) => path.id === streamPath.id);
      const throughput = measured
        ? Math.min(...measured.runs.map((run) => run.measured.requestsPerSecond))
        : (await runLoad(streamPath.gateway(ports), 32, 5)).requestsPerSecond;
      console.log(
        `· soak ${options.soakSeconds} s at ${(throughput / 2).toFixed(0)} req/s (½ of ${throughput.toFixed(0)}) …`,
      );
      results.soak = await rateSoak({
        pid: on.child.pid,
        target: streamPath.gateway(ports),
        seconds: options.soakSeconds,
        ratePerSecond: throughput / 2,
        measuredThroughput: throughput,
        connections: 32,
      });
    }
    await on.stop();
    await proxy.stop();
  }

  if (has('routes')) {
    process.stdout.write(`· route match, ${ROUTE_COUNT} routes … `);
    results.routeMatch = benchRouteMatch(ROUTE_COUNT, 200_000);
    console.log(`p99 ${results.routeMatch.p99Us.toFixed(2)} µs`);
    if (options.smoke) results.manyRoutesSkipped = 'smoke run: matcher only';
    else if (!options.routesDatabaseUrl)
      results.manyRoutesSkipped =
        'admin list and start-up with 10k routes need --routes-database-url (a scratch PostgreSQL database)';
    else {
      process.stdout.write(`· ${ROUTE_COUNT} routes: admin list, start-up … `);
      results.manyRoutes = await benchManyRoutes({
        count: ROUTE_COUNT,
        cpus: cpuPlan.measuredCpus,
        mockPort,
        listRequests: 300,
        databaseUrl: options.routesDatabaseUrl,
      });
      console.log(
        `list p99 ${results.manyRoutes.listP99Ms.toFixed(1)} ms, start-up ${results.manyRoutes.startupMs} ms`,
      );
    }
    if (results.manyRoutesSkipped) console.log(`note: ${results.manyRoutesSkipped}`);
  }
  return results;
}

/** The telemetry A/B's baseline: the bench routes, `REQUEST_LOG=off`, metrics on. */
async function launchOffGateway(cpuPlan: CpuPlan, mockPort: number): Promise<GatewayHandle> {
  const off = start(
    await launchGateway({
      cpus: cpuPlan.measuredCpus,
      childCpus: cpuPlan.loadCpus,
      nodeFlags: [],
      extraEnv: { REQUEST_LOG: 'off' },
    }),
  );
  await createRoutes(off, benchRoutes(mockPort));
  return off;
}

function start<T extends BenchChild | GatewayHandle>(child: T): T {
  sectionChildren.push(child);
  return child;
}

/** Every wrong answer the sections saw (these fail the run; budget misses do not). */
export function issue17Problems(results: Issue17Results): string[] {
  return [
    ...(results.wrk?.paths ?? []).flatMap((path) =>
      path.problems.map((problem) => `wrk ${path.label}: ${problem}`),
    ),
    ...(results.telemetry?.paths ?? []).flatMap((ab) =>
      ab.problems.map((problem) => `telemetry ${ab.label}: ${problem}`),
    ),
    ...(results.builds?.paths ?? []).flatMap((path) =>
      path.problems.map((problem) => `build A/B ${path.label}: ${problem}`),
    ),
    ...(results.slowStreams?.problems ?? []).map((problem) => `slow streams: ${problem}`),
    ...(results.routeMatch?.problems ?? []).map((problem) => `route match: ${problem}`),
    ...(results.manyRoutes?.problems ?? []).map((problem) => `10k routes: ${problem}`),
    ...(results.soak && (results.soak.errors > 0 || results.soak.non2xx > 0)
      ? [`soak: ${results.soak.errors} errors, ${results.soak.non2xx} non-2xx`]
      : []),
  ];
}
