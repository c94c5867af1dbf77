import { Global, Module } from '@nestjs/common';
import {
  ROUTE_MODEL_WARNINGS,
  type RouteModelWarnings,
} from '@switchboard/routes/admin/route-model-warnings';
import { RouteChangeBus } from '@switchboard/routes/route-change.bus';
import { DataSource } from 'typeorm';
import { ModelOverrideRepository } from '../persistence/model-override.repository';
import { ModelsAdminService } from './models-admin.service';
import { ModelsController } from './models.controller';
import { ModelCatalogue } from '../model-catalogue';
import { checkModelInfo } from './model-info-check';
import { unknownModelWarnings } from './unknown-model-warnings';

/**
 * /admin/models (needs the global CoreModule: DataSource and RouteChangeBus). Global so /admin/routes can
 * inject ROUTE_MODEL_WARNINGS (unknown models named in a route's answers).
 */
@Global()
@Module({
  controllers: [ModelsController],
  providers: [
    {
      provide: ModelOverrideRepository,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => new ModelOverrideRepository(dataSource),
    },
    {
      provide: ModelsAdminService,
      inject: [ModelOverrideRepository, RouteChangeBus],
      useFactory: (repository: ModelOverrideRepository, bus: RouteChangeBus) =>
        new ModelsAdminService(repository, bus),
    },
    {
      provide: ROUTE_MODEL_WARNINGS,
      inject: [ModelOverrideRepository],
      useFactory: (repository: ModelOverrideRepository): RouteModelWarnings => ({
        warningsFor: async (route) =>
          unknownModelWarnings(route, new ModelCatalogue().withOverrides(await repository.list())),
        checkModelInfo,
      }),
    },
  ],
  exports: [ROUTE_MODEL_WARNINGS],
})
export class ModelsAdminModule {}
