import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { CompiledProcess, ENTRY, ensureBuilt } from './compiled-app';

jest.setTimeout(180_000);

describe('compiled entry points (what npm start / start:gateway / start:admin / migration:run run)', () => {
  let dataDir: string;
  const processes: CompiledProcess[] = [];
  const run = (entry: string, env: Record<string, string>) => {
    const child = new CompiledProcess(entry, { LOG_LEVEL: 'log', DATA_DIR: dataDir, ...env });
    processes.push(child);
    return child;
  };

  beforeAll(() => {
    ensureBuilt();
    dataDir = mkdtempSync(join(tmpdir(), 'switchboard-compiled-'));
  });
  afterAll(async () => {
    await Promise.all(processes.map((child) => child.stop()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it.each([
    [
      { GATEWAY_PORT: 'eighty' },
      'Invalid configuration: GATEWAY_PORT must be an integer port from 0 to 65535 (got "eighty")',
    ],
    [
      { MAX_BODY_SIZE: 'lots' },
      'Invalid configuration: MAX_BODY_SIZE must be a size such as 33554432, 512kb or 32mb (got "lots")',
    ],
    [
      { LOG_LEVEL: 'chatty' },
      'Invalid configuration: LOG_LEVEL must be one of fatal, error, warn, log, debug, verbose (got "chatty")',
    ],
  ])('refuses %j with exit code 1 and exactly one line, no stack trace', async (env, line) => {
    const child = run(ENTRY.switchboard, env);
    await expect(child.exited).resolves.toBe(1);
    expect(child.stderr).toBe(`${line}\n`);
    expect(child.stdout).toBe('');
  });

  it('npm start: both apps in one process on the embedded database, graceful SIGTERM', async () => {
    const child = run(ENTRY.switchboard, { GATEWAY_HOST: '127.0.0.1', GATEWAY_PORT: '0', ADMIN_PORT: '0' });
    const [gatewayUrl, adminUrl] = await child.listening();
    const healthz = await fetch(`${gatewayUrl}/healthz`);
    expect(healthz.status).toBe(200);
    await expect(healthz.json()).resolves.toEqual({ status: 'ok' });
    expect([200, 503]).toContain((await fetch(`${gatewayUrl}/readyz`)).status);
    expect((await fetch(`${adminUrl}/admin/routes`)).status).toBe(401);
    expect((await fetch(`${adminUrl}/admin/openapi.json`)).status).toBe(200);
    expect(existsSync(join(dataDir, 'switchboard.lock'))).toBe(true);

    await expect(child.stop()).resolves.toBe(0);
    expect(child.stdout).toContain('SIGTERM: shutting down');
    expect(existsSync(join(dataDir, 'switchboard.lock'))).toBe(false);
    expect(existsSync(join(dataDir, 'admin-token'))).toBe(true);

    const migrate = run(ENTRY.migrate, {});
    await expect(migrate.exited).resolves.toBe(0);
    expect(migrate.stdout).toBe(`No pending migrations on the embedded database in ${dataDir}\n`);
  });

  describe('scale-out entry points and the migration CLI on a shared PostgreSQL', () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase();
    });
    afterAll(() => database?.drop());

    it('migration:run applies the migrations once, then finds nothing pending', async () => {
      const first = run(ENTRY.migrate, { DATABASE_URL: database.url, DB_POOL_SIZE: '1' });
      await expect(first.exited).resolves.toBe(0);
      expect(first.stdout).toMatch(/^Applied \d+ migration\(s\) on DATABASE_URL: /);
      const second = run(ENTRY.migrate, { DATABASE_URL: database.url, DB_POOL_SIZE: '1' });
      await expect(second.exited).resolves.toBe(0);
      expect(second.stdout).toBe('No pending migrations on DATABASE_URL\n');
    });

    it('start:gateway serves only the data plane, start:admin only the control plane', async () => {
      const env = { DATABASE_URL: database.url, DB_POOL_SIZE: '1', GATEWAY_PORT: '0', ADMIN_PORT: '0' };
      const gateway = run(ENTRY.gateway, { ...env, GATEWAY_HOST: '127.0.0.1' });
      const admin = run(ENTRY.admin, { ...env, ADMIN_TOKEN: 'scale-out-admin-token-0123' });
      const [gatewayUrls, adminUrls] = await Promise.all([gateway.listening(), admin.listening()]);
      expect(gatewayUrls).toHaveLength(1);
      expect(adminUrls).toHaveLength(1);

      expect((await fetch(`${gatewayUrls[0]}/healthz`)).status).toBe(200);
      expect((await fetch(`${gatewayUrls[0]}/admin/openapi.json`)).status).toBe(404);
      const admitted = await fetch(`${adminUrls[0]}/admin/none`, {
        headers: { authorization: 'Bearer scale-out-admin-token-0123' },
      });
      expect(admitted.status).toBe(404);
      expect((await fetch(`${adminUrls[0]}/readyz`)).status).toBe(401);

      await expect(gateway.stop()).resolves.toBe(0);
      await expect(admin.stop()).resolves.toBe(0);
    });
  });
});
