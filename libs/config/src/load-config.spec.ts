import { resolve } from 'node:path';
import { ConfigError } from './config.error';
import { loadConfig } from './load-config';

function problemFor(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error('loadConfig accepted an invalid environment');
}

describe('loadConfig', () => {
  it('applies the documented defaults to an empty environment', () => {
    const config = loadConfig({});
    expect({ ...config }).toEqual({
      gatewayHost: '0.0.0.0',
      gatewayPort: 8080,
      adminHost: '127.0.0.1',
      adminPort: 8081,
      dataDir: resolve('./data'),
      maxBodySize: 32 * 1024 * 1024,
      logLevel: 'log',
      routeRefreshIntervalMs: 2000,
      gatewayAuth: 'keys',
      redisKeyPrefix: 'switchboard:',
      shutdownGraceMs: 10000,
      requestLog: 'on',
      requestLogQueueSize: 10000,
      requestLogRetentionMs: 7 * 86_400_000,
      usageRetentionMs: 90 * 86_400_000,
      responsesRetentionMs: 30 * 86_400_000,
      responsesMaxBytesPerKey: 64 * 1024 * 1024,
      telemetryFlushIntervalMs: 10000,
      metricsHost: '127.0.0.1',
      metricsPort: 9464,
      dbStatementTimeoutMs: 5000,
      dbConnectTimeoutMs: 5000,
      requestTimeoutMs: 60000,
      headersTimeoutMs: 10000,
      bodyIdleTimeoutMs: 10000,
      maxConnections: 4096,
    });
    expect(config.logFormat).toBeUndefined();
    expect(config.databaseUrl).toBeUndefined();
    expect(config.adminToken).toBeUndefined();
  });

  it('reads every variable', () => {
    const config = loadConfig({
      GATEWAY_HOST: '127.0.0.1',
      GATEWAY_PORT: '0',
      ADMIN_HOST: '0.0.0.0',
      ADMIN_PORT: '9001',
      ADMIN_TOKEN: 'a-long-enough-admin-token',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
      DATA_DIR: '/var/lib/switchboard',
      DB_POOL_SIZE: '4',
      MAX_BODY_SIZE: '512kb',
      LOG_LEVEL: 'DEBUG',
      ROUTE_REFRESH_INTERVAL_MS: '0',
      SHUTDOWN_GRACE_MS: '250',
      GATEWAY_AUTH: 'None',
      REDIS_URL: 'redis://127.0.0.1:6379/2',
      REDIS_KEY_PREFIX: 'sb-a:',
      ADMIN_READONLY_TOKEN: 'a-long-enough-readonly-token',
      SECRETS_KEY: 'MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=',
      SECRETS_KEY_PREVIOUS: 'a,b',
      LOG_FORMAT: 'JSON',
      REQUEST_LOG: 'errors',
      REQUEST_LOG_QUEUE_SIZE: '500',
      REQUEST_LOG_RETENTION: '12h',
      USAGE_RETENTION: '30d',
      RESPONSES_RETENTION: '90m',
      RESPONSES_MAX_BYTES_PER_KEY: '1mb',
      TELEMETRY_FLUSH_INTERVAL_MS: '5000',
      METRICS_HOST: '0.0.0.0',
      METRICS_PORT: '0',
      DB_STATEMENT_TIMEOUT_MS: '2000',
      DB_CONNECT_TIMEOUT_MS: '3000',
      REQUEST_TIMEOUT_MS: '30000',
      HEADERS_TIMEOUT_MS: '5000',
      BODY_IDLE_TIMEOUT_MS: '4000',
      MAX_CONNECTIONS: '100',
    });
    expect({ ...config }).toEqual({
      gatewayHost: '127.0.0.1',
      gatewayPort: 0,
      adminHost: '0.0.0.0',
      adminPort: 9001,
      adminToken: 'a-long-enough-admin-token',
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/test',
      dataDir: '/var/lib/switchboard',
      dbPoolSize: 4,
      maxBodySize: 512 * 1024,
      logLevel: 'debug',
      routeRefreshIntervalMs: 0,
      shutdownGraceMs: 250,
      gatewayAuth: 'none',
      redisUrl: 'redis://127.0.0.1:6379/2',
      redisKeyPrefix: 'sb-a:',
      adminReadonlyToken: 'a-long-enough-readonly-token',
      secretsKey: 'MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=',
      secretsKeyPrevious: 'a,b',
      logFormat: 'json',
      requestLog: 'errors',
      requestLogQueueSize: 500,
      requestLogRetentionMs: 12 * 3_600_000,
      usageRetentionMs: 30 * 86_400_000,
      responsesRetentionMs: 90 * 60_000,
      responsesMaxBytesPerKey: 1024 * 1024,
      telemetryFlushIntervalMs: 5000,
      metricsHost: '0.0.0.0',
      metricsPort: 0,
      dbStatementTimeoutMs: 2000,
      dbConnectTimeoutMs: 3000,
      requestTimeoutMs: 30000,
      headersTimeoutMs: 5000,
      bodyIdleTimeoutMs: 4000,
      maxConnections: 100,
    });
  });

  it('rejects bad observability settings with one clear line', () => {
    expect(
      problemFor({
        LOG_FORMAT: 'xml',
        REQUEST_LOG: 'sometimes',
        REQUEST_LOG_RETENTION: 'week',
        METRICS_PORT: '70000',
      }),
    ).toBe(
      'Invalid configuration: LOG_FORMAT must be one of json, pretty (got "xml"); ' +
        'REQUEST_LOG must be one of on, errors, off (got "sometimes"); ' +
        'REQUEST_LOG_RETENTION must be a duration of at least 1m, such as 7d, 12h or 30m (got "week"); ' +
        'METRICS_PORT must be an integer port from 0 to 65535 (got "70000")',
    );
  });

  it('reads the Responses store settings with defaults and rejects bad ones', () => {
    const defaults = loadConfig({});
    expect([defaults.responsesRetentionMs, defaults.responsesMaxBytesPerKey]).toEqual([
      30 * 86_400_000,
      64 * 1024 * 1024,
    ]);
    expect(problemFor({ RESPONSES_RETENTION: 'forever', RESPONSES_MAX_BYTES_PER_KEY: '12' })).toBe(
      'Invalid configuration: RESPONSES_RETENTION must be a duration of at least 1m, such as 30d, 12h or 90m (got "forever"); ' +
        'RESPONSES_MAX_BYTES_PER_KEY must be a size of at least 1kb, such as 67108864 or 64mb (got "12")',
    );
  });

  it('refuses a headers timeout longer than the request timeout', () => {
    expect(() => loadConfig({ REQUEST_TIMEOUT_MS: '5000', HEADERS_TIMEOUT_MS: '6000' })).toThrow(
      /HEADERS_TIMEOUT_MS \(6000\) must not exceed REQUEST_TIMEOUT_MS \(5000\)/,
    );
  });

  it('rejects a bad GATEWAY_AUTH and never echoes REDIS_URL', () => {
    expect(() => loadConfig({ GATEWAY_AUTH: 'open' })).toThrow(
      'GATEWAY_AUTH must be keys or none (got "open")',
    );
    expect(() => loadConfig({ REDIS_URL: 'http://user:pw@x' })).toThrow(
      /REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL$/,
    );
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ GATEWAY_PORT: '', DATABASE_URL: ' ' })).toMatchObject({ gatewayPort: 8080 });
    expect(loadConfig({ DATABASE_URL: '' }).databaseUrl).toBeUndefined();
  });

  it.each([
    ['33554432', 33554432],
    ['32mb', 32 * 1024 * 1024],
    ['32MiB', 32 * 1024 * 1024],
    ['1.5kb', 1536],
    ['1g', 1024 ** 3],
  ])('reads MAX_BODY_SIZE=%s as %d bytes', (text, bytes) => {
    expect(loadConfig({ MAX_BODY_SIZE: text }).maxBodySize).toBe(bytes);
  });

  it.each([
    [
      { GATEWAY_PORT: 'abc' },
      'Invalid configuration: GATEWAY_PORT must be an integer port from 0 to 65535 (got "abc")',
    ],
    [
      { GATEWAY_PORT: '70000' },
      'Invalid configuration: GATEWAY_PORT must be an integer port from 0 to 65535 (got "70000")',
    ],
    [
      { ADMIN_PORT: '-1' },
      'Invalid configuration: ADMIN_PORT must be an integer port from 0 to 65535 (got "-1")',
    ],
    [
      { ADMIN_PORT: '80.5' },
      'Invalid configuration: ADMIN_PORT must be an integer port from 0 to 65535 (got "80.5")',
    ],
    [
      { MAX_BODY_SIZE: 'huge' },
      'Invalid configuration: MAX_BODY_SIZE must be a size such as 33554432, 512kb or 32mb (got "huge")',
    ],
    [
      { MAX_BODY_SIZE: '0' },
      'Invalid configuration: MAX_BODY_SIZE must be a size such as 33554432, 512kb or 32mb (got "0")',
    ],
    [
      { MAX_BODY_SIZE: '3 parsecs' },
      'Invalid configuration: MAX_BODY_SIZE must be a size such as 33554432, 512kb or 32mb (got "3 parsecs")',
    ],
    [
      { LOG_LEVEL: 'loud' },
      'Invalid configuration: LOG_LEVEL must be one of fatal, error, warn, log, debug, verbose (got "loud")',
    ],
    [
      { ROUTE_REFRESH_INTERVAL_MS: '-5' },
      'Invalid configuration: ROUTE_REFRESH_INTERVAL_MS must be an integer ≥ 0 (got "-5")',
    ],
    [
      { SHUTDOWN_GRACE_MS: 'soon' },
      'Invalid configuration: SHUTDOWN_GRACE_MS must be an integer ≥ 0 (got "soon")',
    ],
    [{ DB_POOL_SIZE: '0' }, 'Invalid configuration: DB_POOL_SIZE must be an integer ≥ 1 (got "0")'],
    [
      { DATABASE_URL: 'mysql://root:pw@db/x' },
      'Invalid configuration: DATABASE_URL must be a postgres:// or postgresql:// URL',
    ],
    [{ ADMIN_TOKEN: 'short' }, 'Invalid configuration: ADMIN_TOKEN must be at least 16 characters'],
    [
      { ADMIN_TOKEN: 'has a space in the middle' },
      'Invalid configuration: ADMIN_TOKEN must not contain whitespace',
    ],
  ])('rejects %j with one clear line', (env, message) => {
    const problem = problemFor(env);
    expect(problem).toBe(message);
    expect(problem).not.toContain('\n');
  });

  it('names every bad variable in the same single line', () => {
    expect(problemFor({ GATEWAY_PORT: 'x', LOG_LEVEL: 'y' })).toBe(
      'Invalid configuration: GATEWAY_PORT must be an integer port from 0 to 65535 (got "x"); ' +
        'LOG_LEVEL must be one of fatal, error, warn, log, debug, verbose (got "y")',
    );
  });

  it('never echoes secrets', () => {
    expect(problemFor({ ADMIN_TOKEN: 'tiny' })).not.toContain('tiny');
    expect(problemFor({ DATABASE_URL: 'mysql://root:hunter2@db/x' })).not.toContain('hunter2');
  });
});
