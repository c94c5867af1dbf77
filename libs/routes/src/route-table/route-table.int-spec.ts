import { createServer, Socket, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { SWITCHBOARD_SCHEMA } from '@switchboard/core/schema';
import { createDataSource, runMigrations } from '@switchboard/database/data-source.factory';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@switchboard/testing/database';
import { RouteRepository } from '../persistence/route.repository';
import { RouteChangeBus } from '../route-change.bus';
import { validateRouteBody } from '../validation/route-validator';
import { RouteTable } from './route-table';

function routeInput(name: string, models: string[]) {
  return validateRouteBody({ name, models, instances: [{ name: 'i', provider: 'openai' }] }).route;
}

/** Polls until `probe` holds; fails after `deadlineMs` (a bound, not a speed assertion). */
async function eventually(probe: () => boolean, deadlineMs = 5000): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (!probe()) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A TCP hop in front of the database that the test can cut, to simulate Postgres going away. */
class CuttableProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async open(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = new Socket();
      upstream.connect(this.target.port, this.target.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server!.address() as AddressInfo).port;
  }

  async cut(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}

describe('RouteTable (Postgres)', () => {
  let db: TestDatabase;
  const dataSources: DataSource[] = [];
  const tables: RouteTable[] = [];

  async function connect(url = db.url): Promise<DataSource> {
    const dataSource = createDataSource({ url, poolSize: db.embedded ? 1 : 2, schema: SWITCHBOARD_SCHEMA });
    await dataSource.initialize();
    dataSources.push(dataSource);
    return dataSource;
  }

  function table(dataSource: DataSource, options: ConstructorParameters<typeof RouteTable>[2]): RouteTable {
    const created = new RouteTable(new RouteRepository(dataSource), new RouteChangeBus(), options);
    tables.push(created);
    return created;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    await runMigrations(await connect());
  });

  afterAll(async () => {
    for (const created of tables) await created.stop();
    for (const dataSource of dataSources) if (dataSource.isInitialized) await dataSource.destroy();
    await db?.drop();
  });

  it('is not ready before the first load, then serves what is stored', async () => {
    const dataSource = await connect();
    const repository = new RouteRepository(dataSource);
    await repository.write((tx) => tx.insert('load-1', routeInput('load-1', ['load-exact', 'load-*'])));
    const routes = table(dataSource, { refreshIntervalMs: 0 });
    expect(routes.isReady()).toBe(false);
    expect(routes.match('load-exact')).toBeUndefined();
    await routes.start();
    expect(routes.isReady()).toBe(true);
    expect(routes.match('load-exact')?.id).toBe('load-1');
    expect(routes.match('load-anything')?.id).toBe('load-1');
    expect(routes.get('load-1')?.name).toBe('load-1');
    expect(routes.exactModels()).toContain('load-exact');
    expect(routes.exactModels()).not.toContain('load-*');
  });

  it('applies an in-process change from the bus synchronously, without a reload', async () => {
    const dataSource = await connect();
    const bus = new RouteChangeBus();
    const repository = new RouteRepository(dataSource);
    const routes = new RouteTable(repository, bus, { refreshIntervalMs: 0 });
    tables.push(routes);
    await routes.start();
    const { result, revision } = await repository.write((tx) =>
      tx.insert('bus-1', routeInput('bus-1', ['bus-m'])),
    );
    bus.publish({ id: result.id, version: result.version, route: result, revision });
    expect(routes.match('bus-m')?.id).toBe('bus-1');
    const deleted = await repository.write((tx) => tx.delete('bus-1'));
    bus.publish({ id: 'bus-1', version: null, deleted: true, revision: deleted.revision });
    expect(routes.match('bus-m')).toBeUndefined();
    expect(routes.get('bus-1')).toBeUndefined();
  });

  it('propagates a write from another process within 5 s (LISTEN/NOTIFY; periodic check on the embedded DB)', async () => {
    const writer = new RouteRepository(await connect());
    // With a real server the periodic check is off, so only NOTIFY can deliver the change.
    const reader = table(await connect(), { refreshIntervalMs: db.embedded ? 500 : 0, listenUrl: db.url });
    await reader.start();
    await new Promise((resolve) => setTimeout(resolve, 300)); // let the listener connect
    await writer.write((tx) => tx.insert('notify-1', routeInput('notify-1', ['notify-m'])));
    await eventually(() => reader.match('notify-m')?.id === 'notify-1');
    await writer.write((tx) => tx.delete('notify-1'));
    await eventually(() => reader.match('notify-m') === undefined);
  });

  it('propagates through the periodic version check alone', async () => {
    const writer = new RouteRepository(await connect());
    const reader = table(await connect(), { refreshIntervalMs: 100 });
    await reader.start();
    await writer.write((tx) => tx.insert('poll-1', routeInput('poll-1', ['poll-m'])));
    await eventually(() => reader.match('poll-m')?.id === 'poll-1');
  });

  it('keeps serving the last table while the database is unreachable, and catches up afterwards', async () => {
    const target = new URL(db.url);
    const proxy = new CuttableProxy({ host: target.hostname, port: Number(target.port || 5432) });
    await proxy.open();
    const viaProxy = new URL(db.url);
    viaProxy.port = String(proxy.port);
    const proxied = createDataSource({ url: viaProxy.toString(), poolSize: 1, schema: SWITCHBOARD_SCHEMA });
    (proxied.options.extra as { connectionTimeoutMillis: number }).connectionTimeoutMillis = 500;
    await proxied.initialize();
    dataSources.push(proxied);
    const writer = new RouteRepository(await connect());
    await writer.write((tx) => tx.insert('down-1', routeInput('down-1', ['down-m'])));
    const routes = table(proxied, {
      refreshIntervalMs: 50,
      listenUrl: db.embedded ? undefined : viaProxy.toString(),
    });
    await routes.start();
    expect(routes.match('down-m')?.id).toBe('down-1');

    await proxy.cut();
    await writer.write((tx) => tx.insert('down-2', routeInput('down-2', ['down-n'])));
    await expect(routes.check()).resolves.toBeUndefined();
    await expect(routes.reload()).resolves.toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 300)); // several failing periodic checks
    expect(routes.isReady()).toBe(true);
    expect(routes.match('down-m')?.id).toBe('down-1');
    expect(routes.match('down-n')).toBeUndefined();

    await proxy.open(); // same port
    await eventually(() => routes.match('down-n')?.id === 'down-2', 10_000);
    await proxy.cut();
  });

  it('never becomes ready without a database, and does not throw', async () => {
    const proxy = new CuttableProxy({ host: '127.0.0.1', port: 1 });
    await proxy.open();
    const url = new URL(db.url);
    url.port = String(proxy.port);
    await proxy.cut();
    const orphan = createDataSource({ url: url.toString(), poolSize: 1, schema: SWITCHBOARD_SCHEMA });
    (orphan.options.extra as { connectionTimeoutMillis: number }).connectionTimeoutMillis = 500;
    const routes = table(orphan, { refreshIntervalMs: 50 });
    await expect(routes.start()).resolves.toBeUndefined();
    expect(routes.isReady()).toBe(false);
    expect(routes.match('anything')).toBeUndefined();
    expect(routes.exactModels()).toEqual([]);
  });
});
