import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AppConfig } from '@switchboard/config';

export const ADMIN_TOKEN_FILE = 'admin-token';

/**
 * ADMIN_TOKEN when set; otherwise the token kept in DATA_DIR/admin-token, generated (256 random bits, file mode
 * 0600) at the first start. Logs where the token is, never the token.
 */
export function resolveAdminToken(config: AppConfig, logger = new Logger('AdminAuth')): string {
  if (config.adminToken) return config.adminToken;
  const path = join(config.dataDir, ADMIN_TOKEN_FILE);
  const existing = readToken(path);
  if (existing) {
    logger.log(`Admin token: read from ${path}`);
    return existing;
  }
  mkdirSync(config.dataDir, { recursive: true });
  const token = `sb_${randomBytes(32).toString('base64url')}`;
  try {
    writeFileSync(path, `${token}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return resolveAdminToken(config, logger);
    throw error;
  }
  logger.log(
    `Admin token: generated and written to ${path} (mode 0600); send it as "Authorization: Bearer <token>"`,
  );
  return token;
}

function readToken(path: string): string | undefined {
  try {
    const token = readFileSync(path, 'utf8').trim();
    return token === '' ? undefined : token;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
