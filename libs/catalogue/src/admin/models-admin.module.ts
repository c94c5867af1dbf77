import { Module } from '@nestjs/common';
import { RouteChangeBus } from '@switchboard/routes/route-change.bus';
import { DataSource } from 'typeorm';
import { ModelOverrideRepository } from '../persistence/model-override.repository';
import { ModelsAdminService } from './models-admin.service';
import { ModelsController } from './models.controller';

/** /admin/models (needs the global CoreModule: DataSource and RouteChangeBus). */
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
  ],
})
export class ModelsAdminModule {}
