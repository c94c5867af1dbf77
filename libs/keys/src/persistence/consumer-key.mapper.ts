import type { BudgetPeriod, ConsumerKey, KeyBudget, KeyInput } from '../consumer-key.types';
import type { ConsumerKeyEntity } from './consumer-key.entity';

export function toConsumerKey(row: ConsumerKeyEntity): ConsumerKey {
  return {
    id: row.id,
    name: row.name,
    key_prefix: row.key_prefix,
    models: row.models === null ? null : [...row.models],
    rpm: row.rpm,
    tpm: row.tpm,
    budget: toBudget(row),
    expires_at: row.expires_at?.toISOString() ?? null,
    enabled: row.enabled,
    metadata: row.metadata as Record<string, unknown>,
    last_used_at: row.last_used_at?.toISOString() ?? null,
    version: row.version,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

/** Columns written from an input (create, patch). */
export function inputColumns(input: KeyInput): Partial<ConsumerKeyEntity> {
  return {
    name: input.name,
    models: input.models,
    rpm: input.rpm,
    tpm: input.tpm,
    budget_tokens: input.budget?.tokens === undefined ? null : String(input.budget.tokens),
    budget_usd: input.budget?.usd ?? null,
    budget_period: input.budget?.period ?? null,
    expires_at: input.expires_at === null ? null : new Date(input.expires_at),
    enabled: input.enabled,
    metadata: input.metadata,
  };
}

function toBudget(row: ConsumerKeyEntity): KeyBudget | null {
  if (row.budget_period === null || (row.budget_tokens === null && row.budget_usd === null)) return null;
  return {
    ...(row.budget_tokens === null ? {} : { tokens: Number(row.budget_tokens) }),
    ...(row.budget_usd === null ? {} : { usd: Number(row.budget_usd) }),
    period: row.budget_period as BudgetPeriod,
  };
}
