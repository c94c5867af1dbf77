import type { RequestRecord } from '@switchboard/proxy';
import { RequestLogBatch } from './request-log.batch';

const MAX_SPARE_BATCHES = 2;

/**
 * Batches of finished requests, oldest first, bounded in rows: a push beyond the bound drops the oldest row
 * and says so. The newest batch fills until it holds `batchSize` rows or is sealed (a write starting), then a
 * new one opens.
 */
export class RequestLogQueue {
  private readonly batches: RequestLogBatch[] = [];
  /** Written batches kept for reuse (see RequestLogBatch.reset). */
  private readonly spare: RequestLogBatch[] = [];
  private open: RequestLogBatch | undefined;
  private rows = 0;

  constructor(
    readonly capacity: number,
    private readonly batchSize: number,
  ) {}

  get size(): number {
    return this.rows;
  }

  /** Batches that are full or sealed, ready to write. */
  get sealedBatches(): number {
    return this.batches.length - (this.open === undefined ? 0 : 1);
  }

  /** Returns true when the oldest row was dropped to make room. */
  push(record: RequestRecord): boolean {
    const dropped = this.rows === this.capacity;
    if (dropped) this.dropOldest();
    if (this.open === undefined) {
      this.open = this.spare.pop() ?? new RequestLogBatch(this.batchSize);
      this.batches.push(this.open);
    }
    this.open.append(record);
    this.rows++;
    if (this.open.full) this.open = undefined;
    return dropped;
  }

  /** Closes the batch being filled: what arrives from now on goes into a new one. */
  seal(): void {
    this.open = undefined;
  }

  /** Removes and returns the oldest batch, sealing it if it was still open. */
  takeOldest(): RequestLogBatch | undefined {
    const batch = this.batches.shift();
    if (batch === undefined) return undefined;
    if (batch === this.open) this.open = undefined;
    this.rows -= batch.size;
    return batch;
  }

  /** Takes back a batch that has been written, to fill again. */
  recycle(batch: RequestLogBatch): void {
    if (this.spare.length >= MAX_SPARE_BATCHES) return;
    batch.reset();
    this.spare.push(batch);
  }

  /**
   * Puts a batch taken earlier back in front, as far as room allows; returns how many of its oldest rows
   * could not go back.
   */
  unshift(batch: RequestLogBatch): number {
    const lost = Math.max(0, batch.size - (this.capacity - this.rows));
    batch.start += lost;
    if (batch.size > 0) {
      this.batches.unshift(batch);
      this.rows += batch.size;
    }
    return lost;
  }

  private dropOldest(): void {
    const oldest = this.batches[0];
    oldest.start++;
    this.rows--;
    if (oldest.size > 0) return;
    this.batches.shift();
    if (oldest === this.open) this.open = undefined;
  }
}
