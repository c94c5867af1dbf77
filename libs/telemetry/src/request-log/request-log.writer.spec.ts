import type { RequestRecord } from '@switchboard/proxy';
import { BoundedQueue } from './bounded-queue';
import { RequestLogWriter } from './request-log.writer';

const record = (id: string, status = 200): RequestRecord =>
  ({
    request_id: id,
    status,
    error: null,
    attempts: [],
    started_at: 0,
    dropped_tools: [],
  }) as unknown as RequestRecord;

/** The request ids of one INSERT's rows (one JSON parameter). */
const requestIds = (parameters: unknown[]): string[] =>
  (JSON.parse(parameters[0] as string) as Array<{ request_id: string }>).map((row) => row.request_id);

describe('BoundedQueue', () => {
  it('drops the oldest when full and puts failed items back in front as room allows', () => {
    const queue = new BoundedQueue<number>(3);
    expect([1, 2, 3, 4].map((n) => queue.push(n))).toEqual([false, false, false, true]);
    const taken = queue.take(2);
    expect(taken).toEqual([2, 3]);
    queue.push(5);
    expect(queue.unshiftAll(taken)).toBe(1);
    expect(queue.take(10)).toEqual([3, 4, 5]);
  });
});

describe('RequestLogWriter', () => {
  it('keeps only errors with REQUEST_LOG=errors and nothing with off', async () => {
    const inserted: unknown[][] = [];
    const sql = async (_text: string, parameters?: unknown[]) => void inserted.push(parameters ?? []);
    const errors = new RequestLogWriter(sql, { mode: 'errors' });
    errors.enqueue(record('ok'));
    errors.enqueue(record('bad', 502));
    errors.enqueue({ ...record('cut'), error: { code: 'UPSTREAM_STREAM_CUT', message: 'x' } });
    await errors.flush();
    expect(errors.writtenRows).toBe(2);
    expect(requestIds(inserted[0])).toEqual(['bad', 'cut']);

    const off = new RequestLogWriter(sql, { mode: 'off' });
    off.enqueue(record('x', 500));
    expect(off.queued).toBe(0);
  });

  it('writes the records queued when a write starts; those that arrive during it wait for a full batch', async () => {
    const batches: string[][] = [];
    let release!: () => void;
    const firstWriteDone = new Promise<void>((resolve) => (release = resolve));
    const sql = async (_text: string, parameters?: unknown[]) => {
      batches.push(requestIds(parameters!));
      if (batches.length === 1) await firstWriteDone;
    };
    const writer = new RequestLogWriter(sql, { mode: 'on', batchSize: 3 });
    for (const id of ['a', 'b']) writer.enqueue(record(id));
    const first = writer.flush();
    for (const id of ['c', 'd']) writer.enqueue(record(id));
    release();
    await first;
    // Not a batch of two per round trip: c and d wait.
    expect(batches).toEqual([['a', 'b']]);
    expect(writer.queued).toBe(2);
    writer.enqueue(record('e'));
    await writer.flush();
    expect(batches).toEqual([
      ['a', 'b'],
      ['c', 'd', 'e'],
    ]);
    expect(writer.writtenRows).toBe(5);
  });

  it('never throws when the database fails, keeps the records and counts what the bound drops', async () => {
    let down = true;
    const written: string[] = [];
    const sql = async (_text: string, parameters?: unknown[]) => {
      if (down) throw new Error('connection refused');
      written.push(...requestIds(parameters!));
    };
    const drops: number[] = [];
    const writer = new RequestLogWriter(sql, { mode: 'on', capacity: 2, onDropped: (n) => drops.push(n) });
    for (const id of ['a', 'b', 'c']) writer.enqueue(record(id));
    await writer.flush();
    expect(writer.dropped).toBe(1);
    expect(writer.queued).toBe(2);
    down = false;
    await writer.close();
    expect(written).toEqual(['b', 'c']);
    expect(writer.writtenRows).toBe(2);
    expect(drops).toEqual([1]);
  });
});
