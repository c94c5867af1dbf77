import { createDataSource, runMigrations } from '@switchboard/database/data-source.factory';
import { SWITCHBOARD_SCHEMA } from '@switchboard/core/schema';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@switchboard/testing/database';
import { expandHistory } from '../history-expander';
import { ResponsesStore, type ResponseToStore } from './responses.store';

const DAY = 86_400_000;

function turn(id: string, previous: string | null, owner: string | null, text: string): ResponseToStore {
  return {
    id,
    ownerKeyId: owner,
    previousResponseId: previous,
    inputItems: [{ id: `msg_in_${id}`, type: 'message', role: 'user', content: text }],
    outputItems: [{ id: `msg_out_${id}`, type: 'message', role: 'assistant', content: `re ${text}` }],
    response: { id, object: 'response', status: 'completed' },
  };
}

describe('ResponsesStore (Postgres)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let now = Date.parse('2026-12-07T12:00:00Z');
  let store: ResponsesStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = createDataSource({ url: db.url, poolSize: db.embedded ? 1 : 2, schema: SWITCHBOARD_SCHEMA });
    await dataSource.initialize();
    await runMigrations(dataSource);
    store = new ResponsesStore(
      (text, parameters) => dataSource.query(text, parameters),
      { retentionMs: 30 * DAY, maxBytesPerOwner: 10_000 },
      () => now,
    );
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('saves a chain, expands it from any store on the same database, and scopes it to its owner', async () => {
    await store.save(turn('resp_1', null, 'key_a', 'q1'));
    await store.save(turn('resp_2', 'resp_1', 'key_a', 'q2'));
    const replica = new ResponsesStore((text, p) => dataSource.query(text, p), {
      retentionMs: 30 * DAY,
      maxBytesPerOwner: 10_000,
    });
    const expanded = await expandHistory(
      {
        model: 'm',
        previous_response_id: 'resp_2',
        input: [{ type: 'item_reference', id: 'msg_out_resp_1' }],
      },
      replica.lookup('key_a'),
    );
    expect((expanded.input as { content: string }[]).map((i) => i.content)).toEqual([
      'q1',
      're q1',
      'q2',
      're q2',
      're q1',
    ]);

    expect(await store.find('resp_2', 'key_b')).toBeUndefined();
    expect(await store.find('resp_2', null)).toBeUndefined();
    await expect(
      expandHistory({ previous_response_id: 'resp_2', input: 'x' }, store.lookup('key_b')),
    ).rejects.toMatchObject({ clientCode: 'previous_response_not_found' });
  });

  it('deletes only for its owner, once', async () => {
    await store.save(turn('resp_del', null, null, 'x'));
    expect(await store.delete('resp_del', 'key_a')).toBe(false);
    expect(await store.delete('resp_del', null)).toBe(true);
    expect(await store.delete('resp_del', null)).toBe(false);
    expect(await store.find('resp_del', null)).toBeUndefined();
  });

  it('pages input items with after/limit/order', async () => {
    const stored = await store.find('resp_1', 'key_a');
    const many = { ...stored!, inputItems: ['a', 'b', 'c'].map((id) => ({ id, type: 'message' })) };
    expect(store.inputItemsPage(many, { limit: 2, order: 'asc' })).toEqual({
      object: 'list',
      data: [
        { id: 'a', type: 'message' },
        { id: 'b', type: 'message' },
      ],
      first_id: 'a',
      last_id: 'b',
      has_more: true,
    });
    expect(store.inputItemsPage(many, { after: 'b', limit: 2, order: 'asc' }).data).toEqual([
      { id: 'c', type: 'message' },
    ]);
    expect(store.inputItemsPage(many, { limit: 5, order: 'desc' }).first_id).toBe('c');
    expect(store.inputItemsPage(many, { after: 'zz', limit: 5, order: 'asc' }).data).toEqual([]);
  });

  it('keeps an owner within its byte bound by dropping its oldest responses', async () => {
    const big = 'x'.repeat(3000);
    for (let i = 0; i < 5; i++) {
      now += 1000;
      await store.save(turn(`resp_big_${i}`, null, 'key_big', big));
    }
    const rows = (await dataSource.query(
      `SELECT id, size_bytes FROM stored_responses WHERE owner_key_id = 'key_big' ORDER BY created_at`,
    )) as { id: string; size_bytes: number }[];
    const each = rows[0].size_bytes;
    const fits = Math.floor(10_000 / each);
    expect(fits).toBeGreaterThanOrEqual(1);
    expect(fits).toBeLessThan(5);
    expect(rows.map((r) => r.id)).toEqual(
      ['resp_big_0', 'resp_big_1', 'resp_big_2', 'resp_big_3', 'resp_big_4'].slice(5 - fits),
    );
    expect(await store.find('resp_2', 'key_a')).toBeDefined();
  });

  it('hides expired rows at once and purges them in batches', async () => {
    now += 31 * DAY;
    await store.save(turn('resp_fresh', null, 'key_a', 'new'));
    expect(await store.find('resp_1', 'key_a')).toBeUndefined();
    const [{ count }] = (await dataSource.query(`SELECT count(*)::int AS count FROM stored_responses`)) as {
      count: number;
    }[];
    expect(count - 1).toBeGreaterThan(2); // more than one batch of 2
    expect(await store.purgeExpired(2)).toBe(count - 1);
    const left = (await dataSource.query(`SELECT id FROM stored_responses`)) as { id: string }[];
    expect(left.map((r) => r.id)).toEqual(['resp_fresh']);
  });
});
