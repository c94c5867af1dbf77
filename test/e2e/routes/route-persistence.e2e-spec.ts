import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { startSwitchboard, type RunningSwitchboard } from '../../support/switchboard';
import { adminClient, foundryRoute } from './admin-client';

jest.setTimeout(120_000);

async function gatewayModels(sb: RunningSwitchboard): Promise<string[]> {
  const response = await fetch(`${sb.gatewayUrl}/v1/models`);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { data: { id: string }[] };
  return body.data.map((model) => model.id);
}

/** Polls until `probe` resolves true; fails after `deadlineMs` (a bound, not a speed assertion). */
async function eventually(probe: () => Promise<boolean>, deadlineMs: number): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (!(await probe())) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('routes persist across a restart on the embedded database', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'switchboard-routes-restart-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('a created route is still there, secrets included, after close and start on the same DATA_DIR', async () => {
    const first = await startSwitchboard({ dataDir });
    let created: Record<string, unknown>;
    try {
      expect(first.core.config.databaseUrl).toBeUndefined();
      const response = await adminClient(first)('POST', '/admin/routes', foundryRoute());
      expect(response.status).toBe(201);
      created = response.body;
      expect(await gatewayModels(first)).toContain('claude-opus-4-5');
    } finally {
      await first.close();
    }

    const second = await startSwitchboard({ dataDir });
    try {
      const { status, body } = await adminClient(second)('GET', '/admin/routes/claude-foundry');
      expect(status).toBe(200);
      const { warnings, ...stored } = created;
      expect(warnings).toEqual([]);
      expect(body).toEqual(stored);
      const readyz = await fetch(`${second.gatewayUrl}/readyz`);
      expect(readyz.status).toBe(200);
      expect(await gatewayModels(second)).toContain('claude-opus-4-5');
      const [row] = await second.core.dataSource.query(
        `SELECT auth FROM instances WHERE route_id = 'claude-foundry' AND name = 'foundry-east'`,
      );
      // Encrypted at rest (AES-256-GCM, the key's id beside the value); the route table reads it back.
      expect(row.auth.header['x-api-key']).toMatch(/^enc:v1:[0-9a-f]{8}:/);
      expect(JSON.stringify(row)).not.toContain('secret');
    } finally {
      await second.close();
    }
  });
});

describe('a write in one process reaches another process within 5 s', () => {
  let db: TestDatabase;
  let writer: RunningSwitchboard;
  let reader: RunningSwitchboard;

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = { DATABASE_URL: db.url, ...(db.embedded ? { DB_POOL_SIZE: '1' } : {}) };
    writer = await startSwitchboard({ env });
    reader = await startSwitchboard({ env });
  });
  afterAll(async () => {
    await writer?.close();
    await reader?.close();
    await db?.drop();
  });

  it('create, patch and delete through one admin API show on the other gateway', async () => {
    const call = adminClient(writer);
    const created = await call('POST', '/admin/routes', {
      name: 'cross',
      models: ['cross-model'],
      instances: [{ name: 'main', provider: 'openai' }],
    });
    expect(created.status).toBe(201);
    await eventually(async () => (await gatewayModels(reader)).includes('cross-model'), 5000);
    await call('PATCH', `/admin/routes/${created.body.id}`, { models: ['cross-model-2'] });
    await eventually(async () => {
      const models = await gatewayModels(reader);
      return models.includes('cross-model-2') && !models.includes('cross-model');
    }, 5000);
    await call('DELETE', `/admin/routes/${created.body.id}`);
    await eventually(async () => !(await gatewayModels(reader)).includes('cross-model-2'), 5000);
  });
});
