import { Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@switchboard/config';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { ConsumerKeyGate } from './gate/consumer-key.gate';
import type { CounterStore } from './limits/counter-store';
import { KeyLimiter } from './limits/key-limiter';
import { MemoryCounterStore } from './limits/memory-counter.store';
import { RedisCounterStore } from './limits/redis-counter.store';
import { ResilientCounterStore } from './limits/resilient-counter.store';
import { ConsumerKeyRepository } from './persistence/consumer-key.repository';
import { KeyUsageRepository } from './persistence/key-usage.repository';
import { ConsumerKeyRegistry } from './registry/consumer-key.registry';
import { KeyChangeBus } from './registry/key-change.bus';
import { KeyUsageBatch } from './usage/key-usage.batch';
import { KeyUsageSettler } from './usage/key-usage.settler';

/** Other processes' key writes are seen within this (the issue asks for 2 s). */
const MAX_KEY_POLL_MS = 1000;
/** Key usage and last use reach Postgres at most this late (one write per interval, not per request). */
const USAGE_FLUSH_MS = 1000;

/** The limit counters: Redis (with a per-process fallback) when REDIS_URL is set, else memory. */
class LimitCounters implements OnApplicationShutdown {
  readonly store: CounterStore;
  private readonly redis: Redis | undefined;

  constructor(config: AppConfig) {
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

  onApplicationShutdown(): void {
    this.redis?.disconnect();
  }
}

/**
 * Settlement stops with the app (the data plane wires its record stream in with `subscribeTo`), then the last
 * usage batch is written.
 */
class SettlerLifecycle implements OnApplicationShutdown {
  constructor(
    private readonly settler: KeyUsageSettler,
    private readonly batch: KeyUsageBatch,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    this.settler.stop();
    await this.settler.drain();
    await this.batch.close();
  }
}

/**
 * Data-plane side of consumer keys: the ConsumerKeyGate and the KeyUsageSettler (needs the global CoreModule:
 * AppConfig, DataSource, KeyChangeBus).
 */
@Module({
  providers: [
    {
      provide: LimitCounters,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => new LimitCounters(config),
    },
    {
      provide: KeyUsageRepository,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => new KeyUsageRepository(dataSource),
    },
    {
      provide: ConsumerKeyRegistry,
      inject: [DataSource, KeyChangeBus, AppConfig],
      useFactory: (dataSource: DataSource, bus: KeyChangeBus, config: AppConfig) =>
        new ConsumerKeyRegistry(
          new ConsumerKeyRepository(dataSource),
          bus,
          Math.min(config.routeRefreshIntervalMs || MAX_KEY_POLL_MS, MAX_KEY_POLL_MS),
        ),
    },
    {
      provide: KeyLimiter,
      inject: [LimitCounters, KeyUsageRepository],
      useFactory: (counters: LimitCounters, usage: KeyUsageRepository) =>
        new KeyLimiter(counters.store, usage),
    },
    {
      provide: ConsumerKeyGate,
      inject: [AppConfig, ConsumerKeyRegistry, KeyLimiter],
      useFactory: (config: AppConfig, registry: ConsumerKeyRegistry, limiter: KeyLimiter) => {
        if (config.gatewayAuth === 'none') {
          new Logger('ConsumerKeys').warn(
            "GATEWAY_AUTH=none: the data plane serves anyone who reaches it, with the gateway's upstream keys",
          );
        }
        return new ConsumerKeyGate(config.gatewayAuth, registry, limiter);
      },
    },
    {
      provide: KeyUsageBatch,
      inject: [KeyUsageRepository],
      useFactory: (usage: KeyUsageRepository) => {
        const batch = new KeyUsageBatch(usage, USAGE_FLUSH_MS);
        batch.start();
        return batch;
      },
    },
    {
      provide: KeyUsageSettler,
      inject: [ConsumerKeyRegistry, KeyLimiter, KeyUsageBatch],
      useFactory: (registry: ConsumerKeyRegistry, limiter: KeyLimiter, batch: KeyUsageBatch) =>
        new KeyUsageSettler(registry, limiter, batch),
    },
    {
      provide: SettlerLifecycle,
      inject: [KeyUsageSettler, KeyUsageBatch],
      useFactory: (settler: KeyUsageSettler, batch: KeyUsageBatch) => new SettlerLifecycle(settler, batch),
    },
  ],
  exports: [ConsumerKeyGate, KeyUsageSettler],
})
export class KeysGateModule {}
