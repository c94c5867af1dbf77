import type { DataSource } from 'typeorm';
import type { BudgetPeriod } from '../consumer-key.types';

export interface PeriodUsage {
  day: number;
  month: number;
  total: number;
}

/** `day:YYYY-MM-DD`, `month:YYYY-MM` (UTC) or `total`. */
export function periodId(period: BudgetPeriod, at: Date): string {
  const iso = at.toISOString();
  if (period === 'day') return `day:${iso.slice(0, 10)}`;
  if (period === 'month') return `month:${iso.slice(0, 7)}`;
  return 'total';
}

/** Milliseconds until the period that holds `at` ends (null for `total`). */
export function periodRemainingMs(period: BudgetPeriod, at: Date): number | null {
  if (period === 'total') return null;
  const end =
    period === 'day'
      ? Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate() + 1)
      : Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1);
  return end - at.getTime();
}

/** What a key used in one period: tokens, and USD in nano-dollars (the live budget counters' unit). */
export interface PeriodSpend {
  tokens: number;
  nanoUsd: number;
}

export const NANO_PER_USD = 1_000_000_000;

/** One key's share of a usage batch: tokens and spend per period id, and its latest use. */
export interface UsageDelta {
  keyId: string;
  tokens: readonly { period: string; tokens: number; nanoUsd: number }[];
  lastUsedAt: Date;
}

/** A key's usage in the current day and month and in total, in tokens and in USD. */
export interface KeyUsageView {
  tokens: PeriodUsage;
  usd: PeriodUsage;
}

/** Durable token usage per key and period: the ground truth budgets are seeded from after a restart. */
export class KeyUsageRepository {
  constructor(private readonly dataSource: DataSource) {}

  async spent(keyId: string, period: string): Promise<PeriodSpend> {
    const rows: { tokens: string; spend_nano_usd: string }[] = await this.dataSource.query(
      'SELECT tokens, spend_nano_usd FROM consumer_key_usage WHERE key_id = $1 AND period = $2',
      [keyId, period],
    );
    return { tokens: Number(rows[0]?.tokens ?? 0), nanoUsd: Number(rows[0]?.spend_nano_usd ?? 0) };
  }

  /**
   * Adds every delta's tokens to its key's period rows and moves last_used_at forward, in one statement for the
   * whole batch. Keys deleted meanwhile are skipped.
   */
  async addBatch(deltas: readonly UsageDelta[]): Promise<void> {
    if (deltas.length === 0) return;
    const rows = deltas.flatMap((delta) => delta.tokens.map((row) => ({ keyId: delta.keyId, ...row })));
    await this.dataSource.query(
      `WITH used AS (
         INSERT INTO consumer_key_usage (key_id, period, tokens, spend_nano_usd)
         SELECT u.key_id, u.period, u.tokens, u.nano
         FROM unnest($1::uuid[], $2::text[], $3::bigint[], $6::bigint[]) AS u(key_id, period, tokens, nano)
         WHERE EXISTS (SELECT 1 FROM consumer_keys k WHERE k.id = u.key_id)
         ON CONFLICT (key_id, period) DO UPDATE SET tokens = consumer_key_usage.tokens + EXCLUDED.tokens,
           spend_nano_usd = consumer_key_usage.spend_nano_usd + EXCLUDED.spend_nano_usd
       )
       UPDATE consumer_keys k SET last_used_at = GREATEST(k.last_used_at, l.at)
       FROM unnest($4::uuid[], $5::timestamptz[]) AS l(id, at)
       WHERE k.id = l.id`,
      [
        rows.map((row) => row.keyId),
        rows.map((row) => row.period),
        rows.map((row) => row.tokens),
        deltas.map((delta) => delta.keyId),
        deltas.map((delta) => delta.lastUsedAt),
        rows.map((row) => row.nanoUsd),
      ],
    );
  }

  async usage(keyIds: string[], at: Date): Promise<Map<string, KeyUsageView>> {
    const result = new Map<string, KeyUsageView>(
      keyIds.map((id) => [
        id,
        { tokens: { day: 0, month: 0, total: 0 }, usd: { day: 0, month: 0, total: 0 } },
      ]),
    );
    if (keyIds.length === 0) return result;
    const rows: { key_id: string; period: string; tokens: string; spend_nano_usd: string }[] =
      await this.dataSource.query(
        `SELECT key_id, period, tokens, spend_nano_usd FROM consumer_key_usage
         WHERE key_id = ANY($1::uuid[]) AND period = ANY($2::text[])`,
        [keyIds, [periodId('day', at), periodId('month', at), 'total']],
      );
    for (const row of rows) {
      const usage = result.get(row.key_id)!;
      const period = row.period.split(':')[0] as keyof PeriodUsage;
      usage.tokens[period] = Number(row.tokens);
      usage.usd[period] = Number(row.spend_nano_usd) / NANO_PER_USD;
    }
    return result;
  }
}
