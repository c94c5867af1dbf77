export type BudgetPeriod = 'day' | 'month' | 'total';

/** A spending cap per period: in tokens (input + output), in USD (catalogue prices × usage), or both. */
export interface KeyBudget {
  tokens?: number;
  usd?: number;
  period: BudgetPeriod;
}

/** A consumer key as the gateway and the admin API see it (never the key itself). */
export interface ConsumerKey {
  id: string;
  name: string;
  key_prefix: string;
  /** Null: every model. Exact names or `*` globs. */
  models: string[] | null;
  rpm: number | null;
  tpm: number | null;
  budget: KeyBudget | null;
  expires_at: string | null;
  enabled: boolean;
  metadata: Record<string, unknown>;
  last_used_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** What the data plane attaches to a request and its RequestRecord. */
export interface KeyIdentity {
  id: string;
  name: string;
}

/** The writable fields, validated. */
export interface KeyInput {
  name: string;
  models: string[] | null;
  rpm: number | null;
  tpm: number | null;
  budget: KeyBudget | null;
  expires_at: string | null;
  enabled: boolean;
  metadata: Record<string, unknown>;
}
