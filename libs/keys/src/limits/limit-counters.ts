import type { AppConfig } from '@switchboard/config';
import Redis from 'ioredis';
import type { CounterStore } from './counter-store';
import { MemoryCounterStore } from './memory-counter.store';
import { RedisCounterStore } from './redis-counter.store';
import { ResilientCounterStore } from './resilient-counter.store';

/**
 * The process's key limit counters: Redis (with a per-process fallback) when REDIS_URL is set, else memory.
 * One per process (a Core singleton), so the data plane that counts and the admin's explain that reads see
 * the same windows and budgets in the one-process mode.
 */
export class LimitCounters {
  readonly store: CounterStore;
  private readonly redis: Redis | undefined;

  constructor(config: Pick<AppConfig, 'redisUrl' | 'redisKeyPrefix'>) {
    const local = new MemoryCounterStore();
    if (!config.redisUrl) {
      this.store = local;
      return;
    }
    this.redis = new Redis(config.redisUrl, {
      // Fail fast while Redis is down (the fallback answers), keep reconnecting in the background.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: 1000,
      commandTimeout: 500,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    });
    this.redis.on('error', () => undefined);
    this.store = new ResilientCounterStore(
      new RedisCounterStore(this.redis, `${config.redisKeyPrefix}limits:`),
      local,
    );
  }

  close(): void {
    this.redis?.disconnect();
  }
}
