import { Module } from '@nestjs/common';
import { AppConfig } from '@switchboard/config';
import { DataSource } from 'typeorm';
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
      inject: [DataSource, RouteChangeBus, AppConfig],
      useFactory: (dataSource: DataSource, bus: RouteChangeBus, config: AppConfig) =>
        new RouteTable(new RouteRepository(dataSource), bus, {
          refreshIntervalMs: config.routeRefreshIntervalMs,
          listenUrl: config.databaseUrl,
        }),
    },
  ],
  exports: [RouteTable],
})
export class RouteTableModule {}
