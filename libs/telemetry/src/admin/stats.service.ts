import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DURATION_BUCKETS_MS, TTFB_BUCKETS_MS, histogramQuantile } from '../metrics/buckets';
import { ROLLUP_COUNT_COLUMNS } from '../rollups/usage-rollup.columns';
import { QueryReader, readWindow } from './query-params';
import {
  GROUP_BYS,
  STEPS,
  type GroupBy,
  type Percentiles,
  type Stats,
  type StatsGroup,
  type Step,
  type Timeseries,
} from './stats.types';

const MAX_BUCKETS = 1500;

const GROUP_COLUMNS: Record<GroupBy, string[]> = {
  none: [],
  route: ['route'],
  instance: ['route', 'instance'],
  model: ['model'],
  key: ['key_id'],
};

interface AggregateRow {
  [column: string]: unknown;
  bucket?: Date;
  requests: string;
  errors_4xx: string;
  errors_5xx: string;
  errors_429: string;
  fallbacks: string;
  input_tokens: string;
  output_tokens: string;
  cache_read_tokens: string;
  cache_creation_tokens: string;
  reasoning_tokens: string;
  cost_usd: number | string | null;
  latency: (string | number)[];
  ttfb: (string | number)[];
}

/** /admin/stats and /admin/stats/timeseries: sums over `usage_rollups` only (never the raw request log). */
@Injectable()
export class StatsService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async stats(query: Record<string, unknown>): Promise<Stats> {
    const reader = new QueryReader(query);
    const { since, until } = readWindow(reader);
    const groupBy = reader.oneOf('group_by', GROUP_BYS, 'none');
    reader.done();
    const rows = await this.aggregate(since, until, groupBy, undefined);
    return {
      since: since.toISOString(),
      until: until.toISOString(),
      group_by: groupBy,
      groups: rows.map((row) => toGroup(row, groupBy)),
    };
  }

  async timeseries(query: Record<string, unknown>): Promise<Timeseries> {
    const reader = new QueryReader(query);
    const { since, until } = readWindow(reader);
    const groupBy = reader.oneOf('group_by', GROUP_BYS, 'none');
    const step = reader.oneOf('step', Object.keys(STEPS) as Step[], '5m');
    const stepMs = STEPS[step] * 1000;
    const first = Math.floor(since.getTime() / stepMs) * stepMs;
    if ((until.getTime() - first) / stepMs > MAX_BUCKETS) {
      reader.fail('step', `since..until spans more than ${MAX_BUCKETS} steps of ${step}; use a larger step`);
    }
    reader.done();
    const rows = await this.aggregate(since, until, groupBy, STEPS[step]);
    const buckets = new Map<number, StatsGroup[]>();
    for (let start = first; start < until.getTime(); start += stepMs) buckets.set(start, []);
    for (const row of rows) buckets.get(new Date(row.bucket!).getTime())?.push(toGroup(row, groupBy));
    return {
      since: since.toISOString(),
      until: until.toISOString(),
      step,
      group_by: groupBy,
      buckets: [...buckets].map(([start, groups]) => ({ start: new Date(start).toISOString(), groups })),
    };
  }

  private aggregate(
    since: Date,
    until: Date,
    groupBy: GroupBy,
    stepSeconds: number | undefined,
  ): Promise<AggregateRow[]> {
    const columns = [...GROUP_COLUMNS[groupBy]];
    const select = [...columns];
    if (groupBy === 'key') select.push('max(key_name) AS key_name');
    if (stepSeconds !== undefined) {
      select.unshift(
        `to_timestamp(floor(extract(epoch FROM minute) / ${stepSeconds}) * ${stepSeconds}) AS bucket`,
      );
      columns.unshift('bucket');
    }
    const sums: string[] = ROLLUP_COUNT_COLUMNS.map((column) => `sum(${column})::bigint AS ${column}`);
    sums.push('coalesce(sum(cost_usd), 0)::double precision AS cost_usd');
    // Without grouping the aggregate answers one row even over no data: one group of zeros.
    const groupClause =
      columns.length === 0 ? '' : ` GROUP BY ${columns.join(', ')} ORDER BY ${columns.join(', ')}`;
    return this.dataSource.query(
      `SELECT ${[...select, ...sums].join(', ')},
         switchboard_sum_buckets(latency_buckets) AS latency, switchboard_sum_buckets(ttfb_buckets) AS ttfb
       FROM usage_rollups WHERE minute >= $1 AND minute < $2${groupClause}`,
      [since, until],
    ) as Promise<AggregateRow[]>;
  }
}

function toGroup(row: AggregateRow, groupBy: GroupBy): StatsGroup {
  const value = (column: string) => {
    const text = row[column] as string | null;
    return text === '' || text === null ? null : text;
  };
  const group: Record<string, string | null> = {};
  if (groupBy === 'route' || groupBy === 'instance') group.route = value('route');
  if (groupBy === 'instance') group.instance = value('instance');
  if (groupBy === 'model') group.model = value('model');
  if (groupBy === 'key') {
    group.key_id = value('key_id');
    group.key_name = value('key_name');
  }
  const latency = (row.latency ?? []).map(Number);
  const ttfb = (row.ttfb ?? []).map(Number);
  return {
    group,
    requests: Number(row.requests),
    errors: { '4xx': Number(row.errors_4xx), '5xx': Number(row.errors_5xx), '429': Number(row.errors_429) },
    fallbacks: Number(row.fallbacks),
    latency_ms: percentiles(DURATION_BUCKETS_MS, latency),
    ttfb_ms: percentiles(TTFB_BUCKETS_MS, ttfb),
    tokens: {
      input: Number(row.input_tokens),
      output: Number(row.output_tokens),
      cache_read: Number(row.cache_read_tokens),
      cache_creation: Number(row.cache_creation_tokens),
      reasoning: Number(row.reasoning_tokens),
    },
    cost: Number(row.cost_usd ?? 0),
  };
}

function percentiles(bounds: readonly number[], counts: number[]): Percentiles {
  const round = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
  return {
    p50: round(histogramQuantile(bounds, counts, 0.5)),
    p95: round(histogramQuantile(bounds, counts, 0.95)),
    p99: round(histogramQuantile(bounds, counts, 0.99)),
  };
}
