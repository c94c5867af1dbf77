import { writeSync } from 'node:fs';
import { type LoggerService } from '@nestjs/common';
import type { AppConfig, LogFormat, LogLevelName } from '@switchboard/config';
import pino, { type DestinationStream, type Logger as Pino } from 'pino';
import type { AccessLineSink } from './access-log';
import { BatchedLines } from './batched-lines';

/** LOG_LEVEL keeps Nest's names; pino's equivalents. */
const PINO_LEVEL: Record<LogLevelName, pino.Level> = {
  fatal: 'fatal',
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};

/** Keys that may carry a secret wherever they appear in a logged object (one or two levels deep). */
const REDACTED_PATHS = [
  'auth',
  '*.auth',
  'authorization',
  '*.authorization',
  'headers.authorization',
  'headers["x-api-key"]',
  'headers.cookie',
  '*.headers.authorization',
  '*.headers["x-api-key"]',
  '*.headers.cookie',
  'x-api-key',
  '*["x-api-key"]',
  'cookie',
  '*.cookie',
  'adminToken',
  '*.adminToken',
  'databaseUrl',
  '*.databaseUrl',
];

export interface PinoOptions {
  level: LogLevelName;
  format?: LogFormat;
  /** Defaults to stdout. */
  destination?: DestinationStream;
}

export function resolveLogFormat(format: LogFormat | undefined): LogFormat {
  return format ?? (process.stdout.isTTY ? 'pretty' : 'json');
}

export function createPino(options: PinoOptions): Pino {
  return createPinoLoggers(options).pino;
}

/**
 * The process's loggers on one destination: `pino` redacts secrets wherever they appear; `access` takes the
 * access lines, built by hand from fields the gateway chooses (access-log.ts), unredacted. Redaction costs
 * ~25 µs a line (a walk over every wildcard path), more than the rest of a request's telemetry together.
 */
export function createPinoLoggers(options: PinoOptions): { pino: Pino; access: AccessLineSink } {
  const level = PINO_LEVEL[options.level];
  const base = { level, base: { pid: process.pid }, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  const destination = options.destination ?? defaultDestination(options.format);
  const logger = pino(base, destination);
  return {
    pino: logger,
    access: { enabled: logger.isLevelEnabled('info'), write: (line) => destination.write(line) },
  };
}

function defaultDestination(format: LogFormat | undefined): DestinationStream {
  if (resolveLogFormat(format) === 'pretty') {
    // pino-pretty as an in-thread stream: for a human at a terminal, where throughput does not matter.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pretty = require('pino-pretty') as (options: object) => DestinationStream;
    return pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' });
  }
  return stdoutDestination();
}

/**
 * Where JSON lines go: stdout through an asynchronous SonicBoom in batches (batched-lines.ts), unless redirected
 * (tests capturing output).
 */
let jsonTarget: { write(line: string): unknown } | undefined;
let stdoutLines: BatchedLines | undefined;

function stdoutDestination(): DestinationStream {
  if (stdoutLines === undefined) {
    // Asynchronous writes (no blocking write(2) on the request path); flushed when the process exits.
    const boom = pino.destination({ dest: 1, sync: false });
    const lines = new BatchedLines(boom);
    process.once('exit', () => {
      boom.flushSync();
      const pending = lines.take();
      if (pending !== '') writeSync(1, pending);
    });
    stdoutLines = lines;
  }
  return { write: (line: string) => (jsonTarget ?? stdoutLines!).write(line) };
}

/** Sends the JSON log lines to `write` until the returned function is called (tests that capture output). */
export function redirectJsonLogs(write: (line: string) => void): () => void {
  jsonTarget = { write };
  return () => (jsonTarget = undefined);
}

/** Nest's LoggerService over pino: every Nest line (framework and `new Logger(ctx)`) becomes a pino line. */
export class PinoLoggerService implements LoggerService {
  /** @param access the access lines' way to the same destination, at the same level */
  constructor(
    readonly pino: Pino,
    readonly access: AccessLineSink,
  ) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(level: pino.Level, message: unknown, rest: unknown[]): void {
    if (!this.pino.isLevelEnabled(level)) return;
    // Nest passes the context last; error() may pass a stack before it.
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const stack = level === 'error' && typeof rest[0] === 'string' ? (rest.shift() as string) : undefined;
    const fields: Record<string, unknown> = {};
    if (context !== undefined) fields.context = context;
    if (stack !== undefined) fields.stack = stack;
    if (message instanceof Error) {
      fields.err = message;
      this.pino[level](fields, message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.pino[level]({ ...fields, ...(message as object) });
    } else {
      this.pino[level](fields, String(message));
    }
  }
}

let processLogger: PinoLoggerService | undefined;
let processLoggerKey: string | undefined;

/**
 * The process's logger (stdout is one per process): built on first use, rebuilt only if LOG_LEVEL or
 * LOG_FORMAT differ (tests starting apps with other settings).
 */
export function processLoggerFor(config: Pick<AppConfig, 'logLevel' | 'logFormat'>): PinoLoggerService {
  const key = `${config.logLevel}/${config.logFormat ?? ''}`;
  if (processLogger === undefined || processLoggerKey !== key) {
    const loggers = createPinoLoggers({ level: config.logLevel, format: config.logFormat });
    processLogger = new PinoLoggerService(loggers.pino, loggers.access);
    processLoggerKey = key;
  }
  return processLogger;
}
