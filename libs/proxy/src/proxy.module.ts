import { randomUUID } from 'node:crypto';
import {
  Logger,
  Module,
  type OnApplicationShutdown,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { CatalogueState } from '@switchboard/catalogue';
import { CatalogueSync } from '@switchboard/catalogue/persistence/catalogue-sync';
import { ModelOverrideRepository } from '@switchboard/catalogue/persistence/model-override.repository';
import { AppConfig } from '@switchboard/config';
import { ConsumerKeyGate, KeysGateModule, KeyUsageSettler } from '@switchboard/keys';
import { RouteTable, RouteTableModule } from '@switchboard/routes';
import type { Subscription } from 'rxjs';
import { DataSource } from 'typeorm';
import { DataPlaneHandler } from './data-plane.handler';
import { DataPlaneMount } from './data-plane.mount';
import { InstanceHealthRegistry } from './health/instance-health.registry';
import { RoutePlanCache } from './routing/route-plan.cache';
import { UpstreamClient } from './upstream/upstream-client';
import { LiveExchanges } from './exchange/live-exchanges';
import { RequestRecordBus } from './record/request-record.bus';
import { ResponsesRetentionJob } from './responses/responses-retention.job';
import { ResponsesStore } from '@switchboard/responses';

const DEBUG_LEVELS = new Set(['debug', 'verbose']);

/** Logs each request record at debug level, only when debug logging is on (nothing is built otherwise). */
class RequestRecordDebugLog implements OnModuleInit, OnModuleDestroy {
  private subscription: Subscription | undefined;

  constructor(
    private readonly records: RequestRecordBus,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    if (!DEBUG_LEVELS.has(this.config.logLevel)) return;
    const logger = new Logger('RequestRecord');
    this.subscription = this.records.records$.subscribe((record) => logger.debug(JSON.stringify(record)));
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }
}

/** Each finished keyed request's tokens are settled against its key's limits and budget from its record. */
class KeyUsageSettlement implements OnModuleInit {
  constructor(
    private readonly records: RequestRecordBus,
    private readonly settler: KeyUsageSettler,
  ) {}

  onModuleInit(): void {
    this.settler.subscribeTo(this.records.records$);
  }
}

/** Closes the upstream pools after the HTTP server has drained (shutdown hooks run after it closes). */
class UpstreamClientLifecycle implements OnApplicationShutdown {
  constructor(private readonly client: UpstreamClient) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}

/**
 * The data plane: POST /v1/chat/completions, /v1/messages, /v1/messages/count_tokens, /v1/responses (and
 * GET/DELETE /v1/responses/{id}, GET …/input_items) and GET /v1/models,
 * served by a raw handler mounted ahead of Express. Needs the global CoreModule (AppConfig,
 * InstanceHealthRegistry, DataSource, RouteChangeBus).
 */
@Module({
  imports: [RouteTableModule, KeysGateModule],
  providers: [
    RequestRecordBus,
    { provide: CatalogueState, useFactory: () => new CatalogueState() },
    {
      provide: CatalogueSync,
      inject: [CatalogueState, DataSource, RouteTable],
      useFactory: (state: CatalogueState, dataSource: DataSource, routes: RouteTable) =>
        new CatalogueSync(state, new ModelOverrideRepository(dataSource), routes.updated$),
    },
    LiveExchanges,
    { provide: UpstreamClient, useFactory: () => new UpstreamClient() },
    {
      provide: UpstreamClientLifecycle,
      inject: [UpstreamClient],
      useFactory: (client: UpstreamClient) => new UpstreamClientLifecycle(client),
    },
    {
      provide: RequestRecordDebugLog,
      inject: [RequestRecordBus, AppConfig],
      useFactory: (records: RequestRecordBus, config: AppConfig) =>
        new RequestRecordDebugLog(records, config),
    },
    {
      provide: KeyUsageSettlement,
      inject: [RequestRecordBus, KeyUsageSettler],
      useFactory: (records: RequestRecordBus, settler: KeyUsageSettler) =>
        new KeyUsageSettlement(records, settler),
    },
    {
      provide: RoutePlanCache,
      inject: [InstanceHealthRegistry],
      useFactory: (health: InstanceHealthRegistry) => new RoutePlanCache(health),
    },
    {
      provide: ResponsesStore,
      inject: [DataSource, AppConfig],
      useFactory: (dataSource: DataSource, config: AppConfig) =>
        new ResponsesStore((text, parameters) => dataSource.query(text, parameters), {
          retentionMs: config.responsesRetentionMs,
          maxBytesPerOwner: config.responsesMaxBytesPerKey,
        }),
    },
    {
      provide: ResponsesRetentionJob,
      inject: [ResponsesStore, DataSource],
      useFactory: (store: ResponsesStore, dataSource: DataSource) =>
        new ResponsesRetentionJob(store, dataSource),
    },
    {
      provide: DataPlaneHandler,
      inject: [
        RouteTable,
        RoutePlanCache,
        UpstreamClient,
        RequestRecordBus,
        LiveExchanges,
        ConsumerKeyGate,
        AppConfig,
        CatalogueState,
        ResponsesStore,
      ],
      useFactory: (
        routes: RouteTable,
        plans: RoutePlanCache,
        client: UpstreamClient,
        records: RequestRecordBus,
        live: LiveExchanges,
        keys: ConsumerKeyGate,
        config: AppConfig,
        catalogue: CatalogueState,
        responses: ResponsesStore,
      ) =>
        new DataPlaneHandler(
          routes,
          plans,
          {
            client,
            records,
            live,
            keys,
            clock: { newId: () => randomUUID().replace(/-/g, ''), now: Date.now },
            catalogue,
            responses,
          },
          { maxBodySize: config.maxBodySize },
        ),
    },
    DataPlaneMount,
  ],
  exports: [RequestRecordBus, DataPlaneHandler, LiveExchanges, CatalogueState],
})
export class ProxyModule {}
