import { Module } from '@nestjs/common';
import { ModelOverrideRepository } from '@switchboard/catalogue/persistence/model-override.repository';
import { RouteRepository } from '@switchboard/routes/persistence/route.repository';
import { DataSource } from 'typeorm';
import { EXPLAIN_OVERRIDES, RouteExplainController } from './route-explain.controller';

/** POST /admin/routes/:id/explain (needs the global CoreModule: InstanceHealthRegistry, DataSource). */
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
  ],
})
export class RouteExplainModule {}
