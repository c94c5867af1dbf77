import { Logger } from '@nestjs/common';
import { periodId, type UsageDelta } from '../persistence/key-usage.repository';

/** Where a batch goes: one statement for every key and period it holds. */
export interface UsageDeltaSink {
  addBatch(deltas: readonly UsageDelta[]): Promise<void>;
}

interface PendingKey {
  /** Tokens by period id (`day:…`, `month:…`, `total`), as of when they were used. */
  tokens: Map<string, number>;
  lastUsedAt: Date;
}

/**
 * Key usage (tokens per period, last use) gathered in memory and written to Postgres in one statement per
 * flush, so the data plane never waits on a write and Postgres sees one write per interval, not per request.
 * Limits and budgets do not wait for it: they act on the live counters. A failed write keeps the deltas for the
 * next flush; `close()` flushes what is left (shutdown).
 */
export class KeyUsageBatch {
  private readonly logger = new Logger('KeyUsage');
  private pending = new Map<string, PendingKey>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private failing = false;

  constructor(
    private readonly sink: UsageDeltaSink,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    if (this.timer !== undefined) return;
    this.timer = setInterval(() => void this.flush(), this.intervalMs);
    this.timer.unref();
  }

  /** One keyed request ended at `at` having used `tokens` (0 for a refusal or an answer without usage). */
  record(keyId: string, tokens: number, at: Date): void {
    const entry = this.pending.get(keyId) ?? { tokens: new Map<string, number>(), lastUsedAt: at };
    if (at > entry.lastUsedAt) entry.lastUsedAt = at;
    if (tokens > 0) {
      for (const period of [periodId('day', at), periodId('month', at), 'total'])
        entry.tokens.set(period, (entry.tokens.get(period) ?? 0) + tokens);
    }
    this.pending.set(keyId, entry);
  }

  /** Writes everything gathered so far (one flush at a time; a flush asked for meanwhile follows it). */
  flush(): Promise<void> {
    const next = (this.flushing ?? Promise.resolve()).then(() => this.write());
    this.flushing = next;
    void next.finally(() => {
      if (this.flushing === next) this.flushing = undefined;
    });
    return next;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  private async write(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    const deltas: UsageDelta[] = [...batch].map(([keyId, entry]) => ({
      keyId,
      lastUsedAt: entry.lastUsedAt,
      tokens: [...entry.tokens].map(([period, tokens]) => ({ period, tokens })),
    }));
    try {
      await this.sink.addBatch(deltas);
      if (this.failing) this.logger.log('Key usage written again');
      this.failing = false;
    } catch (error) {
      if (!this.failing)
        this.logger.warn(
          `Could not write key usage (${(error as Error).message}); keeping it for the next try`,
        );
      this.failing = true;
      for (const delta of deltas) {
        for (const { period, tokens } of delta.tokens)
          this.requeue(delta.keyId, period, tokens, delta.lastUsedAt);
        if (delta.tokens.length === 0) this.requeue(delta.keyId, undefined, 0, delta.lastUsedAt);
      }
    }
  }

  private requeue(keyId: string, period: string | undefined, tokens: number, at: Date): void {
    const entry = this.pending.get(keyId) ?? { tokens: new Map<string, number>(), lastUsedAt: at };
    if (at > entry.lastUsedAt) entry.lastUsedAt = at;
    if (period !== undefined) entry.tokens.set(period, (entry.tokens.get(period) ?? 0) + tokens);
    this.pending.set(keyId, entry);
  }
}
