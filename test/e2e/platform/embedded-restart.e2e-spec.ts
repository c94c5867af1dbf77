import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { redirectJsonLogs } from '@switchboard/telemetry';
import { startSwitchboard } from '../../support/switchboard';

/** Captures everything the process writes to stdout/stderr while `work` runs. */
async function captureOutput<T>(work: () => Promise<T>): Promise<{ result: T; output: string }> {
  const chunks: string[] = [];
  const originals = { out: process.stdout.write, err: process.stderr.write };
  const capture = (chunk: unknown) => {
    chunks.push(String(chunk));
    return true;
  };
  process.stdout.write = capture as typeof process.stdout.write;
  process.stderr.write = capture as typeof process.stderr.write;
  // pino writes to fd 1 itself, not through process.stdout.write.
  const restoreLogs = redirectJsonLogs(capture);
  try {
    return { result: await work(), output: chunks.join('') };
  } finally {
    restoreLogs();
    process.stdout.write = originals.out;
    process.stderr.write = originals.err;
  }
}

jest.setTimeout(120_000);

describe('embedded database in DATA_DIR and the generated admin token', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'switchboard-restart-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('generates a 0600 token file, logs its path but never the token, keeps data and token across a restart', async () => {
    const first = await captureOutput(() => startSwitchboard({ dataDir, env: { LOG_LEVEL: 'log' } }));
    const sb = first.result;
    const tokenFile = join(dataDir, 'admin-token');
    let token: string;
    try {
      expect(sb.core.config.databaseUrl).toBeUndefined();
      expect(sb.core.database.embedded?.url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);
      const databasePid = sb.core.database.embedded!.pid;
      expect(databasePid).not.toBe(process.pid);
      expect(readFileSync(join(dataDir, 'switchboard.lock'), 'utf8')).toBe(String(databasePid));
      expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
      token = readFileSync(tokenFile, 'utf8').trim();
      expect(token).toBe(sb.adminToken);
      expect(token.length).toBeGreaterThanOrEqual(40);
      expect(first.output).toContain(tokenFile);
      expect(first.output).not.toContain(token);

      const authorized = await fetch(`${sb.adminUrl}/admin/openapi.json`, {
        headers: { 'x-api-key': token },
      });
      expect(authorized.status).toBe(200);
      const wrong = await fetch(`${sb.adminUrl}/admin/routes`, { headers: { 'x-api-key': `${token}x` } });
      expect(wrong.status).toBe(401);

      await sb.core.dataSource.query('CREATE TABLE restart_probe (value text)');
      await sb.core.dataSource.query(`INSERT INTO restart_probe VALUES ('survives')`);

      await expect(startSwitchboard({ dataDir })).rejects.toThrow(/already in use by process \d+/);
    } finally {
      await sb.close();
    }

    const second = await captureOutput(() => startSwitchboard({ dataDir, env: { LOG_LEVEL: 'log' } }));
    try {
      expect(second.result.adminToken).toBe(token);
      expect(second.output).not.toContain(token);
      await expect(second.result.core.dataSource.query('SELECT value FROM restart_probe')).resolves.toEqual([
        { value: 'survives' },
      ]);
      expect(second.result.core.database.appliedMigrations).toEqual([]);
      const withToken = await fetch(`${second.result.adminUrl}/admin/no-such-thing`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(withToken.status).toBe(404);
    } finally {
      await second.result.close();
    }
  });

  it('uses ADMIN_TOKEN when set and writes no token file', async () => {
    const ownDir = mkdtempSync(join(tmpdir(), 'switchboard-token-'));
    const sb = await startSwitchboard({
      env: { ADMIN_TOKEN: 'configured-token-0123456789', DATA_DIR: ownDir },
    });
    try {
      expect(sb.adminToken).toBe('configured-token-0123456789');
      expect(() => statSync(join(ownDir, 'admin-token'))).toThrow();
    } finally {
      await sb.close();
      rmSync(ownDir, { recursive: true, force: true });
    }
  });
});
