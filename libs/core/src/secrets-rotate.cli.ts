import { ConfigError, loadConfig } from '@switchboard/config';
import { reencryptInstanceSecrets } from '@switchboard/keys/secrets/reencrypt-secrets';
import { resolveSecretsCipher } from '@switchboard/keys/secrets/secrets-key';
import { connectDatabase } from '@switchboard/database';
import { SWITCHBOARD_SCHEMA } from './schema';

/**
 * `npm run secrets:rotate`: re-encrypts every instance secret under SECRETS_KEY, reading old values with
 * SECRETS_KEY_PREVIOUS, in one transaction. Afterwards SECRETS_KEY_PREVIOUS can be dropped.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const cipher = resolveSecretsCipher(config);
  const connection = await connectDatabase(config, SWITCHBOARD_SCHEMA);
  try {
    const { instances, values } = await reencryptInstanceSecrets(connection.dataSource, cipher);
    process.stdout.write(
      `Re-encrypted ${values} secret value(s) of ${instances} instance(s) under key ${cipher.currentKeyId}\n`,
    );
  } finally {
    await connection.close();
  }
}

main().catch((error: unknown) => {
  console.error(
    error instanceof ConfigError ? error.message : `secrets:rotate failed: ${(error as Error).message}`,
  );
  process.exit(1);
});
