import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { InstanceHealthRegistry } from '@switchboard/proxy/health/instance-health.registry';
import { DataPlaneHandler } from '@switchboard/proxy/data-plane.handler';
import { RoutePlanCache } from '@switchboard/proxy/routing/route-plan.cache';
import { UpstreamClient } from '@switchboard/proxy/upstream/upstream-client';
import type { UsageRecord } from '@switchboard/proxy/usage/usage-record';
import { UsageStream } from '@switchboard/proxy/usage/usage.stream';
import type { RouteConfig, RouteTable } from '@switchboard/routes';
import type { CatalogueState } from '@switchboard/catalogue';

/** The data-plane handler on a loopback server, over an in-memory route list (no database, no Nest). */
export interface GatewayHarness {
  url: string;
  usage: UsageRecord[];
  health: InstanceHealthRegistry;
  setRoutes(routes: RouteConfig[]): void;
  close(): Promise<void>;
}

export async function startGatewayHarness(
  routes: RouteConfig[],
  options: { maxBodySize?: number; now?: () => number; catalogue?: CatalogueState } = {},
): Promise<GatewayHarness> {
  let current = routes;
  const table = {
    isReady: () => true,
    match: (model: string) => current.find((route) => route.enabled && route.models.includes(model)),
    exactModels: () => current.flatMap((route) => route.models).sort(),
  } as unknown as RouteTable;
  const health = new InstanceHealthRegistry(options.now);
  const usageStream = new UsageStream();
  const usage: UsageRecord[] = [];
  usageStream.records$.subscribe((record) => usage.push(record));
  const client = new UpstreamClient();
  const handler = new DataPlaneHandler(
    table,
    new RoutePlanCache(health),
    {
      client,
      usage: usageStream,
      clock: { newId: () => randomUUID().replace(/-/g, ''), now: Date.now },
      catalogue: options.catalogue,
    },
    { maxBodySize: options.maxBodySize ?? 1 << 20 },
  );
  const server: Server = createServer((req, res) => {
    if (!handler.handle(req, res)) {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    usage,
    health,
    setRoutes: (next) => (current = next),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await client.close();
    },
  };
}
