import { join } from 'node:path';
import type { BenchOptions } from '../bench-options';
import { buildAbPath, gatewayBuild, type BuildAbResult } from '../compare/build-ab';
import { COMPARISON_PATHS } from '../compare/comparison-paths';
import { interleavedCpu, interleavedLoad } from '../compare/interleaved-cpu';
import { createRoutes, GATEWAY_MAIN, launchGateway } from '../gateway/gateway-launcher';
import type { CpuPlan } from '../process/cpu-pinning';
import { benchRoutes } from '../scenarios/bench-routes';
import type { Ports } from '../scenarios/scenarios';
import { findWrk } from '../wrk/wrk-runner';

/** The six main paths (the two extra stream deliveries only move the floor). */
const BUILD_AB_PATHS = COMPARISON_PATHS.slice(0, 6);

/**
 * Two builds of the gateway side by side on the measured CPU (`--baseline DIR`, `--candidate DIR` or this
 * checkout's dist), each with its own embedded database and the same routes and settings, their runs
 * interleaved as in the telemetry A/B: the "A/B in one run" of issue 10.
 */
export async function runBuildAb(
  options: BenchOptions,
  cpuPlan: CpuPlan,
  mockPort: number,
): Promise<BuildAbResult | undefined> {
  if (options.baselineDir === undefined) return undefined;
  const baseline = gatewayBuild(options.baselineDir);
  const candidate =
    options.candidateDir === undefined
      ? { dir: join(GATEWAY_MAIN, '..', '..', '..', '..'), main: GATEWAY_MAIN, commit: 'this checkout' }
      : gatewayBuild(options.candidateDir);
  const { load, name: loadGenerator } = interleavedLoad(findWrk() !== undefined, cpuPlan.loadCpus);
  const launch = async (main: string) => {
    const handle = await launchGateway({
      cpus: cpuPlan.measuredCpus,
      childCpus: cpuPlan.loadCpus,
      nodeFlags: [],
      extraEnv: {},
      main,
    });
    await createRoutes(handle, benchRoutes(mockPort));
    return handle;
  };
  console.log(`\nBuild A/B: ${baseline.commit} (${baseline.dir}) → ${candidate.commit} (${candidate.dir})`);
  const before = await launch(baseline.main);
  const after = await launch(candidate.main).catch(async (error: unknown) => {
    await before.stop();
    throw error;
  });
  const result: BuildAbResult = {
    loadGenerator,
    baseline,
    candidate,
    paths: [],
  };
  try {
    const ports = (gateway: number): Ports => ({ mock: mockPort, proxy: 0, gateway });
    const wanted = BUILD_AB_PATHS.filter(
      (path) => options.scenario === undefined || path.label.toLowerCase().includes(options.scenario),
    );
    for (const path of wanted) {
      process.stdout.write(`· build A/B ${path.label} … `);
      const cpu = await interleavedCpu(
        [
          {
            name: `baseline ${baseline.commit}`,
            pid: before.child.pid,
            target: path.gateway(ports(before.gatewayPort)),
          },
        ],
        {
          name: `candidate ${candidate.commit}`,
          pid: after.child.pid,
          target: path.gateway(ports(after.gatewayPort)),
        },
        {
          load,
          connections: 32,
          durationS: options.wrkDurationS,
          runs: options.wrkRuns,
          warmupS: options.smoke ? 0 : 2,
          leadInS: options.smoke ? 0 : 1,
          settleMs: options.smoke ? 300 : 1_200,
        },
      );
      const line = buildAbPath(path, cpu);
      result.paths.push(line);
      console.log(
        `baseline ${line.baselineCpuUsMedian.toFixed(0)} µs, candidate ${line.candidateCpuUsMedian.toFixed(0)} µs, ${line.ratio.median.toFixed(3)}× (runs ${line.ratio.ratios.map((r) => r.toFixed(2)).join(', ')})` +
          (line.problems.length ? `  WRONG: ${line.problems.join('; ')}` : ''),
      );
    }
  } finally {
    await Promise.all([before.stop(), after.stop()]);
  }
  return result;
}
