import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres';

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !condition(); await sleep(50)) {
    if (Date.now() > deadline) throw new Error(`still waiting for ${what} after ${timeoutMs} ms`);
  }
}

/** The first query after a restart may still meet the old process's closed socket: retry for a while. */
async function retryQuery(url: string, sql: string, timeoutMs = 20_000): Promise<unknown[]> {
  for (const deadline = Date.now() + timeoutMs; ; await sleep(100)) {
    try {
      return await query(url, sql);
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
  }
}

jest.setTimeout(90_000);

describe('embedded PostgreSQL (PGlite over the wire protocol)', () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'sb-embedded-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('keeps data across a stop and a restart on the same directory', async () => {
    const first = await startEmbeddedPostgres({ directory });
    await query(first.url, 'CREATE TABLE kept (value text); INSERT INTO kept VALUES ($$still here$$)');
    await first.stop();

    const second = await startEmbeddedPostgres({ directory });
    try {
      await expect(query(second.url, 'SELECT value FROM kept')).resolves.toEqual([{ value: 'still here' }]);
    } finally {
      await second.stop();
    }
  });

  it('refuses a second server on a directory in use, with a clear message, and frees it on stop', async () => {
    const first = await startEmbeddedPostgres({ directory });
    try {
      await expect(startEmbeddedPostgres({ directory })).rejects.toThrow(
        /already in use by process \d+.*set DATABASE_URL/,
      );
    } finally {
      await first.stop();
    }
    const again = await startEmbeddedPostgres({ directory });
    await again.stop();
  });

  it('runs in a child process of this one, and stop() leaves no process behind', async () => {
    const server = await startEmbeddedPostgres({ directory });
    const pid = server.pid;
    try {
      expect(pid).not.toBe(process.pid);
      expect(isRunning(pid)).toBe(true);
      expect(readFileSync(`/proc/${pid}/status`, 'utf8')).toMatch(
        new RegExp(`^PPid:\\s+${process.pid}$`, 'm'),
      );
      expect(readFileSync(join(directory, 'switchboard.lock'), 'utf8')).toBe(String(pid));
      await expect(query(server.url, 'SELECT 1 AS one')).resolves.toEqual([{ one: 1 }]);
    } finally {
      await server.stop();
    }
    expect(isRunning(pid)).toBe(false);
    expect(existsSync(join(directory, 'switchboard.lock'))).toBe(false);
    await expect(server.stop()).resolves.toBeUndefined();
  });

  it('restarts a child that died on the same URL, with the committed data', async () => {
    const server = await startEmbeddedPostgres({ directory });
    try {
      await query(server.url, 'CREATE TABLE kept (value text); INSERT INTO kept VALUES ($$committed$$)');
      const first = server.pid;
      process.kill(first, 'SIGKILL');
      await waitFor(() => server.pid !== first, 'a new embedded database process');
      await waitFor(() => isRunning(server.pid), 'the new process');
      await expect(retryQuery(server.url, 'SELECT value FROM kept')).resolves.toEqual([
        { value: 'committed' },
      ]);
    } finally {
      await server.stop();
    }
  });

  it('gives up on a child that does not listen in time, naming the cause, and leaves no process', async () => {
    const failure = startEmbeddedPostgres({ directory, startTimeoutMs: 1 });
    await expect(failure).rejects.toThrow(/^the embedded database process \d+ did not listen within 1 ms/);
    const pid = Number(
      /process (\d+)/.exec(((await failure.catch((error: unknown) => error)) as Error).message)![1],
    );
    expect(isRunning(pid)).toBe(false);
    const again = await startEmbeddedPostgres({ directory });
    await again.stop();
  });
});
