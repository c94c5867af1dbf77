import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { InstanceHealthRegistry } from '@switchboard/proxy/health/instance-health.registry';
import { DataPlaneHandler } from '@switchboard/proxy/data-plane.handler';
import { RoutePlanCache } from '@switchboard/proxy/routing/route-plan.cache';
import { UpstreamClient } from '@switchboard/proxy/upstream/upstream-client';
import type { RequestRecord } from '@switchboard/proxy/record/request-record';
import { RequestRecordBus } from '@switchboard/proxy/record/request-record.bus';
import type { RouteConfig, RouteTable } from '@switchboard/routes';
import { collectRecords } from '../../data-plane/support/record-collector';

/** The data-plane handler on a loopback server, over an in-memory route list (no database, no Nest). */
export interface GatewayHarness {
  url: string;
  /** Every request record published so far (published after each response ends). */
  records: RequestRecord[];
  /** Resolves with the records once at least `count` have been published. */
  recordsAtLeast(count: number): Promise<RequestRecord[]>;
  health: InstanceHealthRegistry;
  setRoutes(routes: RouteConfig[]): void;
  close(): Promise<void>;
}

export async function startGatewayHarness(
  routes: RouteConfig[],
  options: { maxBodySize?: number; now?: () => number } = {},
): Promise<GatewayHarness> {
  let current = routes;
  const table = {
    isReady: () => true,
    match: (model: string) => current.find((route) => route.enabled && route.models.includes(model)),
    exactModels: () => current.flatMap((route) => route.models).sort(),
  } as unknown as RouteTable;
  const health = new InstanceHealthRegistry(options.now);
  const bus = new RequestRecordBus();
  const collector = collectRecords(bus);
  const client = new UpstreamClient();
  const handler = new DataPlaneHandler(
    table,
    new RoutePlanCache(health),
    { client, records: bus, clock: { newId: () => randomUUID().replace(/-/g, ''), now: Date.now } },
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
    records: collector.records,
    recordsAtLeast: (count) => collector.atLeast(count),
    health,
    setRoutes: (next) => (current = next),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await client.close();
    },
  };
}
