import { DataSource } from 'typeorm';

/** Entity and migration classes, listed explicitly (never globs over dist/). The app layer composes them. */
type SchemaClass = new (...args: never[]) => unknown;
export interface DatabaseSchema {
  readonly entities: SchemaClass[];
  readonly migrations: SchemaClass[];
}

export interface DataSourceSettings {
  url: string;
  /** Pool size; the embedded database needs 1. */
  poolSize: number;
  /** Every lib's entities and migrations (`SWITCHBOARD_SCHEMA` in @switchboard/core). */
  schema: DatabaseSchema;
  /** Defaults: 5000 ms each (DB_STATEMENT_TIMEOUT_MS, DB_CONNECT_TIMEOUT_MS). */
  timeouts?: DatabaseTimeouts;
}

export interface DatabaseTimeouts {
  /** Per statement. The server cancels it (statement_timeout); the client gives up a little later if the
   * server does not answer at all (a frozen server never cancels anything). */
  statementMs: number;
  /** Connecting, or waiting for a free connection of a busy pool. */
  connectMs: number;
  /** False for the embedded PGlite, which does not take startup parameters. */
  serverSide: boolean;
}

export const DEFAULT_DATABASE_TIMEOUTS: DatabaseTimeouts = {
  statementMs: 5000,
  connectMs: 5000,
  serverSide: true,
};

/** Headroom for the server's own cancellation to arrive before the client-side timeout fires. */
const CLIENT_TIMEOUT_HEADROOM_MS = 1000;

/** The one way Switchboard builds a TypeORM DataSource: postgres driver, explicit schema lists, never synchronize. */
export function createDataSource({
  url,
  poolSize,
  schema,
  timeouts = DEFAULT_DATABASE_TIMEOUTS,
}: DataSourceSettings): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: schema.entities,
    migrations: schema.migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    poolSize,
    extra: {
      max: poolSize,
      connectionTimeoutMillis: timeouts.connectMs,
      query_timeout: timeouts.statementMs + CLIENT_TIMEOUT_HEADROOM_MS,
      ...(timeouts.serverSide ? { statement_timeout: timeouts.statementMs } : {}),
    },
  });
}

/** Applies pending migrations in one transaction (all or nothing); returns the names applied. */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: 'all' });
  return applied.map((migration) => migration.name);
}
