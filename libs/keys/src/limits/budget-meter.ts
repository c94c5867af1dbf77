import type { BudgetPeriod, ConsumerKey } from '../consumer-key.types';
import {
  NANO_PER_USD,
  periodId,
  periodRemainingMs,
  type KeyUsageRepository,
  type PeriodSpend,
} from '../persistence/key-usage.repository';
import type { CounterStore, CounterValue } from './counter-store';

/** Budget counters outlive their period a little so a late settlement still finds them. */
const BUDGET_SLACK_MS = 3_600_000;

export type BudgetUnit = 'tokens' | 'usd';

/** One budget of a key as its live counter stands (USD budgets in USD, counted in nano-dollars). */
export interface BudgetStanding {
  unit: BudgetUnit;
  period: BudgetPeriod;
  limit: number;
  spent: number;
  remaining: number;
  /** Milliseconds until the period ends; null for a total budget. */
  resetMs: number | null;
  exhausted: boolean;
}

const UNITS: readonly { unit: BudgetUnit; prefix: string; field: keyof PeriodSpend; scale: number }[] = [
  { unit: 'tokens', prefix: 'budget', field: 'tokens', scale: 1 },
  { unit: 'usd', prefix: 'budget-usd', field: 'nanoUsd', scale: NANO_PER_USD },
];

/**
 * A key's token and USD budgets on live counters (integers: tokens, nano-dollars). Each counter is seeded from
 * Postgres the first time its period is seen in this counter store, so a restart or a rotation never resets it.
 */
export class BudgetMeter {
  constructor(
    private readonly counters: CounterStore,
    private readonly usage: KeyUsageRepository,
  ) {}

  /**
   * Every budget the key has, with its spend. `seed: false` reads without creating counters (explain: a process
   * that never settles must not freeze a stale value into a counter).
   */
  async standings(key: ConsumerKey, at: Date, seed = true): Promise<BudgetStanding[]> {
    const budget = key.budget;
    if (budget === null) return [];
    const standings: BudgetStanding[] = [];
    let stored: PeriodSpend | undefined;
    const storedSpend = async () => (stored ??= await this.usage.spent(key.id, periodId(budget.period, at)));
    for (const { unit, prefix, field, scale } of UNITS) {
      const limit = budget[unit];
      if (limit === undefined) continue;
      const name = counterName(prefix, key, at);
      let value: CounterValue | null = await this.counters.get(name);
      if (value === null) {
        const count = (await storedSpend())[field];
        value = seed
          ? await this.counters.seed(name, count, budgetWindow(budget.period, at))
          : { count, resetMs: null };
      }
      const limitCount = Math.round(limit * scale);
      standings.push({
        unit,
        period: budget.period,
        limit,
        spent: value.count / scale,
        remaining: Math.max(0, limitCount - value.count) / scale,
        resetMs: periodRemainingMs(budget.period, at),
        exhausted: value.count >= limitCount,
      });
    }
    return standings;
  }

  /** Counts one finished request's tokens and cost (USD, null when unpriced) toward the key's budgets. */
  async add(key: ConsumerKey, tokens: number, costUsd: number | null, at: Date): Promise<void> {
    const budget = key.budget;
    if (budget === null) return;
    const amounts: Record<BudgetUnit, number> = {
      tokens,
      usd: costUsd === null ? 0 : Math.round(costUsd * NANO_PER_USD),
    };
    const standing = await this.standings(key, at);
    for (const { unit, prefix } of UNITS) {
      if (amounts[unit] <= 0 || !standing.some((item) => item.unit === unit)) continue;
      await this.counters.add(counterName(prefix, key, at), amounts[unit], budgetWindow(budget.period, at));
    }
  }
}

function counterName(prefix: string, key: ConsumerKey, at: Date): string {
  return `${prefix}:${key.id}:${periodId(key.budget!.period, at)}`;
}

function budgetWindow(period: BudgetPeriod, at: Date): number | null {
  const remaining = periodRemainingMs(period, at);
  return remaining === null ? null : remaining + BUDGET_SLACK_MS;
}

/** What a refusal says: "50000 tokens" or "$25". */
export function budgetAmount(standing: Pick<BudgetStanding, 'unit' | 'limit'>): string {
  return standing.unit === 'usd' ? `$${standing.limit} (USD)` : `${standing.limit} tokens`;
}
