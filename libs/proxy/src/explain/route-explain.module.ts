import { Module } from '@nestjs/common';
import { ModelOverrideRepository } from '@switchboard/catalogue/persistence/model-override.repository';
import { RouteRepository } from '@switchboard/routes/persistence/route.repository';
import { KeyLimiter } from '@switchboard/keys/limits/key-limiter';
import { LimitCounters } from '@switchboard/keys/limits/limit-counters';
import { ConsumerKeyRepository } from '@switchboard/keys/persistence/consumer-key.repository';
import { KeyUsageRepository } from '@switchboard/keys/persistence/key-usage.repository';
import { KeyStandingReader } from '@switchboard/keys/standing/key-standing.reader';
import { DataSource } from 'typeorm';
import { EXPLAIN_OVERRIDES, RouteExplainController } from './route-explain.controller';

/**
 * POST /admin/routes/:id/explain (needs the global CoreModule: InstanceHealthRegistry, DataSource and the key
 * LimitCounters, which it reads and never counts on).
 */
@Module({
  controllers: [RouteExplainController],
  providers: [
    {
      provide: RouteRepository,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => new RouteRepository(dataSource),
    },
    {
      provide: EXPLAIN_OVERRIDES,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => new ModelOverrideRepository(dataSource),
    },
    {
      provide: KeyStandingReader,
      inject: [DataSource, LimitCounters],
      useFactory: (dataSource: DataSource, counters: LimitCounters) =>
        new KeyStandingReader(
          new ConsumerKeyRepository(dataSource),
          new KeyLimiter(counters.store, new KeyUsageRepository(dataSource)),
        ),
    },
  ],
})
export class RouteExplainModule {}
