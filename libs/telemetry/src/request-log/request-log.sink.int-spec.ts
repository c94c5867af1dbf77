import { createDataSource, runMigrations } from '@switchboard/database/data-source.factory';
import { SWITCHBOARD_SCHEMA } from '@switchboard/core/schema';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@switchboard/testing/database';
import { REQUEST_RECORD_STARTED, requestRecord } from '@switchboard/testing/request-record';
import { RequestLogBatch } from './request-log.batch';
import { insertRequestLog, insertRequestLogBatch, wellFormedJson } from './request-log.sink';

const STARTED = REQUEST_RECORD_STARTED;
const record = requestRecord;

describe('request-log rows (Postgres)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = createDataSource({ url: db.url, poolSize: db.embedded ? 1 : 2, schema: SWITCHBOARD_SCHEMA });
    await dataSource.initialize();
    await runMigrations(dataSource);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('stores every field of a batch, texts as sent (quotes, backslashes, emoji), a lone surrogate as U+FFFD', async () => {
    const long = 'x'.repeat(3000);
    await insertRequestLog(
      (text, parameters) => dataSource.query(text, parameters),
      [
        record('full'),
        record('bare', {
          stream: false,
          model: null,
          route_id: null,
          route: null,
          instance: null,
          upstream_model: null,
          attempts: [],
          status: 404,
          error: { code: 'MODEL_NOT_FOUND', message: long },
          usage: null,
          ttfb_ms: null,
          key: null,
          cost_usd: null,
          dropped_tools: [],
        }),
        record('texts', { model: 'a\\"b\\\\ud800 🚀 \ud800 end', upstream_model: 'y'.repeat(250) }),
      ],
    );
    const rows = (await dataSource.query(
      `SELECT *, extract(epoch FROM started_at) * 1000 AS started_ms FROM request_log ORDER BY id`,
    )) as Record<string, unknown>[];
    expect(rows.map((row) => row.request_id)).toEqual(['full', 'bare', 'texts']);
    const [full, bare, texts] = rows;
    expect(Number(full.started_ms)).toBe(STARTED);
    expect(full).toMatchObject({
      duration_ms: 15.25,
      ttfb_ms: 4.75,
      client_protocol: 'anthropic-messages',
      endpoint: 'messages',
      stream: true,
      model: 'claude-x',
      route_id: 'route-id',
      route: 'route',
      instance: 'primary',
      upstream_model: 'claude-x-2026',
      status: 200,
      error_code: null,
      error_message: null,
      attempts: record('full').attempts,
      input_tokens: 11,
      output_tokens: 7,
      cache_read_tokens: 3,
      cache_creation_tokens: 2,
      reasoning_tokens: 1,
      key_id: 'key-id',
      key_name: 'team "a"',
      cost_usd: 0.000123,
      dropped_tools: ['web_search'],
    });
    expect(bare).toMatchObject({
      stream: false,
      model: null,
      route: null,
      status: 404,
      error_code: 'MODEL_NOT_FOUND',
      error_message: 'x'.repeat(2048),
      attempts: [],
      input_tokens: null,
      ttfb_ms: null,
      key_id: null,
      cost_usd: null,
      dropped_tools: null,
    });
    expect(texts.model).toBe('a\\"b\\\\ud800 🚀 \ufffd end');
    expect(texts.upstream_model).toBe('y'.repeat(200));
  });

  it('writes only the rows of a batch after its dropped ones, each with its own attempts', async () => {
    const [first, second] = record('x').attempts;
    const batch = RequestLogBatch.of([
      record('dropped', { attempts: [first] }),
      record('two attempts', { attempts: [first, second] }),
      record('none', {
        attempts: [],
        error: { code: 'UPSTREAM_ERROR', message: 'line 1\nline 2\t"quoted"\\' },
      }),
      record('one', { attempts: [second], usage: null }),
    ]);
    batch.start = 1;
    await insertRequestLogBatch((text, parameters) => dataSource.query(text, parameters), batch);
    const rows = (await dataSource.query(
      `SELECT request_id, attempts, error_message, input_tokens FROM request_log
        WHERE request_id IN ('dropped', 'two attempts', 'none', 'one') ORDER BY id`,
    )) as Record<string, unknown>[];
    expect(rows).toEqual([
      { request_id: 'two attempts', attempts: [first, second], error_message: null, input_tokens: 11 },
      { request_id: 'none', attempts: [], error_message: 'line 1\nline 2\t"quoted"\\', input_tokens: 11 },
      { request_id: 'one', attempts: [second], error_message: null, input_tokens: null },
    ]);
  });

  it('wellFormedJson replaces only escaped lone surrogates', () => {
    expect(wellFormedJson(['\ud800', '\\ud800', '\\\ud800', '🚀', '\udfff!'])).toBe(
      JSON.stringify(['\ufffd', '\\ud800', '\\\ufffd', '🚀', '\ufffd!']),
    );
  });
});
