import { type AppConfig } from '@switchboard/config';
import { KeyChangeBus } from '@switchboard/keys/registry/key-change.bus';
import { LimitCounters } from '@switchboard/keys/limits/limit-counters';
import { cipherCodec } from '@switchboard/keys/secrets/instance-secret.codec';
import { runWithSecretsCipher } from '@switchboard/keys/secrets/secrets-migration.context';
import { resolveSecretsCipher } from '@switchboard/keys/secrets/secrets-key';
import type { InstanceSecretCodec } from '@switchboard/routes/persistence/instance-secret.codec';
import { InstanceHealthRegistry } from '@switchboard/proxy/health/instance-health.registry';
import { RouteChangeBus } from '@switchboard/routes/route-change.bus';
import { type DataSource } from 'typeorm';
import { connectDatabase, type DatabaseConnection } from '@switchboard/database';
import { type Replica, thisReplica } from './replica';
import { SWITCHBOARD_SCHEMA } from './schema';

/**
 * The process-wide singletons. In the one-process mode the gateway and admin Nest apps are built on the SAME
 * core, so they share one DataSource and one RouteChangeBus. To add a singleton: add a field here, create it in
 * createCore, and add one provider line in CoreModule.forRoot.
 */
export interface Core {
  readonly config: AppConfig;
  readonly dataSource: DataSource;
  readonly routeChanges: RouteChangeBus;
  /** Consumer key writes, so the gateway's key cache applies an admin write before its response leaves. */
  readonly keyChanges: KeyChangeBus;
  /** Consumer key limit and budget counters (Redis or memory): counted by the gateway, read by explain. */
  readonly keyLimitCounters: LimitCounters;
  /** Seals and opens the values under instances' `auth` (AES-256-GCM with SECRETS_KEY). */
  readonly instanceSecrets: InstanceSecretCodec;
  /** Passive health (circuit breakers) of every route's instances: recorded by the gateway, read by the admin. */
  readonly instanceHealth: InstanceHealthRegistry;
  /** This process as a replica: its id and the apps it runs (the admin's health answer names it). */
  readonly replica: Replica;
  /** Database details (embedded server URL, migrations applied at this start). */
  readonly database: Omit<DatabaseConnection, 'close' | 'dataSource'>;
  /** Closes the DataSource, then stops the embedded database if any. Idempotent. */
  close(): Promise<void>;
}

/** Connects the database (starting the embedded one when DATABASE_URL is unset), migrates, builds the singletons. */
export async function createCore(config: AppConfig): Promise<Core> {
  const cipher = resolveSecretsCipher(config);
  // The migration that encrypts existing plain values needs this process's key.
  const connection = await runWithSecretsCipher(cipher, () => connectDatabase(config, SWITCHBOARD_SCHEMA));
  let closing: Promise<void> | undefined;
  const keyLimitCounters = new LimitCounters(config);
  return {
    config,
    dataSource: connection.dataSource,
    routeChanges: new RouteChangeBus(),
    keyChanges: new KeyChangeBus(),
    keyLimitCounters,
    instanceSecrets: cipherCodec(cipher),
    instanceHealth: new InstanceHealthRegistry(),
    replica: thisReplica(),
    database: { embedded: connection.embedded, appliedMigrations: connection.appliedMigrations },
    close: () => (closing ??= (keyLimitCounters.close(), connection.close())),
  };
}
