import { Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ADVISORY_LOCKS, type ExclusiveOutcome, runExclusive } from '@switchboard/database';
import type { ResponsesStore } from '@switchboard/responses';
import type { DataSource } from 'typeorm';

const PURGE_EVERY_MS = 10 * 60_000;

/**
 * Deletes expired stored responses every ten minutes, in batches. Every replica runs the timer, but a pass runs
 * only under the responses-retention advisory lock: one replica deletes at a time, the others skip that round.
 */
export class ResponsesRetentionJob implements OnModuleInit, OnModuleDestroy {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private readonly logger = new Logger('ResponsesRetention');

  constructor(
    private readonly store: ResponsesStore,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => this.tick(), PURGE_EVERY_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
    await this.running;
  }

  /** One pass: the rows deleted, or `{ ran: false }` when another replica's pass holds the lock. */
  purgeOnce(): Promise<ExclusiveOutcome<number>> {
    return runExclusive(this.dataSource, ADVISORY_LOCKS.responsesRetention, (sql) =>
      this.store.purgeExpired(1000, sql),
    );
  }

  private tick(): void {
    if (this.running !== undefined) return;
    this.running = this.purgeOnce()
      .then((outcome) => {
        if (outcome.ran && outcome.result > 0) {
          this.logger.log(`Deleted ${outcome.result} expired stored responses.`);
        }
      })
      .catch((error: unknown) => this.logger.warn(`Retention purge failed: ${(error as Error)?.message}`))
      .finally(() => (this.running = undefined));
  }
}
