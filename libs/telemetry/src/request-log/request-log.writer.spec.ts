import type { RequestRecord } from '@switchboard/proxy';
import { requestRecord } from '@switchboard/testing/request-record';
import { RequestLogQueue } from './request-log.queue';
import { RequestLogWriter } from './request-log.writer';

const record = (id: string, status = 200): RequestRecord => requestRecord(id, { status });

/** The request ids of one INSERT's rows (its first parameter: the request_id column as JSON). */
const requestIds = (parameters: unknown[]): string[] =>
  JSON.parse((parameters[0] as Buffer).toString('utf8')) as string[];

/** The request ids a batch would write. */
const idsOf = (batch: { start: number; length: number; requestId: string[] } | undefined): string[] =>
  batch === undefined ? [] : batch.requestId.slice(batch.start, batch.length);

describe('RequestLogQueue', () => {
  it('fills batches of batchSize, drops the oldest rows when full and puts failed batches back as room allows', () => {
    const queue = new RequestLogQueue(5, 2);
    const pushed = ['1', '2', '3', '4', '5', '6'].map((id) => queue.push(record(id)));
    expect(pushed).toEqual([false, false, false, false, false, true]);
    expect(queue.size).toBe(5);
    expect(queue.sealedBatches).toBe(3);
    const first = queue.takeOldest()!;
    const second = queue.takeOldest()!;
    expect([idsOf(first), idsOf(second)]).toEqual([['2'], ['3', '4']]);
    queue.push(record('7'));
    queue.push(record('8'));
    expect(queue.unshift(second)).toBe(1);
    expect(queue.unshift(first)).toBe(1);
    expect(queue.size).toBe(5);
    const batches = [queue.takeOldest(), queue.takeOldest(), queue.takeOldest(), queue.takeOldest()];
    expect(batches.map(idsOf)).toEqual([['4'], ['5', '6'], ['7', '8'], []]);
  });

  it('fills a recycled batch again with only the new rows and their own attempts', () => {
    const queue = new RequestLogQueue(10, 2);
    const [skipped, success] = requestRecord('x').attempts;
    queue.push(requestRecord('a', { attempts: [skipped, success] }));
    queue.push(requestRecord('b', { attempts: [success] }));
    const written = queue.takeOldest()!;
    queue.recycle(written);
    queue.push(requestRecord('c', { attempts: [] }));
    queue.push(requestRecord('d', { attempts: [skipped] }));
    const again = queue.takeOldest()!;
    expect(again).toBe(written);
    expect(idsOf(again)).toEqual(['c', 'd']);
    expect([again.attemptsOf(0), again.attemptsOf(1)]).toEqual([[], [skipped]]);
  });

  it('starts a new batch after seal, so a write takes only what was queued when it began', () => {
    const queue = new RequestLogQueue(100, 10);
    queue.push(record('a'));
    expect(queue.sealedBatches).toBe(0);
    queue.seal();
    queue.push(record('b'));
    expect(queue.sealedBatches).toBe(1);
    expect(idsOf(queue.takeOldest())).toEqual(['a']);
    expect(idsOf(queue.takeOldest())).toEqual(['b']);
    expect(queue.size).toBe(0);
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
