import { Logger } from '@nestjs/common';
import type { Observable, Subscription } from 'rxjs';
import type { KeyLimiter } from '../limits/key-limiter';
import type { ConsumerKeyRegistry } from '../registry/consumer-key.registry';
import { NANO_PER_USD } from '../persistence/key-usage.repository';
import type { KeyUsageBatch } from './key-usage.batch';
import { UnpricedSpend } from './unpriced-spend';

/** The part of the data plane's RequestRecord that usage settlement reads. */
export interface UsageBearingRecord {
  readonly key: { id: string; name: string } | null;
  readonly usage: { input: number; output: number } | null;
  /** USD at the catalogue's prices; null when the model or its prices are unknown. */
  readonly cost_usd: number | null;
  /** The model the upstream reported (named in the unpriced warning). */
  readonly upstream_model: string | null;
}

/**
 * Settles each finished keyed request: its tokens (input + output) and cost on the live counters first (limits
 * act on the next request), then into the batch that Postgres receives once per interval. A request with usage
 * but no cost (the model has no catalogue price) adds nothing to a USD budget: it is counted in
 * `switchboard_key_budget_unpriced_requests_total` and warned about once per model.
 * Never blocks or throws into the data plane.
 */
export class KeyUsageSettler {
  private readonly logger = new Logger('KeyUsage');
  private subscription: Subscription | undefined;
  /**
   * Settlements running, counted rather than kept in a Set: a Set churned once per request keeps replacing its
   * hash table, and a table already in the old generation holds the settled records alive into it.
   */
  private inFlight = 0;
  private whenIdle: Array<() => void> = [];
  private readonly unpriced = new UnpricedSpend();

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
    if (this.inFlight === 0) return;
    await new Promise<void>((resolve) => this.whenIdle.push(resolve));
  }

  stop(): void {
    this.subscription?.unsubscribe();
  }

  private async settle(record: UsageBearingRecord): Promise<void> {
    if (record.key === null) return;
    const at = this.now();
    const tokens = record.usage === null ? 0 : record.usage.input + record.usage.output;
    const cost = record.cost_usd !== null && record.cost_usd > 0 ? record.cost_usd : null;
    const key = this.registry.get(record.key.id);
    if (key?.budget?.usd !== undefined && record.usage !== null && record.cost_usd === null)
      this.unpriced.seen(record.upstream_model, key.name);
    if (key && (tokens > 0 || cost !== null)) {
      try {
        await this.limiter.settle(key, tokens, cost);
      } catch (error) {
        this.logger.warn(
          `Could not count ${tokens} tokens for key "${record.key.name}": ${(error as Error).message}`,
        );
      }
    }
    this.batch.record(record.key.id, tokens, at, cost === null ? 0 : Math.round(cost * NANO_PER_USD));
  }

  private track(work: Promise<void>): void {
    this.inFlight++;
    work.then(
      () => this.settled(),
      (error: unknown) => {
        this.settled();
        this.logger.warn(`Could not settle a request's usage: ${(error as Error)?.message ?? String(error)}`);
      },
    );
  }

  private settled(): void {
    if (--this.inFlight > 0) return;
    const waiting = this.whenIdle;
    this.whenIdle = [];
    for (const resolve of waiting) resolve();
  }
}
