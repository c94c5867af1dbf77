import { createDataSource, runMigrations } from '@switchboard/database/data-source.factory';
import { SWITCHBOARD_SCHEMA } from '@switchboard/core/schema';
import type { RequestRecord } from '@switchboard/proxy';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@switchboard/testing/database';
import { RowLockGate } from '@switchboard/testing/row-lock-gate';
import { insertRequestLog } from '../request-log/request-log.sink';
import { UsageRollupAggregator } from '../rollups/usage-rollup.aggregator';
import type { SqlRunner } from '../sql';
import { enforceRetention, enforceRetentionExclusively } from './retention.job';

const DAY = 86_400_000;
const NOW = Date.parse('2026-12-07T12:00:00Z');

function record(id: string, startedAt: number): RequestRecord {
  return {
    request_id: id,
    started_at: startedAt,
    client_protocol: 'openai-chat',
    endpoint: 'chat_completions',
    stream: false,
    model: 'm',
    route_id: 'r',
    route: 'r',
    instance: 'i',
    upstream_model: 'm',
    attempts: [],
    status: 200,
    error: null,
    usage: { input: 1, output: 1, cache_read: 0, cache_creation: 0, reasoning: 0 },
    duration_ms: 10,
    ttfb_ms: 5,
    key: null,
    cost_usd: null,
    dropped_tools: [],
  };
}

describe('retention (Postgres)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let sql: SqlRunner;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = createDataSource({ url: db.url, poolSize: db.embedded ? 1 : 2, schema: SWITCHBOARD_SCHEMA });
    await dataSource.initialize();
    await runMigrations(dataSource);
    sql = (text, parameters) => dataSource.query(text, parameters);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('deletes request-log rows and rollups past their retention, in batches, and keeps the rest', async () => {
    const old = Array.from({ length: 25 }, (_, i) => record(`old-${i}`, NOW - 8 * DAY - i * 60_000));
    const recent = Array.from({ length: 3 }, (_, i) => record(`new-${i}`, NOW - DAY + i));
    await insertRequestLog(sql, [...old, ...recent]);
    const rollups = new UsageRollupAggregator(sql);
    for (const entry of [...old, ...recent]) rollups.add(entry);
    rollups.add(record('ancient', NOW - 91 * DAY));
    await rollups.flush();
    const statements: string[] = [];
    const counting: SqlRunner = (text, parameters) => {
      statements.push(text);
      return sql(text, parameters);
    };

    const deleted = await enforceRetention(counting, {
      requestLogRetentionMs: 7 * DAY,
      usageRetentionMs: 90 * DAY,
      batchSize: 10,
      now: () => NOW,
    });

    expect(deleted).toEqual({ requestLog: 25, usageRollups: 1 });
    // 25 rows by 10: three request-log batches, then one rollup batch.
    expect(statements.filter((text) => text.includes('FROM request_log'))).toHaveLength(3);
    const left = (await dataSource.query(`SELECT request_id FROM request_log ORDER BY request_id`)) as {
      request_id: string;
    }[];
    expect(left.map((row) => row.request_id)).toEqual(['new-0', 'new-1', 'new-2']);
    const minutes = (await dataSource.query(`SELECT sum(requests)::int AS n FROM usage_rollups`)) as {
      n: number;
    }[];
    expect(minutes[0].n).toBe(28);
  });

  it('lets one replica at a time delete: a concurrent pass skips while another holds the advisory lock', async () => {
    await dataSource.query(`DELETE FROM request_log`);
    const old = Array.from({ length: 30 }, (_, i) => record(`stale-${i}`, NOW - 9 * DAY - i));
    await insertRequestLog(sql, old);
    const options = {
      requestLogRetentionMs: 7 * DAY,
      usageRetentionMs: 90 * DAY,
      batchSize: 10,
      now: () => NOW,
    };
    // Two replicas: their own pools on the same database.
    const replicas = [dataSource, await connectReplica()];
    try {
      if (db.embedded) {
        // PGlite is one backend for every connection (and one process per database): the lock cannot exclude,
        // and must not get in the way: both passes run, the lock is released.
        const outcomes = await Promise.all(
          replicas.map((replica) => enforceRetentionExclusively(replica, options)),
        );
        expect(outcomes.every((outcome) => outcome.ran)).toBe(true);
      } else {
        // Replica A's pass takes the lock, then waits on row locks held here; replica B's pass meanwhile skips.
        const gate = await RowLockGate.close(
          db.url,
          `SELECT id FROM request_log WHERE request_id LIKE 'stale-%' FOR UPDATE`,
        );
        const first = enforceRetentionExclusively(replicas[0], options);
        await gate.waitForWaiter('DELETE FROM request_log%');
        await expect(enforceRetentionExclusively(replicas[1], options)).resolves.toEqual({ ran: false });
        await gate.open();
        await expect(first).resolves.toEqual({ ran: true, result: { requestLog: 30, usageRollups: 0 } });
        // The lock went with the pass: B's next round runs (and finds nothing left).
        await expect(enforceRetentionExclusively(replicas[1], options)).resolves.toEqual({
          ran: true,
          result: { requestLog: 0, usageRollups: 0 },
        });
      }
      const left = (await dataSource.query(
        `SELECT count(*)::int AS n FROM request_log WHERE request_id LIKE 'stale-%'`,
      )) as { n: number }[];
      expect(left[0].n).toBe(0);
      const held = (await dataSource.query(
        `SELECT count(*)::int AS n FROM pg_locks
         WHERE locktype = 'advisory' AND granted
           AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      )) as { n: number }[];
      expect(held[0].n).toBe(0);
    } finally {
      await replicas[1].destroy();
    }
  });

  async function connectReplica(): Promise<DataSource> {
    const replica = createDataSource({ url: db.url, poolSize: 1, schema: SWITCHBOARD_SCHEMA });
    await replica.initialize();
    return replica;
  }
});
