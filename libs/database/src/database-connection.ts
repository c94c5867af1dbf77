import { type AppConfig } from '@switchboard/config';
import { type DataSource } from 'typeorm';
import { createDataSource, type DatabaseSchema, runMigrations } from './data-source.factory';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';

export interface DatabaseConnection {
  dataSource: DataSource;
  /** Set when DATABASE_URL was unset and PGlite serves the data in DATA_DIR/pglite. */
  embedded?: EmbeddedPostgres;
  /** Migrations applied by this start. */
  appliedMigrations: string[];
  close(): Promise<void>;
}

/** DATABASE_URL → that server; unset → embedded PGlite in DATA_DIR. Then connect and apply pending migrations. */
export async function connectDatabase(
  config: AppConfig,
  schema: DatabaseSchema,
): Promise<DatabaseConnection> {
  const embedded = config.databaseUrl
    ? undefined
    : await startEmbeddedPostgres({ directory: config.dataDir });
  const url = config.databaseUrl ?? embedded!.url;
  const dataSource = createDataSource({
    url,
    poolSize: embedded ? 1 : (config.dbPoolSize ?? 10),
    schema,
    timeouts: {
      statementMs: config.dbStatementTimeoutMs,
      connectMs: config.dbConnectTimeoutMs,
      serverSide: embedded === undefined,
    },
  });
  try {
    await dataSource.initialize();
    const appliedMigrations = await runMigrations(dataSource);
    return {
      dataSource,
      embedded,
      appliedMigrations,
      close: async () => {
        try {
          if (dataSource.isInitialized) await dataSource.destroy();
        } finally {
          await embedded?.stop();
        }
      },
    };
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw error;
  }
}
