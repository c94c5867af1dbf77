import { DataSource } from 'typeorm';
import { ENTITIES, MIGRATIONS } from './schema';

export interface DataSourceSettings {
  url: string;
  /** Pool size; the embedded database needs 1. */
  poolSize: number;
}

/** The one way Switchboard builds a TypeORM DataSource: postgres driver, explicit schema lists, never synchronize. */
export function createDataSource({ url, poolSize }: DataSourceSettings): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
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
