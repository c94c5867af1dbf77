import type { RequestRecord } from '@switchboard/proxy';
import type { SqlRunner } from '../sql';

const COLUMNS = [
  'request_id',
  'started_at',
  'duration_ms',
  'ttfb_ms',
  'client_protocol',
  'endpoint',
  'stream',
  'model',
  'route_id',
  'route',
  'instance',
  'upstream_model',
  'status',
  'error_code',
  'error_message',
  'attempts',
  'input_tokens',
  'output_tokens',
  'cache_read_tokens',
  'cache_creation_tokens',
  'reasoning_tokens',
  'key_id',
  'key_name',
  'cost_usd',
  'dropped_tools',
] as const;

const MESSAGE_LIMIT = 2048;

/** One multi-row INSERT per batch (≤ 65535 / 24 parameters, far above any batch size used). */
export async function insertRequestLog(sql: SqlRunner, records: readonly RequestRecord[]): Promise<void> {
  if (records.length === 0) return;
  const parameters: unknown[] = [];
  const rows: string[] = [];
  for (const record of records) {
    const base = parameters.length;
    parameters.push(...rowValues(record));
    rows.push(`(${COLUMNS.map((_, i) => `$${base + i + 1}`).join(', ')})`);
  }
  await sql(`INSERT INTO request_log (${COLUMNS.join(', ')}) VALUES ${rows.join(', ')}`, parameters);
}

function rowValues(record: RequestRecord): unknown[] {
  const usage = record.usage;
  const message = record.error?.message ?? null;
  return [
    record.request_id.slice(0, 200),
    new Date(record.started_at),
    record.duration_ms,
    record.ttfb_ms,
    record.client_protocol,
    record.endpoint,
    record.stream,
    record.model?.slice(0, 200) ?? null,
    record.route_id,
    record.route,
    record.instance,
    record.upstream_model?.slice(0, 200) ?? null,
    record.status,
    record.error?.code ?? null,
    message !== null && message.length > MESSAGE_LIMIT ? message.slice(0, MESSAGE_LIMIT) : message,
    // Serialised here, on the writer's timer, never on the request path.
    JSON.stringify(record.attempts),
    usage?.input ?? null,
    usage?.output ?? null,
    usage?.cache_read ?? null,
    usage?.cache_creation ?? null,
    usage?.reasoning ?? null,
    record.key?.id ?? null,
    record.key?.name ?? null,
    record.cost_usd,
    record.dropped_tools.length > 0 ? JSON.stringify(record.dropped_tools) : null,
  ];
}
