import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BenchChild } from '../process/child-process';
import { keepChildrenPinned } from '../process/cpu-pinning';
import { freePort } from '../process/free-port';
import { gatewayNodeFlags } from './gateway-node-flags';

export const GATEWAY_MAIN = join(
  __dirname,
  '..',
  '..',
  '..',
  'dist',
  'apps',
  'switchboard',
  'src',
  'main.js',
);

export interface GatewayHandle {
  child: BenchChild;
  /** The node flags it runs with: `npm start`'s, then the bench's own (profiler). */
  nodeFlags: string[];
  gatewayPort: number;
  adminPort: number;
  adminToken: string;
  dataDir: string;
  warnings: string[];
  /** Spawn to the first 200 from /readyz, ms. */
  startupMs: number;
  /** Stops the process; the data directory is removed unless it was passed in. */
  stop(): Promise<void>;
}

export interface GatewayLaunchOptions {
  cpus: string;
  /** Extra node flags (e.g. the profiler preload). */
  nodeFlags: string[];
  extraEnv: Record<string, string>;
  /** An existing DATA_DIR (a restart on the same embedded database); kept on stop. */
  dataDir?: string;
  /** Another build's entry point (the build A/B); this checkout's dist by default. */
  main?: string;
  /** Where the gateway's child processes (the embedded database) run: off the measured core. */
  childCpus?: string;
}

/**
 * Starts `dist/apps/switchboard/src/main.js` as `npm start` does (same node flags): gateway + admin, embedded
 * database in a temp DATA_DIR.
 */
export async function launchGateway(options: GatewayLaunchOptions): Promise<GatewayHandle> {
  const main = options.main ?? GATEWAY_MAIN;
  if (!existsSync(main)) throw new Error(`${main} is missing: run npm run build first`);
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'switchboard-bench-'));
  const gatewayPort = await freePort();
  const adminPort = await freePort();
  const adminToken = randomBytes(24).toString('hex');
  const inherited: NodeJS.ProcessEnv = { ...process.env };
  // The embedded database unless the caller passes DATABASE_URL explicitly (--database-url).
  delete inherited.DATABASE_URL;
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    NODE_ENV: 'production',
    GATEWAY_HOST: '127.0.0.1',
    GATEWAY_PORT: String(gatewayPort),
    ADMIN_HOST: '127.0.0.1',
    ADMIN_PORT: String(adminPort),
    ADMIN_TOKEN: adminToken,
    DATA_DIR: dataDir,
    // Any free port: a second gateway (an A/B run) must not collide on the default 9464.
    METRICS_PORT: '0',
    // The bench measures the data plane, not consumer-key checks (the keys e2e tests cover those).
    GATEWAY_AUTH: 'none',
    ...options.extraEnv,
  };
  const nodeFlags = [...gatewayNodeFlags(), ...options.nodeFlags];
  const spawnedAt = Date.now();
  const child = BenchChild.start('gateway', options.cpus, [...nodeFlags, main], env);
  let unpin = (): void => undefined;
  const handle: GatewayHandle = {
    child,
    nodeFlags,
    gatewayPort,
    adminPort,
    adminToken,
    dataDir,
    warnings: [],
    startupMs: 0,
    async stop() {
      unpin();
      await child.stop();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  try {
    await waitForReady(handle, 90_000);
    handle.startupMs = Date.now() - spawnedAt;
    if (options.childCpus)
      unpin = keepChildrenPinned(child.pid, options.childCpus, (pid) => {
        const note = `gateway child process ${pid} started during the run (embedded database restarted?), moved to CPU ${options.childCpus}`;
        handle.warnings.push(note);
        console.log(`\nnote: ${note}`);
      });
  } catch (error) {
    await handle.stop();
    throw error;
  }
  return handle;
}

async function waitForReady(handle: GatewayHandle, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!handle.child.isRunning) {
      throw new Error(`gateway exited during start-up:\n${handle.child.recentOutput()}`);
    }
    try {
      const response = await fetch(`http://127.0.0.1:${handle.gatewayPort}/readyz`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`gateway not ready after ${timeoutMs} ms:\n${handle.child.recentOutput()}`);
}

/** POST /admin/routes for each body; a route the admin API refuses stops the bench with its answer. */
export async function createRoutes(
  handle: GatewayHandle,
  routes: Array<Record<string, unknown>>,
): Promise<void> {
  for (const route of routes) {
    let answer = await postRoute(handle, route);
    if (answer.status === 400 && 'circuit_breaker' in route) {
      // An admin API without circuit_breaker yet: keep going, the fallback scenario reports it.
      const { circuit_breaker: _ignored, ...withoutBreaker } = route;
      handle.warnings.push(
        `route ${String(route.name)}: circuit_breaker refused (${answer.text.slice(0, 200)})`,
      );
      answer = await postRoute(handle, withoutBreaker);
    }
    if (answer.status !== 201) {
      throw new Error(
        `POST /admin/routes ${String(route.name)} → ${answer.status}: ${answer.text.slice(0, 500)}`,
      );
    }
  }
}

async function postRoute(
  handle: GatewayHandle,
  route: Record<string, unknown>,
): Promise<{ status: number; text: string }> {
  const response = await fetch(`http://127.0.0.1:${handle.adminPort}/admin/routes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${handle.adminToken}` },
    body: JSON.stringify(route),
  });
  return { status: response.status, text: await response.text() };
}
