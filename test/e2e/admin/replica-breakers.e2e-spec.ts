import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { eventually } from '../../support/eventually';
import { CompiledProcess, ENTRY, ensureBuilt } from '../platform/compiled-app';
import { LoopbackUpstream, openAiCompletion, sendJson } from '../proxy-internals/support/loopback-upstream';

jest.setTimeout(120_000);

const ADMIN_TOKEN = 'replica-breakers-admin-token';
const HEARTBEAT_MS = 200;

interface InstanceView {
  name: string;
  state: string;
  consecutive_failures: number;
  open_until: string | null;
  opened_at?: string | null;
}
interface ReplicaView {
  id: string;
  host: string;
  pid: number;
  last_seen: string;
  stale: boolean;
  instances: InstanceView[];
}
interface RouteHealth {
  replica: { id: string; serves_traffic: boolean };
  instances: InstanceView[];
  replicas: ReplicaView[];
}

/**
 * Split deployment (`start:gateway` + `start:admin`, compiled, one PostgreSQL): the gateway's breakers open on
 * failing upstream calls; the admin process, which serves no traffic, reports that replica's view from the
 * breakers it publishes with its heartbeat.
 */
describe('GET /admin/routes/:id/health: every serving replica’s breakers', () => {
  let database: TestDatabase;
  let failing: LoopbackUpstream;
  let healthy: LoopbackUpstream;
  let gateway: CompiledProcess;
  let admin: CompiledProcess;
  let gatewayUrl: string;
  let adminUrl: string;

  beforeAll(async () => {
    ensureBuilt();
    database = await createTestDatabase();
    failing = await new LoopbackUpstream((_req, res) =>
      sendJson(res, 500, { error: { message: 'upstream down', type: 'server_error' } }),
    ).start();
    healthy = await new LoopbackUpstream((_req, res) => sendJson(res, 200, openAiCompletion('ok'))).start();
    const env = {
      DATABASE_URL: database.url,
      DB_POOL_SIZE: database.embedded ? '1' : '2',
      GATEWAY_HOST: '127.0.0.1',
      ADMIN_HOST: '127.0.0.1',
      GATEWAY_PORT: '0',
      ADMIN_PORT: '0',
      ADMIN_TOKEN,
      GATEWAY_AUTH: 'none',
      // Both must open the upstream secrets the admin process seals.
      SECRETS_KEY: randomBytes(32).toString('base64'),
      TELEMETRY_FLUSH_INTERVAL_MS: String(HEARTBEAT_MS),
      ROUTE_REFRESH_INTERVAL_MS: '200',
    };
    // The admin process migrates first (the gateway would too; one at a time keeps the test's start simple).
    admin = new CompiledProcess(ENTRY.admin, {
      ...env,
      DATA_DIR: `/tmp/sb-replica-breakers-a-${process.pid}`,
    });
    [adminUrl] = await admin.listening();
    gateway = new CompiledProcess(ENTRY.gateway, {
      ...env,
      DATA_DIR: `/tmp/sb-replica-breakers-g-${process.pid}`,
    });
    [gatewayUrl] = await gateway.listening();
  });
  afterAll(async () => {
    await Promise.all([gateway?.stop(), admin?.stop()]);
    await Promise.all([failing?.close(), healthy?.close()]);
    await database?.drop();
  });

  const adminCall = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${adminUrl}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const ask = () =>
    fetch(`${gatewayUrl}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'split-model', messages: [{ role: 'user', content: 'hi' }] }),
    }).then(async (response) => {
      await response.arrayBuffer();
      return response.status;
    });

  it('lists the gateway replica with its open instance beside the admin process’s own (closed) view', async () => {
    const created = await adminCall('/admin/routes', {
      method: 'POST',
      body: JSON.stringify({
        name: 'split',
        models: ['split-model'],
        circuit_breaker: { failure_threshold: 2, cooldown: 600_000 },
        instances: [
          {
            name: 'solo',
            provider: 'openai-compatible',
            priority: 1,
            auth: { header: { authorization: 'Bearer k' } },
            override: { endpoint: failing.url },
          },
          {
            name: 'backup',
            provider: 'openai-compatible',
            priority: 0,
            auth: { header: { authorization: 'Bearer k' } },
            override: { endpoint: healthy.url },
          },
        ],
      }),
    });
    expect(created.status).toBe(201);
    const routeId = created.body.id as string;
    // The gateway learns the route from the shared database (404 until then). Each call tries `solo` first,
    // which fails, and falls back to `backup`: two calls open `solo` on the gateway.
    await eventually(ask, (status) => status === 200);
    expect(await ask()).toBe(200);
    expect(failing.received).toHaveLength(2);

    const health = await eventually(
      async () => (await adminCall(`/admin/routes/${routeId}/health`)).body as unknown as RouteHealth,
      (body) => body.replicas?.[0]?.instances?.[0]?.state === 'open',
    );
    // The admin process's own view: no traffic here.
    expect(health.replica).toEqual({ id: expect.stringMatching(/\/\d+$/), serves_traffic: false });
    expect(health.instances).toEqual([
      { name: 'solo', state: 'closed', consecutive_failures: 0, open_until: null },
      { name: 'backup', state: 'closed', consecutive_failures: 0, open_until: null },
    ]);
    // The gateway replica's view, as GET /admin/replicas names it.
    const replicas = (await adminCall('/admin/replicas')).body.items as { id: string; pid: number }[];
    expect(replicas).toHaveLength(1);
    expect(health.replicas).toHaveLength(1);
    const [view] = health.replicas;
    expect(view).toMatchObject({
      id: replicas[0].id,
      host: hostname(),
      pid: gateway.child.pid,
      stale: false,
    });
    expect(Date.now() - Date.parse(view.last_seen)).toBeLessThan(60_000);
    const [solo, backup] = view.instances;
    expect(solo).toMatchObject({ name: 'solo', state: 'open', consecutive_failures: 2 });
    expect(Date.parse(solo.open_until!)).toBeGreaterThan(Date.now());
    expect(Date.parse(solo.opened_at!)).toBeLessThanOrEqual(Date.now());
    expect(Date.parse(solo.open_until!) - Date.parse(solo.opened_at!)).toBe(600_000);
    expect(backup).toEqual({
      name: 'backup',
      state: 'closed',
      consecutive_failures: 0,
      open_until: null,
      opened_at: null,
    });

    // A replica gone without a goodbye (crash) stays listed with its last view, marked stale.
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query(
        `INSERT INTO replicas (id, host, pid, version, started_at, last_seen, route_table_revision, requests_served,
           breakers)
         VALUES ('crashed', 'elsewhere', 7, 'x', now() - interval '2 hours', now() - interval '1 hour', 1, 0, $1)`,
        [
          JSON.stringify({
            [routeId]: {
              solo: { state: 'closed', consecutive_failures: 1, open_until: null, opened_at: null },
            },
          }),
        ],
      );
    } finally {
      await client.end();
    }
    const withCrashed = (await adminCall(`/admin/routes/${routeId}/health`)).body as unknown as RouteHealth;
    expect(withCrashed.replicas.find((replica) => replica.id === 'crashed')).toEqual({
      id: 'crashed',
      host: 'elsewhere',
      pid: 7,
      last_seen: expect.any(String),
      stale: true,
      instances: [
        { name: 'solo', state: 'closed', consecutive_failures: 1, open_until: null, opened_at: null },
        { name: 'backup', state: 'closed', consecutive_failures: 0, open_until: null, opened_at: null },
      ],
    });
  });

  it('documents the answer in the OpenAPI document', async () => {
    const document = (await adminCall('/admin/openapi.json')).body as {
      paths: Record<string, { get?: { responses: Record<string, unknown> } }>;
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    };
    expect(document.paths['/admin/routes/{id}/health']?.get?.responses['200']).toBeDefined();
    expect(Object.keys(document.components.schemas.RouteHealthDto.properties)).toEqual([
      'replica',
      'instances',
      'replicas',
    ]);
    expect(Object.keys(document.components.schemas.ReplicaBreakerViewDto.properties)).toEqual([
      'id',
      'host',
      'pid',
      'last_seen',
      'stale',
      'instances',
    ]);
  });
});
