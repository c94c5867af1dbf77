import type { RequestLogMode } from '@switchboard/config';
import type { RequestRecord } from '@switchboard/proxy';
import type { SqlRunner } from '../sql';
import { RequestLogQueue } from './request-log.queue';
import { insertRequestLogBatch } from './request-log.sink';

export interface RequestLogWriterOptions {
  mode: RequestLogMode;
  /** Records held while the database is slow or down; beyond it the oldest are dropped. */
  capacity?: number;
  batchSize?: number;
  flushIntervalMs?: number;
  /** Told how many records were dropped (the metric). */
  onDropped?: (count: number) => void;
  /** Told when a batch fails (logged, rate-limited by the caller). */
  onError?: (error: unknown) => void;
}

/**
 * Writes finished requests to `request_log` in batches, off the request path: `enqueue` only pushes onto a
 * bounded in-memory queue; a timer (at least every second) and a full batch trigger one INSERT at a time. A
 * failed batch goes back to the front of the queue; when the queue is full the oldest records are dropped
 * and counted. Never throws.
 */
export class RequestLogWriter {
  private readonly queue: RequestLogQueue;
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private droppedTotal = 0;
  private written = 0;

  constructor(
    private readonly sql: SqlRunner,
    private readonly options: RequestLogWriterOptions,
  ) {
    this.queue = new RequestLogQueue(options.capacity ?? 10_000, options.batchSize ?? 500);
  }

  get dropped(): number {
    return this.droppedTotal;
  }

  /** Rows written so far (for tests and the heartbeat). */
  get writtenRows(): number {
    return this.written;
  }

  get queued(): number {
    return this.queue.size;
  }

  start(): void {
    this.timer ??= setInterval(() => void this.flush(), this.options.flushIntervalMs ?? 1000);
    this.timer.unref();
  }

  enqueue(record: RequestRecord): void {
    const mode = this.options.mode;
    if (mode === 'off') return;
    if (mode === 'errors' && record.status < 400 && record.error === null) return;
    if (this.queue.push(record)) this.drop(1);
    if (this.queue.sealedBatches > 0 && this.flushing === undefined) void this.flush();
  }

  /** Writes what is queued, one batch at a time; resolves when done or when a batch fails. */
  flush(): Promise<void> {
    this.flushing ??= this.drain().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  /** Stops the timer and writes what is left (one attempt). */
  async close(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    await this.flushing;
    await this.flush();
  }

  /**
   * Writes the records queued when it starts. Those that arrive meanwhile wait for the timer or a full batch:
   * draining until the queue is empty would, under load, write a small batch every round trip.
   */
  private async drain(): Promise<void> {
    this.queue.seal();
    for (let left = this.queue.sealedBatches; left > 0; left--) {
      const batch = this.queue.takeOldest();
      if (batch === undefined) return;
      try {
        await insertRequestLogBatch(this.sql, batch);
        this.written += batch.size;
        this.queue.recycle(batch);
      } catch (error) {
        const lost = this.queue.unshift(batch);
        if (lost > 0) this.drop(lost);
        this.options.onError?.(error);
        return;
      }
    }
  }

  private drop(count: number): void {
    this.droppedTotal += count;
    this.options.onDropped?.(count);
  }
}
