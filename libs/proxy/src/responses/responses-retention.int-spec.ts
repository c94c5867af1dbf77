import { SWITCHBOARD_SCHEMA } from '@switchboard/core/schema';
import { createDataSource, runMigrations } from '@switchboard/database/data-source.factory';
import { ResponsesStore } from '@switchboard/responses';
import { createTestDatabase, type TestDatabase } from '@switchboard/testing/database';
import { RowLockGate } from '@switchboard/testing/row-lock-gate';
import type { DataSource } from 'typeorm';
import { ResponsesRetentionJob } from './responses-retention.job';

const DAY = 86_400_000;

/** Two replicas' retention jobs on one database: one purges, the other skips the round (advisory lock). */
describe('ResponsesRetentionJob (Postgres)', () => {
  let db: TestDatabase;
  const replicas: DataSource[] = [];
  let now = Date.parse('2026-12-07T12:00:00Z');

  const jobOn = (dataSource: DataSource) =>
    new ResponsesRetentionJob(
      new ResponsesStore(
        (text, parameters) => dataSource.query(text, parameters),
        { retentionMs: DAY, maxBytesPerOwner: 1_000_000 },
        () => now,
      ),
      dataSource,
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    for (let i = 0; i < 2; i++) {
      const dataSource = createDataSource({ url: db.url, poolSize: 1, schema: SWITCHBOARD_SCHEMA });
      await dataSource.initialize();
      replicas.push(dataSource);
    }
    await runMigrations(replicas[0]);
  });
  afterAll(async () => {
    await Promise.all(replicas.map((dataSource) => dataSource.destroy()));
    await db?.drop();
  });

  it('purges expired responses on one replica at a time', async () => {
    const [a, b] = replicas.map(jobOn);
    const store = new ResponsesStore(
      (text, parameters) => replicas[0].query(text, parameters),
      { retentionMs: DAY, maxBytesPerOwner: 1_000_000 },
      () => now,
    );
    for (let i = 0; i < 5; i++) {
      await store.save({
        id: `resp_old_${i}`,
        ownerKeyId: null,
        previousResponseId: null,
        inputItems: [],
        outputItems: [],
        response: { id: `resp_old_${i}` },
      });
    }
    now += 2 * DAY;

    if (db.embedded) {
      // One backend for every connection: the lock cannot exclude there, and must not block either.
      const outcomes = await Promise.all([a.purgeOnce(), b.purgeOnce()]);
      expect(outcomes.every((outcome) => outcome.ran)).toBe(true);
    } else {
      const gate = await RowLockGate.close(db.url, `SELECT id FROM stored_responses FOR UPDATE`);
      const first = a.purgeOnce();
      await gate.waitForWaiter('DELETE FROM stored_responses%');
      await expect(b.purgeOnce()).resolves.toEqual({ ran: false });
      await gate.open();
      await expect(first).resolves.toEqual({ ran: true, result: 5 });
      await expect(b.purgeOnce()).resolves.toEqual({ ran: true, result: 0 });
    }
    const left = (await replicas[1].query(`SELECT count(*)::int AS n FROM stored_responses`)) as {
      n: number;
    }[];
    expect(left[0].n).toBe(0);
  });
});
