import type { RequestRecord } from '@switchboard/proxy';
import { DURATION_BUCKETS_MS, TTFB_BUCKETS_MS, bucketIndex } from '../metrics/buckets';
import type { SqlRunner } from '../sql';
import { ROLLUP_COUNT_COLUMNS } from './usage-rollup.columns';

/** One row of usage_rollups being accumulated in memory. */
interface RollupRow {
  minute: number;
  route: string;
  instance: string;
  model: string;
  keyId: string;
  keyName: string | null;
  statusClass: string;
  requests: number;
  errors4xx: number;
  errors5xx: number;
  errors429: number;
  fallbacks: number;
  tokens: [number, number, number, number, number];
  /** USD of the priced requests (unpriced ones add nothing). */
  costUsd: number;
  latency: number[];
  ttfb: number[];
}

const MINUTE_MS = 60_000;
const COLUMNS =
  'minute, route, instance, model, key_id, status_class, key_name, requests, errors_4xx, errors_5xx, errors_429, ' +
  'fallbacks, input_tokens, output_tokens, cache_read_tokens, cache_creation_tokens, reasoning_tokens, ' +
  'cost_usd, latency_buckets, ttfb_buckets';
const PER_ROW = 20;
const UPSERT_ROWS = 1000;

/**
 * Aggregates finished requests per minute × route × instance × requested model × key × status class in memory,
 * then adds them into `usage_rollups` with one upsert per flush, so every replica's counts add up. A failed
 * flush merges its rows back for the next one (counts are never lost while the process lives).
 */
export class UsageRollupAggregator {
  private rows = new Map<string, RollupRow>();

  constructor(private readonly sql: SqlRunner) {}

  get pendingRows(): number {
    return this.rows.size;
  }

  add(record: RequestRecord): void {
    const minute = Math.floor(record.started_at / MINUTE_MS) * MINUTE_MS;
    // Only a routed request keeps its model name: an unrouted one could be anything a client typed.
    const model = record.route === null ? '' : (record.model ?? '').slice(0, 200);
    const statusClass = `${Math.floor(record.status / 100)}xx`;
    const route = record.route ?? '';
    const instance = record.instance ?? '';
    const keyId = record.key?.id ?? '';
    const id = `${minute}\0${route}\0${instance}\0${model}\0${keyId}\0${statusClass}`;
    let row = this.rows.get(id);
    if (row === undefined) {
      row = {
        minute,
        route,
        instance,
        model,
        keyId,
        keyName: record.key?.name ?? null,
        statusClass,
        requests: 0,
        errors4xx: 0,
        errors5xx: 0,
        errors429: 0,
        fallbacks: 0,
        tokens: [0, 0, 0, 0, 0],
        costUsd: 0,
        latency: new Array<number>(DURATION_BUCKETS_MS.length + 1).fill(0),
        ttfb: new Array<number>(TTFB_BUCKETS_MS.length + 1).fill(0),
      };
      this.rows.set(id, row);
    }
    row.requests++;
    if (record.status >= 400 && record.status < 500) row.errors4xx++;
    if (record.status >= 500) row.errors5xx++;
    if (record.status === 429) row.errors429++;
    let sent = 0;
    for (const attempt of record.attempts) if (attempt.outcome !== 'skipped') sent++;
    if (sent > 1) row.fallbacks += sent - 1;
    const usage = record.usage;
    if (usage !== null) {
      row.tokens[0] += usage.input;
      row.tokens[1] += usage.output;
      row.tokens[2] += usage.cache_read;
      row.tokens[3] += usage.cache_creation;
      row.tokens[4] += usage.reasoning;
    }
    if (record.cost_usd !== null) row.costUsd += record.cost_usd;
    row.latency[bucketIndex(DURATION_BUCKETS_MS, record.duration_ms)]++;
    if (record.ttfb_ms !== null) row.ttfb[bucketIndex(TTFB_BUCKETS_MS, record.ttfb_ms)]++;
  }

  /** Adds everything aggregated so far into the table. */
  async flush(): Promise<void> {
    if (this.rows.size === 0) return;
    const rows = [...this.rows.values()];
    this.rows = new Map();
    for (let i = 0; i < rows.length; i += UPSERT_ROWS) {
      try {
        await this.upsert(rows.slice(i, i + UPSERT_ROWS));
      } catch (error) {
        // A failed statement added nothing: its rows and the ones not sent yet wait for the next flush.
        for (const row of rows.slice(i)) this.mergeBack(row);
        throw error;
      }
    }
  }

  private async upsert(rows: RollupRow[]): Promise<void> {
    const parameters: unknown[] = [];
    const values = rows.map((row, r) => {
      parameters.push(
        new Date(row.minute),
        row.route,
        row.instance,
        row.model,
        row.keyId,
        row.statusClass,
        row.keyName,
        row.requests,
        row.errors4xx,
        row.errors5xx,
        row.errors429,
        row.fallbacks,
        ...row.tokens,
        row.costUsd,
        row.latency,
        row.ttfb,
      );
      const at = r * PER_ROW;
      return `(${Array.from({ length: PER_ROW }, (_, i) => `$${at + i + 1}`).join(', ')})`;
    });
    const add = (column: string) => `${column} = usage_rollups.${column} + EXCLUDED.${column}`;
    await this.sql(
      `INSERT INTO usage_rollups (${COLUMNS}) VALUES ${values.join(', ')}
       ON CONFLICT (minute, route, instance, model, key_id, status_class) DO UPDATE SET
         key_name = coalesce(EXCLUDED.key_name, usage_rollups.key_name),
         ${[...ROLLUP_COUNT_COLUMNS, 'cost_usd'].map(add).join(', ')},
         latency_buckets = switchboard_add_buckets(usage_rollups.latency_buckets, EXCLUDED.latency_buckets),
         ttfb_buckets = switchboard_add_buckets(usage_rollups.ttfb_buckets, EXCLUDED.ttfb_buckets)`,
      parameters,
    );
  }

  /** Puts a row that was not added back, merged with what arrived meanwhile. */
  private mergeBack(row: RollupRow): void {
    const id = `${row.minute}\0${row.route}\0${row.instance}\0${row.model}\0${row.keyId}\0${row.statusClass}`;
    const current = this.rows.get(id);
    if (current === undefined) {
      this.rows.set(id, row);
      return;
    }
    current.requests += row.requests;
    current.errors4xx += row.errors4xx;
    current.errors5xx += row.errors5xx;
    current.errors429 += row.errors429;
    current.fallbacks += row.fallbacks;
    for (let i = 0; i < 5; i++) current.tokens[i] += row.tokens[i];
    current.costUsd += row.costUsd;
    for (let i = 0; i < current.latency.length; i++) current.latency[i] += row.latency[i];
    for (let i = 0; i < current.ttfb.length; i++) current.ttfb[i] += row.ttfb[i];
  }
}
