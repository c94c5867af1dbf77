import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ModelsAdminModule } from '@switchboard/catalogue/admin/models-admin.module';
import { type Core, CoreModule } from '@switchboard/core';
import { KeysAdminModule } from '@switchboard/keys';
import { RouteExplainModule } from '@switchboard/proxy/explain/route-explain.module';
import { RoutesAdminModule } from '@switchboard/routes';
import { TelemetryModule } from '@switchboard/telemetry';
import { AdminExceptionFilter } from './errors/admin-exception.filter';
import { WhoAmIController } from './auth/whoami.controller';
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
        ModelsAdminModule,
        RouteExplainModule,
        InstanceHealthModule,
        KeysAdminModule,
        TelemetryModule.forAdmin(core),
        // control-plane feature modules (e.g. instance health) are added here
      ],
      controllers: [AdminHealthController, WhoAmIController],
      providers: [{ provide: APP_FILTER, useClass: AdminExceptionFilter }],
    };
  }
}
