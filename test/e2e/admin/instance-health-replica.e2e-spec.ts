import { loadConfig } from '@switchboard/config';
import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAdmin, type StartedAdmin } from '../../../apps/admin/src/admin.bootstrap';
import { type RunningProcess, startProcess } from '../../../apps/switchboard/src/run-process';
import { createTestDatabase, type TestDatabase } from '../../support/database';

/** Split deployment: `start:admin` serves no traffic, so its breaker view must say so instead of "all closed". */
describe('GET /admin/routes/:id/health in an admin-only process', () => {
  let db: TestDatabase;
  let running: RunningProcess;
  let admin: StartedAdmin;
  const dataDir = mkdtempSync(join(tmpdir(), 'sb-admin-only-'));

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = {
      DATABASE_URL: db.url,
      ...(db.embedded ? { DB_POOL_SIZE: '1' } : {}),
      ADMIN_HOST: '127.0.0.1',
      ADMIN_PORT: '0',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    };
    running = await startProcess(loadConfig(env), async (core) => [await startAdmin(core)]);
    admin = running.apps[0] as StartedAdmin;
  });
  afterAll(async () => {
    await running?.close();
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('names the replica and says it serves no traffic', async () => {
    const headers = { authorization: `Bearer ${admin.adminToken}`, 'content-type': 'application/json' };
    const created = await fetch(`${admin.url}/admin/routes`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        name: 'split',
        models: ['split-model'],
        instances: [{ name: 'a', provider: 'openai', auth: { header: { authorization: 'Bearer k' } } }],
      }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const response = await fetch(`${admin.url}/admin/routes/${id}/health`, { headers });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      replica: { id: `${hostname()}/${process.pid}`, serves_traffic: false },
      instances: [{ name: 'a', state: 'closed', consecutive_failures: 0, open_until: null }],
      // No gateway runs anywhere here: no serving replica, no other view.
      replicas: [],
    });
  });
});
