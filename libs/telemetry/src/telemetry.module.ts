import {
  type DynamicModule,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Core } from '@switchboard/core';
import { ProxyModule, RequestRecordBus } from '@switchboard/proxy';
import { RouteTable, RouteTableModule } from '@switchboard/routes';
import { ReplicasService } from './admin/replicas.service';
import { RequestsService } from './admin/requests.service';
import { StatsService } from './admin/stats.service';
import { TelemetryController } from './admin/telemetry.controller';
import { DataPlaneTelemetry } from './data-plane-telemetry';
import { processTelemetry, type ProcessTelemetry } from './process-telemetry';

/** Holds the process's /metrics listener open while this app runs. */
class MetricsListenerLease implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(private readonly telemetry: ProcessTelemetry) {}

  onApplicationBootstrap(): Promise<void> {
    return this.telemetry.acquire();
  }

  onApplicationShutdown(): Promise<void> {
    return this.telemetry.release();
  }
}

/**
 * Observability wiring, one import per app: `forGateway(core)` subscribes to the data plane's RequestRecordBus
 * (access log, metrics, request log, usage rollups, heartbeat, retention); `forAdmin(core)` serves
 * /admin/requests, /admin/stats, /admin/stats/timeseries and /admin/replicas. Both open the process's
 * /metrics listener (METRICS_HOST:METRICS_PORT), shared when one process runs both apps.
 */
@Module({})
export class TelemetryModule {
  static forGateway(core: Core): DynamicModule {
    return {
      module: TelemetryModule,
      imports: [ProxyModule, RouteTableModule],
      providers: [
        {
          provide: DataPlaneTelemetry,
          inject: [RequestRecordBus, RouteTable],
          useFactory: (bus: RequestRecordBus, routes: RouteTable) =>
            new DataPlaneTelemetry(core, processTelemetry(core), bus, routes),
        },
      ],
      exports: [DataPlaneTelemetry],
    };
  }

  static forAdmin(core: Core): DynamicModule {
    return {
      module: TelemetryModule,
      controllers: [TelemetryController],
      providers: [
        RequestsService,
        StatsService,
        ReplicasService,
        { provide: MetricsListenerLease, useFactory: () => new MetricsListenerLease(processTelemetry(core)) },
      ],
    };
  }
}
