import { loadConfig } from '@switchboard/config';
import { SecretsCipher } from '@switchboard/keys/secrets/secrets-cipher';
import { secretsMigrationContext } from '@switchboard/keys/secrets/secrets-migration.context';
import { resolveSecretsCipher } from '@switchboard/keys/secrets/secrets-key';
import type { MigrationInterface, QueryRunner } from 'typeorm';

type Auth = { header?: Record<string, string>; query?: Record<string, string> };

/** Encrypts every plain value under instances' `auth` with the process's SECRETS_KEY (AES-256-GCM). */
export class EncryptInstanceSecrets1765000100000 implements MigrationInterface {
  name = 'EncryptInstanceSecrets1765000100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const rows: { id: string; auth: Auth }[] = await queryRunner.query('SELECT id, auth FROM instances');
    if (rows.length === 0) return;
    const cipher = processCipher();
    for (const row of rows) {
      const sealed = mapValues(row.auth, (value) =>
        SecretsCipher.isSealed(value) ? value : cipher.seal(value),
      );
      await queryRunner.query('UPDATE instances SET auth = $1 WHERE id = $2', [
        JSON.stringify(sealed),
        row.id,
      ]);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const cipher = processCipher();
    const rows: { id: string; auth: Auth }[] = await queryRunner.query('SELECT id, auth FROM instances');
    for (const row of rows) {
      const plain = mapValues(row.auth, (value) => {
        const opened = SecretsCipher.isSealed(value) ? cipher.open(value) : value;
        if (opened === undefined)
          throw new Error(`instance ${row.id}: a secret cannot be decrypted with SECRETS_KEY`);
        return opened;
      });
      await queryRunner.query('UPDATE instances SET auth = $1 WHERE id = $2', [
        JSON.stringify(plain),
        row.id,
      ]);
    }
  }
}

/** The starting process's cipher; under `npm run migration:run` the one its own configuration resolves. */
function processCipher(): SecretsCipher {
  return secretsMigrationContext.getStore() ?? resolveSecretsCipher(loadConfig());
}

function mapValues(auth: Auth, map: (value: string) => string): Auth {
  const part = (values: Record<string, string> | undefined) =>
    Object.fromEntries(Object.entries(values ?? {}).map(([name, value]) => [name, map(value)]));
  return { ...auth, header: part(auth.header), query: part(auth.query) };
}
