import type { CatalogueState } from '@switchboard/catalogue';
import type { RequestRecord } from '@switchboard/proxy';
import type { RouteConfig } from '@switchboard/routes';
import { startDataPlane, type DataPlaneHarness } from '../../data-plane/support/data-plane-harness';

/**
 * The proxy-internals specs' view of the real app (gateway + admin on Postgres, see data-plane-harness): the
 * routes given are created through the admin API and matched by the real RouteTable. One app per spec file and
 * body limit, shared by its tests; each harness sees only the records of its own requests.
 */
export interface GatewayHarness {
  url: string;
  /** The request records published since this harness started. */
  readonly records: RequestRecord[];
  /** Resolves with this harness's records once at least `count` have been published. */
  recordsAtLeast(count: number): Promise<RequestRecord[]>;
  /** The gateway's model catalogue (shared by every harness of the spec file). */
  readonly catalogue: CatalogueState;
  /** Replaces this harness's routes (the previous ones are deleted). */
  setRoutes(routes: RouteConfig[]): Promise<void>;
  /** Deletes this harness's routes; the shared app stops after the spec file. */
  close(): Promise<void>;
}

const apps = new Map<number, Promise<DataPlaneHarness>>();

afterAll(async () => {
  const started = [...apps.values()];
  apps.clear();
  await Promise.all(started.map(async (app) => (await app).close()));
});

export async function startGatewayHarness(
  routes: RouteConfig[],
  options: { maxBodySize?: number } = {},
): Promise<GatewayHarness> {
  const maxBodySize = options.maxBodySize ?? 1 << 20;
  let starting = apps.get(maxBodySize);
  if (starting === undefined) {
    starting = startDataPlane({ MAX_BODY_SIZE: String(maxBodySize) });
    apps.set(maxBodySize, starting);
  }
  const app = await starting;
  let created: string[] = [];
  const setRoutes = async (next: RouteConfig[]): Promise<void> => {
    for (const id of created) await app.deleteRoute(id);
    created = [];
    for (const route of next) created.push((await app.createRoute(adminBody(route))).id);
  };
  await setRoutes(routes);
  const first = app.records.records.length;
  return {
    url: app.gatewayUrl,
    get records() {
      return app.records.records.slice(first);
    },
    catalogue: app.catalogue,
    recordsAtLeast: async (count) => (await app.records.atLeast(first + count)).slice(first),
    setRoutes,
    close: () => setRoutes([]),
  };
}

/** A RouteConfig fixture as the admin API's create body (server-set fields dropped). */
function adminBody(route: RouteConfig): Record<string, unknown> {
  const { id: _id, version: _v, created_at: _c, updated_at: _u, extras: _e, instances, ...fields } = route;
  return {
    ...fields,
    instances: instances.map(({ extras: _x, ...instance }) => instance),
  };
}

/**
 * Registers an afterEach that closes the gateway harness a test started; call it in the describe block and start
 * the test's gateway with what it returns (one per test, as `startGatewayHarness` takes).
 */
export function gatewayPerTest(): typeof startGatewayHarness {
  let current: GatewayHarness | undefined;
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return async (routes, options) => {
    current = await startGatewayHarness(routes, options);
    return current;
  };
}
