import { Logger } from '@nestjs/common';
import { periodId, type PeriodSpend, type UsageDelta } from '../persistence/key-usage.repository';

/** Where a batch goes: one statement for every key and period it holds. */
export interface UsageDeltaSink {
  addBatch(deltas: readonly UsageDelta[]): Promise<void>;
}

interface PendingKey {
  /** Tokens and nano-dollars by period id (`day:…`, `month:…`, `total`), as of when they were used. */
  tokens: Map<string, PeriodSpend>;
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

  /**
   * One keyed request ended at `at` having used `tokens` and cost `nanoUsd` (0 for a refusal, an answer without
   * usage or an unpriced model).
   */
  record(keyId: string, tokens: number, at: Date, nanoUsd = 0): void {
    if (tokens > 0 || nanoUsd > 0) {
      for (const period of [periodId('day', at), periodId('month', at), 'total'])
        this.requeue(keyId, period, { tokens: Math.max(0, tokens), nanoUsd: Math.max(0, nanoUsd) }, at);
    } else this.requeue(keyId, undefined, { tokens: 0, nanoUsd: 0 }, at);
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
      tokens: [...entry.tokens].map(([period, spend]) => ({ period, ...spend })),
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
        for (const { period, tokens, nanoUsd } of delta.tokens)
          this.requeue(delta.keyId, period, { tokens, nanoUsd }, delta.lastUsedAt);
        if (delta.tokens.length === 0)
          this.requeue(delta.keyId, undefined, { tokens: 0, nanoUsd: 0 }, delta.lastUsedAt);
      }
    }
  }

  private requeue(keyId: string, period: string | undefined, spend: PeriodSpend, at: Date): void {
    const entry = this.pending.get(keyId) ?? { tokens: new Map<string, PeriodSpend>(), lastUsedAt: at };
    if (at > entry.lastUsedAt) entry.lastUsedAt = at;
    if (period !== undefined) {
      const sum = entry.tokens.get(period) ?? { tokens: 0, nanoUsd: 0 };
      entry.tokens.set(period, { tokens: sum.tokens + spend.tokens, nanoUsd: sum.nanoUsd + spend.nanoUsd });
    }
    this.pending.set(keyId, entry);
  }
}
