import { Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@switchboard/config';
import { DataSource } from 'typeorm';
import { ConsumerKeyGate } from './gate/consumer-key.gate';
import { KeyLimiter } from './limits/key-limiter';
import { LimitCounters } from './limits/limit-counters';
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
 * AppConfig, DataSource, KeyChangeBus, LimitCounters).
 */
@Module({
  providers: [
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
