import { type LogLevel, Logger } from '@nestjs/common';

const ORDER: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** LOG_LEVEL=warn → ['fatal','error','warn']: the level and everything more severe. */
export function logLevelsUpTo(level: LogLevel): LogLevel[] {
  return ORDER.slice(0, ORDER.indexOf(level) + 1);
}

/** Applies LOG_LEVEL to Nest's process-wide logger (also used before an app exists) and returns the levels. */
export function applyLogLevel(level: LogLevel): LogLevel[] {
  const levels = logLevelsUpTo(level);
  Logger.overrideLogger(levels);
  return levels;
}
