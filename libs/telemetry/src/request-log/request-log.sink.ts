import type { RequestRecord } from '@switchboard/proxy';
import type { SqlRunner } from '../sql';
import { RequestLogBatch } from './request-log.batch';

const NAME_LIMIT = 200;
const MESSAGE_LIMIT = 2048;

/** How a column's values travel: a JSON array of texts, a JSON array of JSON values, or a float8[] literal. */
type Carrier = 'texts' | 'json' | 'numbers';

interface Column {
  name: string;
  carrier: Carrier;
  /** The value stored, from the column `c.<name>` of the unpacked parameter. */
  expression: string;
  /** The parameter: this column's values for the batch's rows. */
  parameter(batch: RequestLogBatch): string;
}

const texts = (
  name: string,
  values: (b: RequestLogBatch) => readonly (string | null)[],
  limit?: number,
): Column => ({
  name,
  carrier: 'texts',
  expression: `c.${name}`,
  parameter: (batch) => textArray(values(batch), batch, limit),
});

/** A number column, sent as a float8[] literal. */
const numbers = (
  name: string,
  values: (b: RequestLogBatch) => Float64Array | Uint8Array,
  expression: string,
): Column => ({
  name,
  carrier: 'numbers',
  expression,
  parameter: (batch) => `{${values(batch).subarray(batch.start, batch.length).join(',')}}`,
});

/** NaN stood for null, and the literal spells it NaN. */
const nullableNumbers = (name: string, type: string, values: (b: RequestLogBatch) => Float64Array): Column =>
  numbers(name, values, `nullif(c.${name}, 'NaN')::${type}`);

const COLUMNS: readonly Column[] = [
  texts('request_id', (b) => b.requestId, NAME_LIMIT),
  numbers('started_at', (b) => b.startedAt, 'to_timestamp(c.started_at / 1000)'),
  nullableNumbers('duration_ms', 'real', (b) => b.durationMs),
  nullableNumbers('ttfb_ms', 'real', (b) => b.ttfbMs),
  texts('client_protocol', (b) => b.clientProtocol),
  texts('endpoint', (b) => b.endpoint),
  numbers('stream', (b) => b.stream, 'c.stream <> 0'),
  texts('model', (b) => b.model, NAME_LIMIT),
  texts('route_id', (b) => b.routeId),
  texts('route', (b) => b.route),
  texts('instance', (b) => b.instance),
  texts('upstream_model', (b) => b.upstreamModel, NAME_LIMIT),
  nullableNumbers('status', 'smallint', (b) => b.status),
  texts('error_code', (b) => b.errorCode),
  texts('error_message', (b) => b.errorMessage, MESSAGE_LIMIT),
  {
    name: 'attempts',
    carrier: 'json',
    expression: 'c.attempts::jsonb',
    parameter: (batch) => {
      const attempts = new Array<unknown>(batch.size);
      for (let i = batch.start; i < batch.length; i++) attempts[i - batch.start] = batch.attemptsOf(i);
      return wellFormedJson(attempts);
    },
  },
  nullableNumbers('input_tokens', 'integer', (b) => b.inputTokens),
  nullableNumbers('output_tokens', 'integer', (b) => b.outputTokens),
  nullableNumbers('cache_read_tokens', 'integer', (b) => b.cacheReadTokens),
  nullableNumbers('cache_creation_tokens', 'integer', (b) => b.cacheCreationTokens),
  nullableNumbers('reasoning_tokens', 'integer', (b) => b.reasoningTokens),
  texts('key_id', (b) => b.keyId),
  texts('key_name', (b) => b.keyName),
  nullableNumbers('cost_usd', 'double precision', (b) => b.costUsd),
  {
    name: 'dropped_tools',
    carrier: 'json',
    expression: `nullif(c.dropped_tools::jsonb, 'null')`,
    parameter: (batch) => wellFormedJson(batch.droppedTools.slice(batch.start, batch.length)),
  },
];

const UNPACK: Record<Carrier, (parameter: string) => string> = {
  texts: (parameter) => `json_array_elements_text(${parameter}::json)`,
  json: (parameter) => `json_array_elements(${parameter}::json)`,
  // Sent as text bytes (see insertRequestLogBatch), then parsed as a float8[] literal.
  numbers: (parameter) => `unnest(${parameter}::text::float8[])`,
};

/**
 * One parameter per column, unpacked side by side by ROWS FROM into the batch's rows: the column names go over
 * the wire once per batch instead of once per row, and no row object is built for a batch's sake.
 */
const INSERT = `INSERT INTO request_log (${COLUMNS.map((column) => column.name).join(', ')})
  SELECT ${COLUMNS.map((column) => column.expression).join(', ')}
  FROM ROWS FROM (${COLUMNS.map((column, index) => UNPACK[column.carrier](`$${index + 1}`)).join(', ')})
    AS c(${COLUMNS.map((column) => column.name).join(', ')})`;

/**
 * One INSERT per batch (the batch's CPU counts against the requests it logs, on the writer's timer). Each
 * parameter goes as a Buffer (bytes outside the JS heap, read by Postgres as json or text): the driver keeps
 * the parameters until the INSERT completes, long enough for strings of a few hundred KB a batch to be
 * promoted and make old-generation collections more frequent.
 */
export async function insertRequestLogBatch(sql: SqlRunner, batch: RequestLogBatch): Promise<void> {
  if (batch.size === 0) return;
  await sql(
    INSERT,
    COLUMNS.map((column) => Buffer.from(column.parameter(batch), 'utf8')),
  );
}

export function insertRequestLog(sql: SqlRunner, records: readonly RequestRecord[]): Promise<void> {
  return insertRequestLogBatch(sql, RequestLogBatch.of(records));
}

/** A text column's rows as a JSON array, each text cut to `limit` characters. */
function textArray(values: readonly (string | null)[], batch: RequestLogBatch, limit?: number): string {
  let rows = values.slice(batch.start, batch.length);
  if (limit !== undefined && rows.some((value) => value !== null && value.length > limit))
    rows = rows.map((value) => (value !== null && value.length > limit ? value.slice(0, limit) : value));
  return wellFormedJson(rows);
}

/** JSON.stringify escapes a lone surrogate as `\udXXX`, which Postgres refuses; an escape preceded by an odd run of backslashes. */
const LONE_SURROGATE_ESCAPE = /(?<!\\)((?:\\\\)*)\\ud[89a-f][0-9a-f]{2}/g;

/**
 * The values as JSON, a lone surrogate (a client's `"\ud800"` in a model name) turned into U+FFFD as the
 * driver's UTF-8 encoding did with separate parameters, so such a record is stored as before instead of
 * failing its batch.
 */
export function wellFormedJson(rows: unknown): string {
  const json = JSON.stringify(rows);
  return json.includes('\\ud') ? json.replace(LONE_SURROGATE_ESCAPE, '$1\ufffd') : json;
}
