import { Logger } from '@nestjs/common';
import type { CounterStore, CounterValue } from './counter-store';
import { redisFallbackCounter } from './limits.metrics';

/**
 * Redis when it answers, else this process's own counters: a Redis outage loosens limits to per-replica
 * for its duration, it never refuses traffic. Warns once per outage and counts every fallen-back operation
 * (`switchboard_key_limit_redis_fallbacks_total`).
 */
export class ResilientCounterStore implements CounterStore {
  private readonly logger = new Logger('KeyLimits');
  private down = false;

  constructor(
    private readonly shared: CounterStore,
    private readonly local: CounterStore,
  ) {}

  add(name: string, amount: number, windowMs: number | null): Promise<CounterValue> {
    return this.attempt(
      () => this.shared.add(name, amount, windowMs),
      () => this.local.add(name, amount, windowMs),
    );
  }

  get(name: string): Promise<CounterValue | null> {
    return this.attempt(
      () => this.shared.get(name),
      () => this.local.get(name),
    );
  }

  seed(name: string, value: number, windowMs: number | null): Promise<CounterValue> {
    return this.attempt(
      () => this.shared.seed(name, value, windowMs),
      () => this.local.seed(name, value, windowMs),
    );
  }

  private async attempt<T>(shared: () => Promise<T>, local: () => Promise<T>): Promise<T> {
    try {
      const result = await shared();
      if (this.down) this.logger.log('Redis reachable again: key limits are shared by every replica again');
      this.down = false;
      return result;
    } catch (error) {
      if (!this.down) {
        this.logger.warn(
          `Redis unavailable (${(error as Error).message}): key limits fall back to per-process counters`,
        );
      }
      this.down = true;
      redisFallbackCounter().inc();
      return local();
    }
  }
}
