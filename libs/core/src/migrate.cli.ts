import { ConfigError, loadConfig } from '@switchboard/config';
import { connectDatabase } from '@switchboard/database';
import { SWITCHBOARD_SCHEMA } from './schema';

/** `npm run migration:run`: applies pending migrations to DATABASE_URL, or to the embedded database in DATA_DIR. */
async function main(): Promise<void> {
  const config = loadConfig();
  const connection = await connectDatabase(config, SWITCHBOARD_SCHEMA);
  try {
    const applied = connection.appliedMigrations;
    const target = config.databaseUrl ? 'DATABASE_URL' : `the embedded database in ${config.dataDir}`;
    process.stdout.write(
      applied.length === 0
        ? `No pending migrations on ${target}\n`
        : `Applied ${applied.length} migration(s) on ${target}: ${applied.join(', ')}\n`,
    );
  } finally {
    await connection.close();
  }
}

main().catch((error: unknown) => {
  console.error(
    error instanceof ConfigError ? error.message : `Migration failed: ${(error as Error).message}`,
  );
  process.exit(1);
});
