import { createTestDatabase, type TestDatabase } from '../../support/database';
import { FreezableTcpProxy } from '../../support/freezable-tcp-proxy';
import { startSwitchboard, type RunningSwitchboard } from '../../support/switchboard';

/** The machine's Postgres is never stopped: a TCP hop in front of it freezes or goes down instead. */
describe('admin API while Postgres is frozen or down', () => {
  let db: TestDatabase;
  let proxy: FreezableTcpProxy;
  let sb: RunningSwitchboard;

  beforeAll(async () => {
    db = await createTestDatabase();
    const target = new URL(db.url);
    proxy = await new FreezableTcpProxy({ host: target.hostname, port: Number(target.port) }).open();
    const viaProxy = new URL(db.url);
    viaProxy.port = String(proxy.port);
    sb = await startSwitchboard({
      env: {
        DATABASE_URL: viaProxy.toString(),
        DB_POOL_SIZE: db.embedded ? '1' : '2',
        DB_STATEMENT_TIMEOUT_MS: '1000',
        DB_CONNECT_TIMEOUT_MS: '1000',
        ROUTE_REFRESH_INTERVAL_MS: '0',
      },
    });
  });
  afterAll(async () => {
    await proxy?.down();
    await sb?.close().catch(() => undefined);
    await db?.drop();
  });

  const listRoutes = async () => {
    const started = Date.now();
    const response = await fetch(`${sb.adminUrl}/admin/routes`, {
      headers: { authorization: `Bearer ${sb.adminToken}` },
    });
    return {
      response,
      elapsedMs: Date.now() - started,
      body: (await response.json()) as { error?: { code: string } },
    };
  };

  it('answers normally while the database answers', async () => {
    expect((await listRoutes()).response.status).toBe(200);
  });

  it('answers 503 with retry-after within the timeouts when the database is frozen', async () => {
    proxy.freeze();
    const { response, elapsedMs, body } = await listRoutes();
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(body.error?.code).toBe('DATABASE_UNAVAILABLE');
    expect(elapsedMs).toBeLessThan(5000);
    // A second call must not queue behind the first one's stuck connection either.
    const again = await listRoutes();
    expect(again.response.status).toBe(503);
    expect(again.elapsedMs).toBeLessThan(5000);
  });

  it('answers 503 when the database refuses connections', async () => {
    await proxy.down();
    const { response, body } = await listRoutes();
    expect(response.status).toBe(503);
    expect(body.error?.code).toBe('DATABASE_UNAVAILABLE');
  });
});
