import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import type { AppConfig } from '@switchboard/config';
import { ConfigError } from '@switchboard/config';
import { SecretsCipher } from './secrets-cipher';

export const SECRETS_KEY_FILE = 'secrets-key';

/**
 * SECRETS_KEY (32 bytes, base64) when set; else the key kept in DATA_DIR/secrets-key, generated (mode 0600) at
 * the first start, with a warning that replicas sharing a database must share SECRETS_KEY. Previous keys
 * (SECRETS_KEY_PREVIOUS, comma-separated) still open values. Never logs a key.
 */
export function resolveSecretsCipher(config: AppConfig, logger = new Logger('Secrets')): SecretsCipher {
  const previous = (config.secretsKeyPrevious ?? '')
    .split(',')
    .map((text) => text.trim())
    .filter((text) => text !== '')
    .map((text, index) => decodeKey(text, `SECRETS_KEY_PREVIOUS (entry ${index + 1})`));
  if (config.secretsKey) return new SecretsCipher(decodeKey(config.secretsKey, 'SECRETS_KEY'), previous);
  const path = join(config.dataDir, SECRETS_KEY_FILE);
  let text = readKeyFile(path);
  if (text === undefined) {
    mkdirSync(config.dataDir, { recursive: true });
    text = randomBytes(32).toString('base64');
    try {
      writeFileSync(path, `${text}\n`, { mode: 0o600, flag: 'wx' });
      logger.log(`Secrets key: generated and written to ${path} (mode 0600)`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      text = readKeyFile(path)!;
    }
  }
  logger.warn(
    `Secrets key: read from ${path}. Replicas sharing a database must share one key: set SECRETS_KEY on all of them`,
  );
  return new SecretsCipher(decodeKey(text, path), previous);
}

function decodeKey(text: string, source: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text.trim()) || key.length !== 32) {
    throw new ConfigError(
      `Invalid configuration: ${source} must be 32 bytes in base64 (e.g. openssl rand -base64 32)`,
    );
  }
  return key;
}

function readKeyFile(path: string): string | undefined {
  try {
    const text = readFileSync(path, 'utf8').trim();
    return text === '' ? undefined : text;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
