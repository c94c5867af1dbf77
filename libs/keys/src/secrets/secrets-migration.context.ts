import { AsyncLocalStorage } from 'node:async_hooks';
import type { SecretsCipher } from './secrets-cipher';

/**
 * Hands the starting process's SecretsCipher to the migration that encrypts existing plain values (TypeORM
 * builds migration instances itself). Async-local, so two cores started in one process never mix keys.
 */
export const secretsMigrationContext = new AsyncLocalStorage<SecretsCipher>();
