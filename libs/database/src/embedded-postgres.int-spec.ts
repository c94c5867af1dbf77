import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
});
