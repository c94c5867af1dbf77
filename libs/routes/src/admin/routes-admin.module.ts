import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RouteRepository } from '../persistence/route.repository';
import { RoutesAdminService } from './routes-admin.service';
import { RoutesController } from './routes.controller';

/** /admin/routes (needs the global CoreModule: DataSource and RouteChangeBus). */
@Module({
  controllers: [RoutesController],
  providers: [
    {
      provide: RouteRepository,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => new RouteRepository(dataSource),
    },
    RoutesAdminService,
  ],
  exports: [RoutesAdminService],
})
export class RoutesAdminModule {}
