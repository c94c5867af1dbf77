import type { DataSource } from 'typeorm';
import { SecretsCipher } from './secrets-cipher';

type Auth = { header?: Record<string, string>; query?: Record<string, string> };

export interface ReencryptResult {
  instances: number;
  values: number;
}

/**
 * Re-encrypts every instance secret under the current SECRETS_KEY, in one transaction (rows locked). Any value
 * that no configured key opens aborts the whole run, naming it: nothing is half-rotated, nothing is lost.
 */
export async function reencryptInstanceSecrets(
  dataSource: DataSource,
  cipher: SecretsCipher,
): Promise<ReencryptResult> {
  return dataSource.transaction(async (manager) => {
    const rows: { id: string; route_id: string; name: string; auth: Auth }[] = await manager.query(
      'SELECT id, route_id, name, auth FROM instances ORDER BY route_id, position FOR UPDATE',
    );
    const unreadable: string[] = [];
    let values = 0;
    let instances = 0;
    for (const row of rows) {
      let changed = false;
      const part = (name: 'header' | 'query') =>
        Object.fromEntries(
          Object.entries(row.auth[name] ?? {}).map(([field, stored]) => {
            if (cipher.isCurrent(stored) && cipher.open(stored) !== undefined) return [field, stored];
            const plain = SecretsCipher.isSealed(stored) ? cipher.open(stored) : stored;
            if (plain === undefined) {
              unreadable.push(`route "${row.route_id}" instance "${row.name}" auth.${name}.${field}`);
              return [field, stored];
            }
            changed = true;
            values++;
            return [field, cipher.seal(plain)];
          }),
        );
      const auth = { ...row.auth, header: part('header'), query: part('query') };
      if (changed) {
        instances++;
        await manager.query('UPDATE instances SET auth = $1 WHERE id = $2', [JSON.stringify(auth), row.id]);
      }
    }
    if (unreadable.length > 0) {
      throw new Error(
        `No configured key (SECRETS_KEY, SECRETS_KEY_PREVIOUS) decrypts: ${unreadable.join('; ')}. Nothing was changed.`,
      );
    }
    return { instances, values };
  });
}
