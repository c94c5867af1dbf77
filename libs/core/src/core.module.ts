import { type DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AppConfig } from '@switchboard/config';
import { KeyChangeBus } from '@switchboard/keys/registry/key-change.bus';
import { LimitCounters } from '@switchboard/keys/limits/limit-counters';
import { INSTANCE_SECRET_CODEC } from '@switchboard/routes/persistence/instance-secret.codec';
import { InstanceHealthRegistry } from '@switchboard/proxy/health/instance-health.registry';
import { RouteChangeBus } from '@switchboard/routes/route-change.bus';
import { DataSource } from 'typeorm';
import { type Core } from './core';

/** Injection token for the whole Core object (`@Inject(CORE) core: Core`). */
export const CORE = Symbol('SWITCHBOARD_CORE');

/**
 * Global module exposing the process-wide singletons as values: inject `AppConfig`, `DataSource` and
 * `RouteChangeBus` by class. Also registers @nestjs/config's ConfigService over the same validated values.
 */
@Global()
@Module({})
export class CoreModule {
  static forRoot(core: Core): DynamicModule {
    const providers = [
      { provide: CORE, useValue: core },
      { provide: AppConfig, useValue: core.config },
      { provide: DataSource, useValue: core.dataSource },
      { provide: RouteChangeBus, useValue: core.routeChanges },
      { provide: InstanceHealthRegistry, useValue: core.instanceHealth },
      { provide: KeyChangeBus, useValue: core.keyChanges },
      { provide: LimitCounters, useValue: core.keyLimitCounters },
      { provide: INSTANCE_SECRET_CODEC, useValue: core.instanceSecrets },
    ];
    return {
      module: CoreModule,
      imports: [
        ConfigModule.forRoot({
          ignoreEnvFile: true,
          ignoreEnvVars: true,
          load: [() => ({ ...core.config })],
        }),
      ],
      providers,
      exports: [...providers.map((provider) => provider.provide), ConfigModule],
    };
  }
}
