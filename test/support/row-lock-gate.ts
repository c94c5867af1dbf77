import { Client } from 'pg';
import { eventually } from './eventually';

/**
 * Holds row locks in an open transaction of its own session, so another session's DELETE of those rows waits
 * (real PostgreSQL; on the one-backend embedded PGlite nothing waits). Release with `open()`.
 */
export class RowLockGate {
  private constructor(
    private readonly client: Client,
    /** A second session: pg_stat_activity read inside the gate's transaction would be a frozen snapshot. */
    private readonly observer: Client,
  ) {}

  /** Locks the rows `select` returns (it must end in FOR UPDATE). */
  static async close(url: string, select: string, parameters: unknown[] = []): Promise<RowLockGate> {
    const client = new Client({ connectionString: url });
    await client.connect();
    await client.query('BEGIN');
    await client.query(select, parameters);
    const observer = new Client({ connectionString: url });
    await observer.connect();
    return new RowLockGate(client, observer);
  }

  /** Resolves once some session's statement matching `pattern` (ILIKE) waits on a lock. */
  async waitForWaiter(pattern: string): Promise<void> {
    await eventually(
      async () =>
        (
          await this.observer.query(
            `SELECT count(*)::int AS n FROM pg_stat_activity
             WHERE wait_event_type = 'Lock' AND query ILIKE $1`,
            [pattern],
          )
        ).rows[0].n as number,
      (waiting) => waiting > 0,
    );
  }

  async open(): Promise<void> {
    await this.client.query('ROLLBACK');
    await Promise.all([this.client.end(), this.observer.end()]);
  }
}
