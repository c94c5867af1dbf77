import type { DataSource, QueryRunner } from 'typeorm';

/** TypeORM's Postgres runner can hand a broken connection back so the pool discards it. */
type PostgresRunner = QueryRunner & { releasePostgresConnection?(error?: Error): Promise<void> };

/** A parameterised query on one connection. */
export type LockedSql = (text: string, parameters?: unknown[]) => Promise<unknown>;

/** Advisory lock keys (bigint) of the periodic jobs that only one replica at a time should run. */
export const ADVISORY_LOCKS = {
  telemetryRetention: '7390421001',
  responsesRetention: '7390421002',
} as const;

export type ExclusiveOutcome<T> = { ran: true; result: T } | { ran: false };

/**
 * Runs `work` only if no other session holds the advisory lock `key`. Session-level locks belong to a
 * connection, so with a pool of several connections the pass runs on ONE pinned connection that holds the lock
 * throughout (`work` must run its statements through the `sql` it is given); the lock is released before that
 * connection goes back to the pool, even when `work` throws, and a connection whose unlock failed is discarded
 * (closing it makes the server drop the lock). A pool of one connection is already the one session: nothing is
 * pinned there, so the process's other queries still interleave between the pass's batches. That covers the
 * embedded PGlite, where the lock never excludes anyone (one backend), which is right: only one process can
 * open that database.
 */
export async function runExclusive<T>(
  dataSource: DataSource,
  key: string,
  work: (sql: LockedSql) => Promise<T>,
): Promise<ExclusiveOutcome<T>> {
  if (dataSource.options.poolSize === 1) {
    return lockedOn((text, parameters) => dataSource.query(text, parameters), key, work);
  }
  const runner = dataSource.createQueryRunner() as PostgresRunner;
  let unlockFailed: Error | undefined;
  try {
    return await lockedOn(
      (text, parameters) => runner.query(text, parameters),
      key,
      work,
      (error) => {
        unlockFailed = error;
      },
    );
  } finally {
    if (unlockFailed !== undefined && runner.releasePostgresConnection !== undefined) {
      await runner.releasePostgresConnection(unlockFailed);
    } else {
      await runner.release();
    }
  }
}

async function lockedOn<T>(
  sql: LockedSql,
  key: string,
  work: (sql: LockedSql) => Promise<T>,
  onUnlockFailed?: (error: Error) => void,
): Promise<ExclusiveOutcome<T>> {
  const rows = (await sql(`SELECT pg_try_advisory_lock($1::bigint) AS locked`, [key])) as {
    locked: boolean;
  }[];
  if (rows[0]?.locked !== true) return { ran: false };
  try {
    return { ran: true, result: await work(sql) };
  } finally {
    await sql(`SELECT pg_advisory_unlock($1::bigint)`, [key]).catch((error: Error) => {
      onUnlockFailed?.(error);
      throw error;
    });
  }
}
