import { Module } from '@nestjs/common';
import { AppConfig } from '@switchboard/config';
import { DataSource } from 'typeorm';
import { INSTANCE_SECRET_CODEC, type InstanceSecretCodec } from '../persistence/instance-secret.codec';
import { RouteRepository } from '../persistence/route.repository';
import { RouteChangeBus } from '../route-change.bus';
import { RouteTable } from './route-table';

/**
 * Provides the process's RouteTable (needs the global CoreModule: AppConfig, DataSource, RouteChangeBus).
 * LISTEN/NOTIFY is used with DATABASE_URL; the embedded database is single-process and relies on the bus
 * plus the periodic check.
 */
@Module({
  providers: [
    {
      provide: RouteTable,
      inject: [DataSource, RouteChangeBus, AppConfig, INSTANCE_SECRET_CODEC],
      useFactory: (
        dataSource: DataSource,
        bus: RouteChangeBus,
        config: AppConfig,
        codec: InstanceSecretCodec,
      ) =>
        new RouteTable(new RouteRepository(dataSource, codec), bus, {
          refreshIntervalMs: config.routeRefreshIntervalMs,
          listenUrl: config.databaseUrl,
        }),
    },
  ],
  exports: [RouteTable],
})
export class RouteTableModule {}
