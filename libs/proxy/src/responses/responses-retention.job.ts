import { Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { ResponsesStore } from '@switchboard/responses';

const PURGE_EVERY_MS = 10 * 60_000;

/** Deletes expired stored responses every ten minutes, in batches; every replica may run it (deletes are idempotent). */
export class ResponsesRetentionJob implements OnModuleInit, OnModuleDestroy {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private readonly logger = new Logger('ResponsesRetention');

  constructor(private readonly store: ResponsesStore) {}

  onModuleInit(): void {
    this.timer = setInterval(() => this.tick(), PURGE_EVERY_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
    await this.running;
  }

  private tick(): void {
    if (this.running !== undefined) return;
    this.running = this.store
      .purgeExpired()
      .then((count) => {
        if (count > 0) this.logger.log(`Deleted ${count} expired stored responses.`);
      })
      .catch((error: unknown) => this.logger.warn(`Retention purge failed: ${(error as Error)?.message}`))
      .finally(() => (this.running = undefined));
  }
}
