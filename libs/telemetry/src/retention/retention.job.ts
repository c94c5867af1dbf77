import { ADVISORY_LOCKS, type ExclusiveOutcome, runExclusive } from '@switchboard/database';
import type { DataSource } from 'typeorm';
import type { SqlRunner } from '../sql';

export interface RetentionOptions {
  requestLogRetentionMs: number;
  usageRetentionMs: number;
  /** Rows per DELETE: short statements, so the table is never locked for long. */
  batchSize?: number;
  now?: () => number;
}

export interface RetentionResult {
  requestLog: number;
  usageRollups: number;
}

/** Deletes request-log rows and usage rollups older than their retention, in batches, until none are left. */
export async function enforceRetention(sql: SqlRunner, options: RetentionOptions): Promise<RetentionResult> {
  const now = options.now?.() ?? Date.now();
  const batch = options.batchSize ?? 5000;
  const requestLog = await deleteInBatches(
    sql,
    `DELETE FROM request_log WHERE id IN (SELECT id FROM request_log WHERE started_at < $1 LIMIT $2)`,
    new Date(now - options.requestLogRetentionMs),
    batch,
  );
  const usageRollups = await deleteInBatches(
    sql,
    `DELETE FROM usage_rollups WHERE ctid IN (SELECT ctid FROM usage_rollups WHERE minute < $1 LIMIT $2)`,
    new Date(now - options.usageRetentionMs),
    batch,
  );
  return { requestLog, usageRollups };
}

/**
 * One periodic retention pass of a replica: runs only while holding the telemetry-retention advisory lock, so
 * replicas sharing a database never delete the same rows at once; `{ ran: false }` when another one holds it.
 */
export function enforceRetentionExclusively(
  dataSource: DataSource,
  options: RetentionOptions,
): Promise<ExclusiveOutcome<RetentionResult>> {
  return runExclusive(dataSource, ADVISORY_LOCKS.telemetryRetention, (sql) => enforceRetention(sql, options));
}

async function deleteInBatches(
  sql: SqlRunner,
  statement: string,
  cutoff: Date,
  batch: number,
): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = affectedRows(await sql(statement, [cutoff, batch]));
    total += deleted;
    if (deleted < batch) return total;
    // Yield between batches so other statements interleave.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** TypeORM's DataSource.query returns [rows, count] for DELETE; pg returns { rowCount }. */
function affectedRows(result: unknown): number {
  if (Array.isArray(result) && typeof result[1] === 'number') return result[1];
  const rowCount = (result as { rowCount?: number } | undefined)?.rowCount;
  return typeof rowCount === 'number' ? rowCount : 0;
}
