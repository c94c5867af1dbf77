import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { INSTANCE_SECRET_CODEC, type InstanceSecretCodec } from '../persistence/instance-secret.codec';
import { RouteRepository } from '../persistence/route.repository';
import { RoutesAdminService } from './routes-admin.service';
import { RoutesController } from './routes.controller';

/** /admin/routes (needs the global CoreModule: DataSource and RouteChangeBus). */
@Module({
  controllers: [RoutesController],
  providers: [
    {
      provide: RouteRepository,
      inject: [DataSource, INSTANCE_SECRET_CODEC],
      useFactory: (dataSource: DataSource, codec: InstanceSecretCodec) =>
        new RouteRepository(dataSource, codec),
    },
    RoutesAdminService,
  ],
  exports: [RoutesAdminService],
})
export class RoutesAdminModule {}
