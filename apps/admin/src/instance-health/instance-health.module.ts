import { Module } from '@nestjs/common';
import { RouteRepository } from '@switchboard/routes/persistence/route.repository';
import { DataSource } from 'typeorm';
import { InstanceHealthController } from './instance-health.controller';

/** Admin-side instance health (needs the global CoreModule: CORE, InstanceHealthRegistry, DataSource). */
@Module({
  controllers: [InstanceHealthController],
  providers: [
    {
      provide: RouteRepository,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => new RouteRepository(dataSource),
    },
  ],
})
export class InstanceHealthModule {}
