import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseBenchOptions } from './bench-options';
import { createRoutes, launchGateway, type GatewayHandle } from './gateway/gateway-launcher';
import { BenchChild } from './process/child-process';
import { planCpus, pinSelf } from './process/cpu-pinning';
import { summarizeProfile, type CpuProfile, type ProfileSummary } from './profile/cpuprofile-summary';
import { evaluateBudget } from './report/budget';
import { machineInfo } from './report/machine-info';
import { budgetTable, resultsTable } from './report/results-table';
import type { ScenarioResult } from './report/scenario-result';
import { textTable } from './report/text-table';
import { benchRoutes } from './scenarios/bench-routes';
import { measureScenario, type MeasureSettings } from './scenarios/measure-scenario';
import {
  GATEWAY_SCENARIOS,
  MANY_STREAMS_SCENARIO,
  PROXY_SCENARIOS,
  type Ports,
  type Scenario,
} from './scenarios/scenarios';
import { goalLines, goalsTable } from './report/goal-lines';
import type { Issue17Results } from './report/issue17-results';
import { runBuildAb } from './sections/build-ab-section';
import { issue17Problems, runIssue17Sections, sectionChildren } from './sections/issue17-sections';

const RESULTS_FILE = join(__dirname, '..', '..', 'bench', 'results', 'latest.json');
const children: BenchChild[] = [];
let gateway: GatewayHandle | undefined;

async function main(): Promise<number> {
  const options = parseBenchOptions(process.argv.slice(2), RESULTS_FILE);
  const cpuPlan = planCpus(!options.pin);
  pinSelf(cpuPlan.loadCpus);
  const machine = machineInfo();
  console.log(
    `Switchboard bench${options.smoke ? ' (smoke)' : ''}: ${machine.cpuModel}, ${machine.cores} cores, node ${machine.node}, load average ${machine.loadAverage1m}`,
  );
  console.log(`CPU: ${cpuPlan.description}`);
  console.log(
    `gateway database: ${options.databaseUrl ? 'DATABASE_URL (external PostgreSQL)' : 'embedded (PGlite in its own child process: not in the gateway RSS or CPU)'}`,
  );

  const mock = BenchChild.start('mock upstream', cpuPlan.loadCpus, [
    join(__dirname, 'mocks', 'mock-upstream.main.js'),
  ]);
  children.push(mock);
  const ports: Ports = { mock: await mock.waitForAnnouncedPort(), proxy: 0, gateway: 0 };
  const settings: MeasureSettings = {
    connections: options.connections,
    durationS: options.durationS,
    warmupS: options.smoke ? 0 : 2,
    probeWarmup: options.probeWarmup,
    probeIterations: options.probeIterations,
    probeMaxMs: options.probeMaxMs,
  };
  const selected = (scenario: Scenario): boolean =>
    options.scenario === undefined || scenario.label.toLowerCase().includes(options.scenario);
  const results: ScenarioResult[] = [];
  let manyStreams: ScenarioResult | undefined;
  let gatewayNodeFlags: string[] | undefined;
  const profiles: ScenarioProfile[] = [];
  const notes: string[] = [];

  const autocannonSection = options.sections.has('autocannon');
  if (autocannonSection && options.only !== 'gateway') {
    const proxy = BenchChild.start('pass-through proxy', cpuPlan.measuredCpus, [
      join(__dirname, 'proxy', 'passthrough-proxy.main.js'),
      '--upstream-port',
      String(ports.mock),
    ]);
    children.push(proxy);
    ports.proxy = await proxy.waitForAnnouncedPort();
    for (const scenario of PROXY_SCENARIOS.filter(selected))
      results.push(await run(scenario, ports, proxy.pid, settings));
    await proxy.stop();
  }

  if (autocannonSection && options.only !== 'proxy') {
    const profilePrefix = join(dirname(options.output), `gateway-${Date.now()}`);
    if (options.profile) mkdirSync(dirname(profilePrefix), { recursive: true });
    gateway = await launchGateway({
      cpus: cpuPlan.measuredCpus,
      childCpus: cpuPlan.loadCpus,
      nodeFlags: options.profile ? ['-r', join(__dirname, 'profile', 'cpu-profiler.preload.js')] : [],
      extraEnv: {
        ...(options.profile ? { BENCH_CPU_PROFILE: profilePrefix } : {}),
        ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
      },
    });
    ports.gateway = gateway.gatewayPort;
    gatewayNodeFlags = gateway.nodeFlags;
    await createRoutes(gateway, benchRoutes(ports.mock));
    notes.push(...gateway.warnings);
    console.log(`gateway: node ${gateway.nodeFlags.join(' ')} dist/apps/switchboard/src/main.js`);
    const pid = gateway.child.pid;
    for (const scenario of GATEWAY_SCENARIOS.filter(selected)) {
      if (options.profile) gateway.child.signal('SIGUSR2');
      results.push(await run(scenario, ports, pid, settings));
      if (options.profile) {
        gateway.child.signal('SIGUSR2');
        const file = `${profilePrefix}-${profiles.length + 1}.cpuprofile`;
        profiles.push({
          scenario: scenario.label,
          file,
          summary: summarizeProfile(await waitForProfile(file), 12),
        });
      }
    }
    if (selected(MANY_STREAMS_SCENARIO)) {
      manyStreams = await run(MANY_STREAMS_SCENARIO, ports, pid, {
        ...settings,
        connections: options.streamConnections,
        // A slow stream lasts over half a second: give even the smoke run time for several to finish.
        durationS: options.smoke ? 3 : settings.durationS,
        probeIterations: options.smoke ? 2 : 10,
        probeWarmup: 0,
      });
    }
    if (options.profile) {
      notes.push(
        `CPU profiles, one per gateway scenario: ${profilePrefix}-<n>.cpuprofile (CPU figures include profiler overhead)`,
      );
    }
    await gateway.stop();
    gateway = undefined;
  }
  const issue17: Issue17Results = await runIssue17Sections(options, cpuPlan, ports.mock);
  issue17.builds = await runBuildAb(options, cpuPlan, ports.mock);
  await stopChildren();

  const budget = evaluateBudget(results, manyStreams, undefined);
  const all = manyStreams ? [...results, manyStreams] : results;
  if (all.length > 0) console.log('\n' + resultsTable(all));
  if (budget.length > 0) console.log('\n' + budgetTable(budget));
  const goals = goalLines(issue17);
  if (goals.length > 0) {
    console.log(
      `\nIssue 17 and 12 goals — ${machine.cpuModel}, ${machine.cores} cores, node ${machine.node}, ${cpuPlan.pinned ? `measured process on CPU ${cpuPlan.measuredCpus}` : 'not pinned'}:`,
    );
    console.log(goalsTable(goals));
  }
  for (const profile of profiles) printProfile(profile);
  for (const note of notes) console.log(`note: ${note}`);

  const problems = [
    ...all.flatMap((result) => result.problems.map((problem) => `${result.label}: ${problem}`)),
    ...issue17Problems(issue17),
  ];
  for (const problem of problems) console.error(`WRONG ${problem}`);

  if (!options.smoke || options.output !== RESULTS_FILE) {
    mkdirSync(dirname(options.output), { recursive: true });
    writeFileSync(
      options.output,
      JSON.stringify(
        {
          machine,
          cpuPinning: cpuPlan,
          gatewayNodeFlags,
          options,
          results,
          manyStreams,
          budget,
          issue17,
          goals,
          profiles,
          notes,
          problems,
        },
        null,
        2,
      ) + '\n',
    );
    console.log(`\nwritten: ${options.output}`);
  }
  return problems.length > 0 ? 1 : 0;
}

async function run(
  scenario: Scenario,
  ports: Ports,
  pid: number,
  settings: MeasureSettings,
): Promise<ScenarioResult> {
  process.stdout.write(`· ${scenario.label} … `);
  const result = await measureScenario(scenario, ports, pid, settings);
  console.log(
    `${result.load.requestsPerSecond.toFixed(0)} req/s, ${result.cpuPerRequestUs.toFixed(0)} µs CPU/req` +
      (result.problems.length > 0 ? `  WRONG: ${result.problems.join('; ')}` : ''),
  );
  return result;
}

async function waitForProfile(file: string): Promise<CpuProfile> {
  const deadline = Date.now() + 60_000;
  while (!existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`no CPU profile written to ${file}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
}

interface ScenarioProfile {
  scenario: string;
  file: string;
  summary: ProfileSummary;
}

function printProfile({ scenario, summary }: ScenarioProfile): void {
  console.log(
    `\nCPU profile, ${scenario}: ${(summary.totalMs / 1000).toFixed(1)} s sampled, ${summary.idlePercent.toFixed(0)} % idle; self time of busy samples:`,
  );
  const rows = (lines: ProfileSummary['functions']): string[][] =>
    lines.map((line) => [line.name, `${line.percent.toFixed(1)}%`, line.selfMs.toFixed(0)]);
  console.log(textTable([['area', 'self %', 'self ms'], ...rows(summary.areas.slice(0, 6))]));
  console.log(textTable([['function', 'self %', 'self ms'], ...rows(summary.functions)]));
}

async function stopChildren(): Promise<void> {
  if (gateway) await gateway.stop();
  await Promise.all([...children, ...sectionChildren].map((child) => child.stop()));
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void stopChildren().finally(() => process.exit(130));
  });
}

main().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    await stopChildren();
    process.exit(1);
  },
);
