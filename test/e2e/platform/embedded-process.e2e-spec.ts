import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompiledProcess, ENTRY, ensureBuilt, isProcessRunning, parentPid, waitUntil } from './compiled-app';

jest.setTimeout(240_000);

const ADMIN_TOKEN = 'embedded-process-admin-token-0123';

describe('npm start on the embedded database: PGlite in a child process owned by the gateway process', () => {
  let dataDir: string;
  const processes: CompiledProcess[] = [];
  const lockFile = () => join(dataDir, 'switchboard.lock');
  const start = () => {
    const child = new CompiledProcess(ENTRY.switchboard, {
      DATA_DIR: dataDir,
      ADMIN_TOKEN,
      GATEWAY_HOST: '127.0.0.1',
      GATEWAY_PORT: '0',
      ADMIN_PORT: '0',
    });
    processes.push(child);
    return child;
  };
  const admin = (url: string, path: string, init: RequestInit = {}) =>
    fetch(`${url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    });

  beforeAll(() => {
    ensureBuilt();
    dataDir = mkdtempSync(join(tmpdir(), 'switchboard-embedded-process-'));
  });
  afterAll(async () => {
    await Promise.all(processes.map((child) => child.stop()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs the database in a child; SIGKILL of the gateway leaves no orphan; the next start has the data', async () => {
    const first = start();
    const [, adminUrl] = await first.listening();
    const gatewayPid = first.child.pid!;
    const databasePid = Number(readFileSync(lockFile(), 'utf8'));
    expect(databasePid).not.toBe(gatewayPid);
    expect(isProcessRunning(databasePid)).toBe(true);
    expect(parentPid(databasePid)).toBe(gatewayPid);

    const created = await admin(adminUrl, '/admin/routes', {
      method: 'POST',
      body: JSON.stringify({
        id: 'survivor',
        name: 'survivor',
        models: ['survivor-model'],
        instances: [{ name: 'main', provider: 'openai', auth: { header: { authorization: 'Bearer k' } } }],
      }),
    });
    expect(created.status).toBe(201);

    first.child.kill('SIGKILL');
    await first.exited;
    await waitUntil(() => !isProcessRunning(databasePid), 'the orphaned database process to exit', 10_000);
    expect(existsSync(lockFile())).toBe(false);

    const second = start();
    const [, secondAdminUrl] = await second.listening();
    const secondDatabasePid = Number(readFileSync(lockFile(), 'utf8'));
    expect(parentPid(secondDatabasePid)).toBe(second.child.pid);
    const kept = await admin(secondAdminUrl, '/admin/routes/survivor');
    expect(kept.status).toBe(200);
    await expect(kept.json()).resolves.toMatchObject({ id: 'survivor', models: ['survivor-model'] });

    await expect(second.stop()).resolves.toBe(0);
    expect(isProcessRunning(secondDatabasePid)).toBe(false);
    expect(existsSync(lockFile())).toBe(false);
  });
});
