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

/** Durable token usage per key and period: the ground truth budgets are seeded from after a restart. */
export class KeyUsageRepository {
  constructor(private readonly dataSource: DataSource) {}

  async tokens(keyId: string, period: string): Promise<number> {
    const rows: { tokens: string }[] = await this.dataSource.query(
      'SELECT tokens FROM consumer_key_usage WHERE key_id = $1 AND period = $2',
      [keyId, period],
    );
    return Number(rows[0]?.tokens ?? 0);
  }

  /** Adds `tokens` to the key's day, month and total rows and stamps last_used_at, in one statement. */
  async add(keyId: string, tokens: number, at: Date): Promise<void> {
    await this.dataSource.query(
      `WITH used AS (
         INSERT INTO consumer_key_usage (key_id, period, tokens)
         SELECT $1, period, $2 FROM unnest($3::text[]) AS period
         WHERE EXISTS (SELECT 1 FROM consumer_keys WHERE id = $1)
         ON CONFLICT (key_id, period) DO UPDATE SET tokens = consumer_key_usage.tokens + EXCLUDED.tokens
       )
       UPDATE consumer_keys SET last_used_at = $4 WHERE id = $1`,
      [keyId, tokens, [periodId('day', at), periodId('month', at), 'total'], at],
    );
  }

  async usage(keyIds: string[], at: Date): Promise<Map<string, PeriodUsage>> {
    const result = new Map<string, PeriodUsage>(keyIds.map((id) => [id, { day: 0, month: 0, total: 0 }]));
    if (keyIds.length === 0) return result;
    const rows: { key_id: string; period: string; tokens: string }[] = await this.dataSource.query(
      'SELECT key_id, period, tokens FROM consumer_key_usage WHERE key_id = ANY($1::uuid[]) AND period = ANY($2::text[])',
      [keyIds, [periodId('day', at), periodId('month', at), 'total']],
    );
    for (const row of rows) {
      const usage = result.get(row.key_id)!;
      usage[row.period.split(':')[0] as keyof PeriodUsage] = Number(row.tokens);
    }
    return result;
  }
}
