import { resolve } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AppConfig } from './app-config';
import { parseByteSize } from './byte-size';
import { parseDuration } from './duration';
import { ConfigError } from './config.error';

type Env = Record<string, string | undefined>;

/** Which variable feeds which field, its default, and how its text becomes a value. */
const VARIABLES: ReadonlyArray<{
  field: keyof AppConfig;
  variable: string;
  fallback?: string;
  parse?: (text: string) => unknown;
}> = [
  { field: 'gatewayHost', variable: 'GATEWAY_HOST', fallback: '0.0.0.0' },
  { field: 'gatewayPort', variable: 'GATEWAY_PORT', fallback: '8080', parse: parseInteger },
  { field: 'adminHost', variable: 'ADMIN_HOST', fallback: '127.0.0.1' },
  { field: 'adminPort', variable: 'ADMIN_PORT', fallback: '8081', parse: parseInteger },
  { field: 'adminToken', variable: 'ADMIN_TOKEN' },
  { field: 'databaseUrl', variable: 'DATABASE_URL' },
  { field: 'dataDir', variable: 'DATA_DIR', fallback: './data', parse: (text) => resolve(text) },
  { field: 'dbPoolSize', variable: 'DB_POOL_SIZE', parse: parseInteger },
  {
    field: 'dbStatementTimeoutMs',
    variable: 'DB_STATEMENT_TIMEOUT_MS',
    fallback: '5000',
    parse: parseInteger,
  },
  { field: 'dbConnectTimeoutMs', variable: 'DB_CONNECT_TIMEOUT_MS', fallback: '5000', parse: parseInteger },
  { field: 'maxBodySize', variable: 'MAX_BODY_SIZE', fallback: '32mb', parse: parseByteSize },
  { field: 'requestTimeoutMs', variable: 'REQUEST_TIMEOUT_MS', fallback: '60000', parse: parseInteger },
  { field: 'headersTimeoutMs', variable: 'HEADERS_TIMEOUT_MS', fallback: '10000', parse: parseInteger },
  { field: 'bodyIdleTimeoutMs', variable: 'BODY_IDLE_TIMEOUT_MS', fallback: '10000', parse: parseInteger },
  { field: 'maxConnections', variable: 'MAX_CONNECTIONS', fallback: '4096', parse: parseInteger },
  { field: 'logLevel', variable: 'LOG_LEVEL', fallback: 'log', parse: (text) => text.toLowerCase() },
  {
    field: 'routeRefreshIntervalMs',
    variable: 'ROUTE_REFRESH_INTERVAL_MS',
    fallback: '2000',
    parse: parseInteger,
  },
  { field: 'gatewayAuth', variable: 'GATEWAY_AUTH', fallback: 'keys', parse: (text) => text.toLowerCase() },
  { field: 'redisUrl', variable: 'REDIS_URL' },
  { field: 'redisKeyPrefix', variable: 'REDIS_KEY_PREFIX', fallback: 'switchboard:' },
  { field: 'adminReadonlyToken', variable: 'ADMIN_READONLY_TOKEN' },
  { field: 'secretsKey', variable: 'SECRETS_KEY' },
  { field: 'secretsKeyPrevious', variable: 'SECRETS_KEY_PREVIOUS' },
  { field: 'shutdownGraceMs', variable: 'SHUTDOWN_GRACE_MS', fallback: '10000', parse: parseInteger },
  { field: 'logFormat', variable: 'LOG_FORMAT', parse: (text) => text.toLowerCase() },
  { field: 'requestLog', variable: 'REQUEST_LOG', fallback: 'on', parse: (text) => text.toLowerCase() },
  {
    field: 'requestLogQueueSize',
    variable: 'REQUEST_LOG_QUEUE_SIZE',
    fallback: '10000',
    parse: parseInteger,
  },
  {
    field: 'requestLogRetentionMs',
    variable: 'REQUEST_LOG_RETENTION',
    fallback: '7d',
    parse: parseDuration,
  },
  { field: 'usageRetentionMs', variable: 'USAGE_RETENTION', fallback: '90d', parse: parseDuration },
  { field: 'responsesRetentionMs', variable: 'RESPONSES_RETENTION', fallback: '30d', parse: parseDuration },
  {
    field: 'responsesMaxBytesPerKey',
    variable: 'RESPONSES_MAX_BYTES_PER_KEY',
    fallback: '64mb',
    parse: parseByteSize,
  },
  {
    field: 'telemetryFlushIntervalMs',
    variable: 'TELEMETRY_FLUSH_INTERVAL_MS',
    fallback: '10000',
    parse: parseInteger,
  },
  { field: 'metricsHost', variable: 'METRICS_HOST', fallback: '127.0.0.1' },
  { field: 'metricsPort', variable: 'METRICS_PORT', fallback: '9464', parse: parseInteger },
];

/** The environment variables Switchboard reads (for docs and tests). */
export const CONFIG_VARIABLES: readonly string[] = VARIABLES.map((entry) => entry.variable);

/** Never echoed in a configuration error: they may hold secrets. */
const SECRET_VARIABLES = new Set([
  'ADMIN_TOKEN',
  'ADMIN_READONLY_TOKEN',
  'DATABASE_URL',
  'REDIS_URL',
  'SECRETS_KEY',
]);

function parseInteger(text: string): number {
  return /^\s*-?\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}

/**
 * Reads and validates the configuration. Empty strings count as unset. Throws ConfigError whose message is ONE
 * line naming every bad variable, what is wrong and the value received (ADMIN_TOKEN and DATABASE_URL are
 * never echoed: they may hold secrets).
 */
export function loadConfig(env: Env = process.env): AppConfig {
  const plain: Record<string, unknown> = {};
  const rawByField = new Map<string, { variable: string; text: string }>();
  for (const { field, variable, fallback, parse } of VARIABLES) {
    const given = env[variable];
    const text = given === undefined || given.trim() === '' ? fallback : given;
    if (text === undefined) continue;
    plain[field] = parse ? parse(text) : text;
    if (given !== undefined && given.trim() !== '') rawByField.set(field, { variable, text });
  }
  const config = plainToInstance(AppConfig, plain);
  const errors = validateSync(config, { forbidUnknownValues: true });
  if (errors.length === 0 && config.headersTimeoutMs > config.requestTimeoutMs) {
    throw new ConfigError(
      `Invalid configuration: HEADERS_TIMEOUT_MS (${config.headersTimeoutMs}) must not exceed REQUEST_TIMEOUT_MS (${config.requestTimeoutMs})`,
    );
  }
  if (errors.length > 0) {
    const problems = errors.map((error) => {
      const message = Object.values(error.constraints ?? {})[0] ?? `${error.property} is invalid`;
      const raw = rawByField.get(error.property);
      const secret = raw !== undefined && SECRET_VARIABLES.has(raw.variable);
      return raw && !secret ? `${message} (got ${JSON.stringify(raw.text)})` : message;
    });
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  return config;
}
