import { Logger } from '@nestjs/common';
import type { Observable, Subscription } from 'rxjs';
import type { KeyLimiter } from '../limits/key-limiter';
import type { ConsumerKeyRegistry } from '../registry/consumer-key.registry';
import type { KeyUsageBatch } from './key-usage.batch';

/** The part of the data plane's RequestRecord that usage settlement reads. */
export interface UsageBearingRecord {
  readonly key: { id: string; name: string } | null;
  readonly usage: { input: number; output: number } | null;
}

/**
 * Settles each finished keyed request: its tokens (input + output) on the live counters first (limits act on
 * the next request), then its tokens and time of use into the batch that Postgres receives once per interval.
 * Never blocks or throws into the data plane.
 */
export class KeyUsageSettler {
  private readonly logger = new Logger('KeyUsage');
  private subscription: Subscription | undefined;
  private pending = new Set<Promise<void>>();

  constructor(
    private readonly registry: ConsumerKeyRegistry,
    private readonly limiter: KeyLimiter,
    private readonly batch: KeyUsageBatch,
    private readonly now: () => Date = () => new Date(),
  ) {}

  subscribeTo(records$: Observable<UsageBearingRecord>): void {
    this.subscription?.unsubscribe();
    // An unkeyed record (GATEWAY_AUTH=none) settles nothing: no promise for it.
    this.subscription = records$.subscribe((record) => {
      if (record.key !== null) this.track(this.settle(record));
    });
  }

  /** Resolves when every settlement started so far has finished (shutdown, tests). */
  async drain(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  stop(): void {
    this.subscription?.unsubscribe();
  }

  private async settle(record: UsageBearingRecord): Promise<void> {
    if (record.key === null) return;
    const tokens = record.usage === null ? 0 : record.usage.input + record.usage.output;
    this.batch.record(record.key.id, tokens, this.now());
    if (tokens <= 0) return;
    const key = this.registry.get(record.key.id);
    try {
      if (key) await this.limiter.settle(key, tokens);
    } catch (error) {
      this.logger.warn(
        `Could not count ${tokens} tokens for key "${record.key.name}": ${(error as Error).message}`,
      );
    }
  }

  private track(work: Promise<void>): void {
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }
}
