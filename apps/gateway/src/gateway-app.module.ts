import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { type Core, CoreModule } from '@switchboard/core';
import { ProxyModule } from '@switchboard/proxy';
import { RouteTableModule } from '@switchboard/routes';
import { TelemetryModule } from '@switchboard/telemetry';
import { GatewayAppExceptionFilter } from './errors/gateway-app-exception.filter';
import { HealthModule } from './health/health.module';

/** The data plane: client-facing endpoints, built on the process-wide core. */
@Module({})
export class GatewayAppModule {
  static forRoot(core: Core): DynamicModule {
    return {
      module: GatewayAppModule,
      imports: [
        CoreModule.forRoot(core),
        RouteTableModule,
        HealthModule,
        ProxyModule,
        TelemetryModule.forGateway(core),
        // data-plane feature modules (e.g. the proxy) are added here
      ],
      providers: [{ provide: APP_FILTER, useClass: GatewayAppExceptionFilter }],
    };
  }
}
