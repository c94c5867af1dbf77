import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';

export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];
export const REQUEST_LOG_MODES = ['on', 'errors', 'off'] as const;
export type RequestLogMode = (typeof REQUEST_LOG_MODES)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

const port = (variable: string) =>
  [
    IsInt({ message: `${variable} must be an integer port from 0 to 65535` }),
    Min(0, { message: `${variable} must be an integer port from 0 to 65535` }),
    Max(65535, { message: `${variable} must be an integer port from 0 to 65535` }),
  ] as const;

function Port(variable: string): PropertyDecorator {
  return (target, key) => port(variable).forEach((decorate) => decorate(target, key));
}

function IntAtLeast(variable: string, min: number, max = Number.MAX_SAFE_INTEGER): PropertyDecorator {
  const message = `${variable} must be an integer ≥ ${min}`;
  return (target, key) => {
    IsInt({ message })(target, key);
    Min(min, { message })(target, key);
    Max(max, { message: `${variable} must be at most ${max}` })(target, key);
  };
}

/**
 * The validated, typed configuration of one Switchboard process (see README "Configuration").
 * Build it with `loadConfig(env)`; in Nest inject it by class (`constructor(private readonly config: AppConfig)`).
 */
export class AppConfig {
  @IsString()
  @MinLength(1, { message: 'GATEWAY_HOST must not be empty' })
  gatewayHost!: string;

  @Port('GATEWAY_PORT')
  gatewayPort!: number;

  @IsString()
  @MinLength(1, { message: 'ADMIN_HOST must not be empty' })
  adminHost!: string;

  @Port('ADMIN_PORT')
  adminPort!: number;

  /** Unset: the admin app generates one and keeps it in `DATA_DIR/admin-token`. */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'ADMIN_TOKEN must be at least 16 characters' })
  @Matches(/^\S+$/, { message: 'ADMIN_TOKEN must not contain whitespace' })
  adminToken?: string;

  /** Unset: an embedded PostgreSQL (PGlite) with its data in `DATA_DIR/pglite`. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
  databaseUrl?: string;

  /** Absolute path. */
  @IsString()
  @MinLength(1, { message: 'DATA_DIR must not be empty' })
  dataDir!: string;

  /** Unset: 10 with DATABASE_URL, 1 for the embedded database (a single PGlite backend). */
  @IsOptional()
  @IntAtLeast('DB_POOL_SIZE', 1, 1000)
  dbPoolSize?: number;

  /** Longest a database statement may run (server-side statement_timeout, and a client-side read timeout). */
  @IntAtLeast('DB_STATEMENT_TIMEOUT_MS', 1, 600_000)
  dbStatementTimeoutMs!: number;

  /** Longest to wait for a database connection: connecting, or a free one from a busy pool. */
  @IntAtLeast('DB_CONNECT_TIMEOUT_MS', 1, 600_000)
  dbConnectTimeoutMs!: number;

  /** Bytes. */
  @IsInt({ message: 'MAX_BODY_SIZE must be a size such as 33554432, 512kb or 32mb' })
  @Min(1, { message: 'MAX_BODY_SIZE must be a size such as 33554432, 512kb or 32mb' })
  maxBodySize!: number;

  /** Longest a client may take to send a whole request, headers and body (Node's requestTimeout). */
  @IntAtLeast('REQUEST_TIMEOUT_MS', 1000, 3_600_000)
  requestTimeoutMs!: number;

  /** Longest a client may take to send the request headers (Node's headersTimeout; ≤ REQUEST_TIMEOUT_MS). */
  @IntAtLeast('HEADERS_TIMEOUT_MS', 1000, 3_600_000)
  headersTimeoutMs!: number;

  /** Longest silence while a request body is being read; the connection is closed after it. */
  @IntAtLeast('BODY_IDLE_TIMEOUT_MS', 1000, 3_600_000)
  bodyIdleTimeoutMs!: number;

  /** Open connections each listener accepts; further ones are closed at once. */
  @IntAtLeast('MAX_CONNECTIONS', 1, 1_000_000)
  maxConnections!: number;

  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  logLevel!: LogLevelName;

  /** How often each process checks the route table version written by other processes; 0 disables. */
  @IntAtLeast('ROUTE_REFRESH_INTERVAL_MS', 0)
  routeRefreshIntervalMs!: number;

  /** `keys`: every /v1/* call needs a consumer key; `none`: open (warned at start-up). */
  @IsIn(['keys', 'none'], { message: 'GATEWAY_AUTH must be keys or none' })
  gatewayAuth!: 'keys' | 'none';

  /** Set: key limits are counted in this Redis, shared by every replica. */
  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  redisUrl?: string;

  /** Prefix of every Redis key Switchboard writes (several deployments or tests on one Redis). */
  @IsString()
  redisKeyPrefix!: string;

  /** Admin token allowed GET only (403 on writes). */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'ADMIN_READONLY_TOKEN must be at least 16 characters' })
  @Matches(/^\S+$/, { message: 'ADMIN_READONLY_TOKEN must not contain whitespace' })
  adminReadonlyToken?: string;

  /** 32 bytes, base64: encrypts instance secrets at rest. Unset: generated into DATA_DIR/secrets-key. */
  @IsOptional()
  @IsString()
  secretsKey?: string;

  /** Comma-separated earlier SECRETS_KEYs, still used to decrypt (rotation). */
  @IsOptional()
  @IsString()
  secretsKeyPrevious?: string;

  /** How long shutdown waits for in-flight requests before closing connections. */
  @IntAtLeast('SHUTDOWN_GRACE_MS', 0)
  shutdownGraceMs!: number;

  /** Unset: JSON when stdout is not a TTY, pretty when it is. */
  @IsOptional()
  @IsIn(LOG_FORMATS, { message: `LOG_FORMAT must be one of ${LOG_FORMATS.join(', ')}` })
  logFormat?: LogFormat;

  @IsIn(REQUEST_LOG_MODES, { message: `REQUEST_LOG must be one of ${REQUEST_LOG_MODES.join(', ')}` })
  requestLog!: RequestLogMode;

  /** Request-log records held in memory while the database is slow or down; beyond it the oldest are dropped. */
  @IntAtLeast('REQUEST_LOG_QUEUE_SIZE', 1, 1_000_000)
  requestLogQueueSize!: number;

  /** Milliseconds a request-log row is kept (REQUEST_LOG_RETENTION, e.g. 7d). */
  @IsInt({ message: 'REQUEST_LOG_RETENTION must be a duration of at least 1m, such as 7d, 12h or 30m' })
  @Min(60_000, { message: 'REQUEST_LOG_RETENTION must be a duration of at least 1m, such as 7d, 12h or 30m' })
  requestLogRetentionMs!: number;

  /** Milliseconds a usage rollup row is kept (USAGE_RETENTION, e.g. 90d). */
  @IsInt({ message: 'USAGE_RETENTION must be a duration of at least 1h, such as 90d' })
  @Min(3_600_000, { message: 'USAGE_RETENTION must be a duration of at least 1h, such as 90d' })
  usageRetentionMs!: number;

  /** Milliseconds a stored Responses API turn is kept (RESPONSES_RETENTION, e.g. 30d). */
  @IsInt({ message: 'RESPONSES_RETENTION must be a duration of at least 1m, such as 30d, 12h or 90m' })
  @Min(60_000, { message: 'RESPONSES_RETENTION must be a duration of at least 1m, such as 30d, 12h or 90m' })
  responsesRetentionMs!: number;

  /** Bytes of stored responses per consumer key before its oldest go (RESPONSES_MAX_BYTES_PER_KEY). */
  @IsInt({ message: 'RESPONSES_MAX_BYTES_PER_KEY must be a size of at least 1kb, such as 67108864 or 64mb' })
  @Min(1024, {
    message: 'RESPONSES_MAX_BYTES_PER_KEY must be a size of at least 1kb, such as 67108864 or 64mb',
  })
  responsesMaxBytesPerKey!: number;

  /** How often usage rollups and the replica heartbeat are written. */
  @IntAtLeast('TELEMETRY_FLUSH_INTERVAL_MS', 100, 60_000)
  telemetryFlushIntervalMs!: number;

  @IsString()
  @MinLength(1, { message: 'METRICS_HOST must not be empty' })
  metricsHost!: string;

  @Port('METRICS_PORT')
  metricsPort!: number;
}
