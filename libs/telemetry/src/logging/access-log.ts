import type { RequestRecord } from '@switchboard/proxy';
import type { Logger as Pino } from 'pino';

/**
 * Exactly one `info` line per data-plane request, built from its RequestRecord (never from headers or bodies,
 * so no secret can reach it). Fields are flat so log pipelines can index them. `logger` is the process's
 * unredacted access logger: nothing here can match a redacted path, and redaction would cost more than the line.
 */
export function writeAccessLine(logger: Pino, record: RequestRecord): void {
  if (!logger.isLevelEnabled('info')) return;
  const usage = record.usage;
  const line: Record<string, unknown> = {
    context: 'Access',
    request_id: record.request_id,
    route: record.route,
    instance: record.instance,
    status: record.status,
    error_code: record.error?.code ?? null,
    client_protocol: record.client_protocol,
    endpoint: record.endpoint,
    model: record.model,
    stream: record.stream,
    duration_ms: round(record.duration_ms),
    ttfb_ms: record.ttfb_ms === null ? null : round(record.ttfb_ms),
    attempts: record.attempts.length,
    input_tokens: usage?.input ?? null,
    output_tokens: usage?.output ?? null,
  };
  if (record.key !== null) line.key = record.key.name;
  logger.info(line, 'request');
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
