import { AsyncLocalStorage } from 'node:async_hooks';
import type { SecretsCipher } from './secrets-cipher';

/**
 * Hands the starting process's SecretsCipher to the migration that encrypts existing plain values (TypeORM
 * builds migration instances itself). Async-local, so two cores started in one process never mix keys.
 */
export const secretsMigrationContext = new AsyncLocalStorage<SecretsCipher>();

let running = 0;

/**
 * Runs `work` (the migrations) with `cipher` in `secretsMigrationContext`, and disables the storage once no such
 * run is left: an AsyncLocalStorage that has run once keeps Node's async hooks on for the life of the process,
 * a hook call on every promise, socket and timer of the data plane (about +75 % on promise-heavy code).
 */
export async function runWithSecretsCipher<T>(cipher: SecretsCipher, work: () => Promise<T>): Promise<T> {
  running++;
  try {
    return await secretsMigrationContext.run(cipher, work);
  } finally {
    if (--running === 0) secretsMigrationContext.disable();
  }
}
