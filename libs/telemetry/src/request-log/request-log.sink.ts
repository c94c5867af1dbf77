import type { RequestRecord } from '@switchboard/proxy';
import type { SqlRunner } from '../sql';
import { JsonPieces, jsonNumber, jsonThousandths } from './json-pieces';
import { RequestLogBatch } from './request-log.batch';

const NAME_LIMIT = 200;
const MESSAGE_LIMIT = 2048;
/** The JSON of names and codes that repeat from row to row (see JsonPieces). */
const pieces = new JsonPieces();

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

type TextValues = (b: RequestLogBatch) => readonly (string | null)[];
type EncodeTexts = (values: readonly (string | null)[], batch: RequestLogBatch, limit?: number) => string;

const textColumn =
  (encode: EncodeTexts) =>
  (name: string, values: TextValues, limit?: number): Column => ({
    name,
    carrier: 'texts',
    expression: `c.${name}`,
    parameter: (batch) => encode(values(batch), batch, limit),
  });

/** A text column whose values differ from row to row (ids, messages). */
const texts = textColumn(textArray);
/** A text column of names and codes that repeat from row to row. */
const names = textColumn(repeatedTextArray);

/**
 * A number column, sent as a float8[] literal (NaN, which stood for null, as NULL). Its values are kept to
 * three decimals (times in milliseconds to the microsecond, integers) unless `write` says otherwise.
 */
const numbers = (
  name: string,
  values: (b: RequestLogBatch) => Float64Array | Uint8Array,
  expression: string,
  write: (value: number) => string = jsonThousandths,
): Column => ({
  name,
  carrier: 'numbers',
  expression,
  parameter: (batch) => float8Literal(values(batch), batch, write),
});

const nullableNumbers = (
  name: string,
  type: string,
  values: (b: RequestLogBatch) => Float64Array,
  write?: (value: number) => string,
): Column => numbers(name, values, `c.${name}::${type}`, write);

const COLUMNS: readonly Column[] = [
  texts('request_id', (b) => b.requestId, NAME_LIMIT),
  numbers('started_at', (b) => b.startedAt, 'to_timestamp(c.started_at / 1000)'),
  nullableNumbers('duration_ms', 'real', (b) => b.durationMs),
  nullableNumbers('ttfb_ms', 'real', (b) => b.ttfbMs),
  names('client_protocol', (b) => b.clientProtocol),
  names('endpoint', (b) => b.endpoint),
  numbers('stream', (b) => b.stream, 'c.stream <> 0'),
  names('model', (b) => b.model, NAME_LIMIT),
  names('route_id', (b) => b.routeId),
  names('route', (b) => b.route),
  names('instance', (b) => b.instance),
  names('upstream_model', (b) => b.upstreamModel, NAME_LIMIT),
  nullableNumbers('status', 'smallint', (b) => b.status),
  names('error_code', (b) => b.errorCode),
  texts('error_message', (b) => b.errorMessage, MESSAGE_LIMIT),
  {
    name: 'attempts',
    carrier: 'json',
    expression: 'c.attempts::jsonb',
    parameter: (batch) => wellFormed(batch.attemptsJson(pieces)),
  },
  nullableNumbers('input_tokens', 'integer', (b) => b.inputTokens),
  nullableNumbers('output_tokens', 'integer', (b) => b.outputTokens),
  nullableNumbers('cache_read_tokens', 'integer', (b) => b.cacheReadTokens),
  nullableNumbers('cache_creation_tokens', 'integer', (b) => b.cacheCreationTokens),
  nullableNumbers('reasoning_tokens', 'integer', (b) => b.reasoningTokens),
  names('key_id', (b) => b.keyId),
  names('key_name', (b) => b.keyName),
  nullableNumbers('cost_usd', 'double precision', (b) => b.costUsd, jsonNumber),
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
    rows = rows.map((value) => cut(value, limit));
  return wellFormedJson(rows);
}

/** A text cut to `limit` characters (none: as it is). */
function cut(value: string | null, limit: number | undefined): string | null {
  return limit !== undefined && value !== null && value.length > limit ? value.slice(0, limit) : value;
}

/** A number column's rows as a float8[] literal; `null` (JSON's, for NaN) is the literal's NULL. */
function float8Literal(
  values: Float64Array | Uint8Array,
  batch: RequestLogBatch,
  write: (value: number) => string,
): string {
  const rows = new Array<string>(batch.size);
  for (let i = batch.start; i < batch.length; i++) rows[i - batch.start] = write(values[i]);
  return `{${rows.join(',')}}`;
}

/** A names column's rows as a JSON array, joined from their pieces, each cut to `limit` characters. */
function repeatedTextArray(
  values: readonly (string | null)[],
  batch: RequestLogBatch,
  limit?: number,
): string {
  const rows = new Array<string>(batch.size);
  for (let i = batch.start; i < batch.length; i++) rows[i - batch.start] = pieces.text(cut(values[i], limit));
  return wellFormed(`[${rows.join(',')}]`);
}

/** JSON.stringify escapes a lone surrogate as `\udXXX`, which Postgres refuses; an escape preceded by an odd run of backslashes. */
const LONE_SURROGATE_ESCAPE = /(?<!\\)((?:\\\\)*)\\ud[89a-f][0-9a-f]{2}/g;

/**
 * The values as JSON, a lone surrogate (a client's `"\ud800"` in a model name) turned into U+FFFD as the
 * driver's UTF-8 encoding did with separate parameters, so such a record is stored as before instead of
 * failing its batch.
 */
export function wellFormedJson(rows: unknown): string {
  return wellFormed(JSON.stringify(rows));
}

function wellFormed(json: string): string {
  return json.includes('\\ud') ? json.replace(LONE_SURROGATE_ESCAPE, '$1\ufffd') : json;
}
