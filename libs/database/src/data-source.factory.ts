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
}

/** The one way Switchboard builds a TypeORM DataSource: postgres driver, explicit schema lists, never synchronize. */
export function createDataSource({ url, poolSize, schema }: DataSourceSettings): DataSource {
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
    extra: { max: poolSize, connectionTimeoutMillis: 10_000 },
  });
}

/** Applies pending migrations in one transaction (all or nothing); returns the names applied. */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: 'all' });
  return applied.map((migration) => migration.name);
}
