/**
 * createTestDatabase(): a fresh, empty PostgreSQL database for one test file.
 *   const db = await createTestDatabase();   // { url, embedded, drop }
 *   ... connect to db.url ...
 *   await db.drop();                          // in afterAll
 * DATABASE_URL set → CREATE DATABASE sb_test_<random> on that server (dropped WITH (FORCE) by drop()).
 * Unset → an embedded PGlite served on a random 127.0.0.1 port, in memory, by its own child process (as in
 * production; PGlite's memory stays out of the jest worker), stopped by drop().
 * PGlite is a single backend: when `embedded` is true, give clients a pool of ONE connection
 * (startSwitchboard sets DB_POOL_SIZE=1 for you).
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '@switchboard/database/embedded-postgres';

export interface TestDatabase {
  url: string;
  /** True when served by an embedded PGlite (no DATABASE_URL). */
  embedded: boolean;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const server = await startEmbeddedPostgres();
    return { url: server.url, embedded: true, drop: () => server.stop() };
  }
  const name = `sb_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let dropped: Promise<void> | undefined;
  return {
    url: url.toString(),
    embedded: false,
    drop: () =>
      (dropped ??= withAdminClient(serverUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      ).then(() => undefined)),
  };
}

async function withAdminClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
