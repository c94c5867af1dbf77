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

/** The column list once; each batch is one JSON parameter the database spreads into rows (column types from the table). */
const INSERT = `INSERT INTO request_log (${COLUMNS.join(', ')})
  SELECT ${COLUMNS.join(', ')} FROM json_populate_recordset(NULL::request_log, $1::json)`;

/**
 * One INSERT per batch with a single JSON parameter: one native JSON.stringify instead of 24 parameters a row for
 * the driver to convert and frame one by one (the batch's CPU counts against the requests it logs).
 */
export async function insertRequestLog(sql: SqlRunner, records: readonly RequestRecord[]): Promise<void> {
  if (records.length === 0) return;
  const rows = new Array<RequestLogRow>(records.length);
  for (let i = 0; i < records.length; i++) rows[i] = row(records[i]);
  await sql(INSERT, [wellFormedJson(rows)]);
}

type RequestLogRow = Record<(typeof COLUMNS)[number], unknown>;

function row(record: RequestRecord): RequestLogRow {
  const usage = record.usage;
  const message = record.error?.message ?? null;
  return {
    request_id: record.request_id.slice(0, 200),
    started_at: new Date(record.started_at).toISOString(),
    duration_ms: record.duration_ms,
    ttfb_ms: record.ttfb_ms,
    client_protocol: record.client_protocol,
    endpoint: record.endpoint,
    stream: record.stream,
    model: record.model?.slice(0, 200) ?? null,
    route_id: record.route_id,
    route: record.route,
    instance: record.instance,
    upstream_model: record.upstream_model?.slice(0, 200) ?? null,
    status: record.status,
    error_code: record.error?.code ?? null,
    error_message:
      message !== null && message.length > MESSAGE_LIMIT ? message.slice(0, MESSAGE_LIMIT) : message,
    // A jsonb column: the attempts go in as JSON, serialised with the batch on the writer's timer.
    attempts: record.attempts,
    input_tokens: usage?.input ?? null,
    output_tokens: usage?.output ?? null,
    cache_read_tokens: usage?.cache_read ?? null,
    cache_creation_tokens: usage?.cache_creation ?? null,
    reasoning_tokens: usage?.reasoning ?? null,
    key_id: record.key?.id ?? null,
    key_name: record.key?.name ?? null,
    cost_usd: record.cost_usd,
    dropped_tools: record.dropped_tools.length > 0 ? record.dropped_tools : null,
  };
}

/** JSON.stringify escapes a lone surrogate as `\udXXX`, which Postgres refuses; an escape preceded by an odd run of backslashes. */
const LONE_SURROGATE_ESCAPE = /(?<!\\)((?:\\\\)*)\\ud[89a-f][0-9a-f]{2}/g;

/**
 * The batch as JSON, a lone surrogate (a client's `"\ud800"` in a model name) turned into U+FFFD as the driver's
 * UTF-8 encoding did with separate parameters, so such a record is stored as before instead of failing its batch.
 */
export function wellFormedJson(rows: unknown): string {
  const json = JSON.stringify(rows);
  return json.includes('\\ud') ? json.replace(LONE_SURROGATE_ESCAPE, '$1\ufffd') : json;
}
