import { randomBytes } from 'node:crypto';
import { createRoutes, launchGateway, type GatewayHandle } from '../gateway/gateway-launcher';
import { MOCK_PATHS } from '../scenarios/bench-requests';
import { percentile } from '../stats/percentiles';
import { cloneRoutes, emptyDatabase } from './route-clone';
import { generateRoutes } from './route-set';

export interface ManyRoutesResult {
  routes: number;
  createSeconds: number;
  listRequests: number;
  listPageSize: number;
  listP50Ms: number;
  listP99Ms: number;
  /** One list answered right after the bulk insert, while the gateway loads the new routes. */
  listDuringReloadMs: number;
  /** Bulk insert → the gateway serves every route. */
  reloadMs: number;
  /** Spawn → /readyz 200 on the database holding the routes. */
  startupMs: number;
  /** The same restart with only the routes created through the API: the floor of start-up. */
  startupFloorMs: number;
  problems: string[];
}

const PAGE_SIZE = 100;
/** Routes created through the admin API; the rest are copies of the first (route-clone.ts). */
const VIA_API = 20;

/**
 * Fills a gateway's database with `count` routes (the first through the admin API), times the admin
 * list over every page, then restarts the gateway on the same database and times it to ready.
 */
export async function benchManyRoutes(options: {
  count: number;
  cpus: string;
  mockPort: number;
  listRequests: number;
  /** A scratch PostgreSQL database: emptied, migrated by the gateway, filled. */
  databaseUrl: string;
}): Promise<ManyRoutesResult> {
  const problems: string[] = [];
  await emptyDatabase(options.databaseUrl);
  // One key for every launch: the first gateway's DATA_DIR (where a generated key would live) is removed when
  // it stops, and a restart with a new key would find every instance secret unreadable (one error log each).
  const extraEnv = { DATABASE_URL: options.databaseUrl, SECRETS_KEY: randomBytes(32).toString('base64') };
  let gateway: GatewayHandle | undefined = await launchGateway({
    cpus: options.cpus,
    nodeFlags: [],
    extraEnv,
  });
  const dataDir = gateway.dataDir;
  try {
    const started = Date.now();
    const bodies = generateRoutes(Math.min(options.count, VIA_API)).map((route) => ({
      ...route,
      instances: [
        {
          name: 'mock',
          provider: 'anthropic-compatible',
          auth: { header: { 'x-api-key': 'bench-upstream-key' } },
          override: { endpoint: `http://127.0.0.1:${options.mockPort}${MOCK_PATHS.anthropic}` },
        },
      ],
    }));
    const inFlight = 8;
    await Promise.all(
      Array.from({ length: inFlight }, (_, lane) =>
        createRoutes(
          gateway!,
          bodies.filter((_, index) => index % inFlight === lane),
        ),
      ),
    );
    const viaApiSeconds = (Date.now() - started) / 1000;
    await gateway.stop();
    gateway = undefined;
    gateway = await launchGateway({ cpus: options.cpus, nodeFlags: [], extraEnv, dataDir });
    const startupFloorMs = gateway.startupMs;
    const cloneStarted = Date.now();
    await cloneRoutes(options.databaseUrl, options.count);
    const createSeconds = viaApiSeconds + (Date.now() - cloneStarted) / 1000;
    // The running gateway picks the copies up with its periodic revision check. Loading 10,000 routes is a
    // one-off burst of work in the same process: the list is timed once it is done (the steady state), and the
    // list answered while it ran is reported beside it.
    const reloadStarted = Date.now();
    const duringReloadMs = await timeList(gateway, 1);
    await servesAllRoutes(gateway, options.count);
    const reloadMs = Date.now() - reloadStarted;

    const pages = Math.ceil(options.count / PAGE_SIZE);
    const times: number[] = [];
    for (let i = 0; i < options.listRequests; i++) {
      const page = (i % pages) + 1;
      const before = performance.now();
      const response = await listPage(gateway, page);
      const list = (await response.json()) as { items?: unknown[]; total?: number };
      times.push(performance.now() - before);
      if (response.status !== 200 || list.total !== options.count || list.items?.length !== PAGE_SIZE) {
        if (problems.length < 3)
          problems.push(
            `GET /admin/routes page ${page} → ${response.status}, total ${list.total}, ${list.items?.length} items`,
          );
      }
    }

    await gateway.stop();
    gateway = undefined;
    gateway = await launchGateway({ cpus: options.cpus, nodeFlags: [], extraEnv, dataDir });
    const startupMs = gateway.startupMs;
    const after = await fetch(`http://127.0.0.1:${gateway.adminPort}/admin/routes?page_size=1`, {
      headers: { authorization: `Bearer ${gateway.adminToken}` },
    });
    const total = ((await after.json()) as { total?: number }).total;
    if (total !== options.count)
      problems.push(`after restart the admin API lists ${total} routes (want ${options.count})`);
    return {
      routes: options.count,
      createSeconds,
      listRequests: times.length,
      listPageSize: PAGE_SIZE,
      listP50Ms: percentile(times, 50),
      listP99Ms: percentile(times, 99),
      listDuringReloadMs: duringReloadMs,
      reloadMs,
      startupMs,
      startupFloorMs,
      problems,
    };
  } finally {
    await gateway?.stop();
    const { rmSync } = await import('node:fs');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function listPage(gateway: GatewayHandle, page: number): Promise<Response> {
  return fetch(`http://127.0.0.1:${gateway.adminPort}/admin/routes?page=${page}&page_size=${PAGE_SIZE}`, {
    headers: { authorization: `Bearer ${gateway.adminToken}` },
  });
}

async function timeList(gateway: GatewayHandle, page: number): Promise<number> {
  const before = performance.now();
  await (await listPage(gateway, page)).arrayBuffer();
  return performance.now() - before;
}

/** Waits until the data plane lists at least `count` models (every route serves one). */
async function servesAllRoutes(gateway: GatewayHandle, count: number): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const models = (await (await fetch(`http://127.0.0.1:${gateway.gatewayPort}/v1/models`)).json()) as {
      data?: unknown[];
    };
    if ((models.data?.length ?? 0) >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the gateway did not serve ${count} routes within 120 s of the bulk insert`);
}
