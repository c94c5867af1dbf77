import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { type Core, CoreModule } from '@switchboard/core';
import { RoutesAdminModule } from '@switchboard/routes';
import { TelemetryModule } from '@switchboard/telemetry';
import { AdminExceptionFilter } from './errors/admin-exception.filter';
import { AdminHealthController } from './health/admin-health.controller';
import { InstanceHealthModule } from './instance-health/instance-health.module';

/** The control plane: admin REST API (auth runs as middleware before routing, see admin.bootstrap.ts). */
@Module({})
export class AdminAppModule {
  static forRoot(core: Core): DynamicModule {
    return {
      module: AdminAppModule,
      imports: [
        CoreModule.forRoot(core),
        RoutesAdminModule,
        InstanceHealthModule,
        TelemetryModule.forAdmin(core),
        // control-plane feature modules (e.g. instance health) are added here
      ],
      controllers: [AdminHealthController],
      providers: [{ provide: APP_FILTER, useClass: AdminExceptionFilter }],
    };
  }
}
