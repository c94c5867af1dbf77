import { GatewayError, GatewayErrorCode, gatewayErrorStatus } from '@switchboard/common/errors';
import type { BudgetPeriod } from '../consumer-key.types';
import { modelAllowed } from '../gate/model-access';
import type { BudgetUnit } from '../limits/budget-meter';
import type { KeyLimiter, WindowStanding } from '../limits/key-limiter';
import type { ConsumerKeyRepository } from '../persistence/consumer-key.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface WindowView {
  limit: number;
  used: number;
  remaining: number;
  reset_seconds: number;
}

/** A consumer key's limits as a request with `model` would meet them now (explain). */
export interface KeyStandingView {
  id: string;
  name: string;
  enabled: boolean;
  expires_at: string | null;
  /** The models the key may use (exact names or globs); null: every model. */
  models: string[] | null;
  model: { name: string; allowed: boolean };
  requests_per_minute: WindowView | null;
  tokens_per_minute: WindowView | null;
  budgets: {
    unit: BudgetUnit;
    period: BudgetPeriod;
    limit: number;
    spent: number;
    remaining: number;
    resets_in_seconds: number | null;
  }[];
  /** What the data plane would answer instead of trying any instance; null when the key would be admitted. */
  refused: { status: number; code: string; type: string | undefined; message: string } | null;
}

/**
 * Reads where a key stands (disabled or expired, model allowed, rpm and tpm windows, token and USD budgets) in
 * the order the data plane checks them, from the same counters, without counting a request or seeding a
 * budget. A separate admin process without REDIS_URL has its own (empty) windows; budgets then come from
 * PostgreSQL (at most ~1 s behind).
 */
export class KeyStandingReader {
  constructor(
    private readonly keys: ConsumerKeyRepository,
    private readonly limiter: KeyLimiter,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Null when no key has this id or name. */
  async read(idOrName: string, model: string): Promise<KeyStandingView | null> {
    const key =
      (UUID.test(idOrName) ? await this.keys.findById(idOrName) : null) ??
      (await this.keys.findByName(idOrName));
    if (key === null) return null;
    const standing = await this.limiter.standing(key);
    const allowed = modelAllowed(key.models, model);
    const expired = key.expires_at !== null && Date.parse(key.expires_at) <= this.now().getTime();
    let refusal: GatewayError | null = null;
    if (!key.enabled || expired)
      refusal = new GatewayError(
        GatewayErrorCode.INVALID_API_KEY,
        `This consumer key is ${expired ? 'expired' : 'disabled'}.`,
        { clientType: 'invalid_request_error', clientCode: 'invalid_api_key' },
      );
    else if (!allowed)
      refusal = new GatewayError(
        GatewayErrorCode.MODEL_NOT_ALLOWED,
        `This key may not use the model '${model}'.`,
        {
          clientType: 'invalid_request_error',
          clientCode: 'model_not_allowed',
        },
      );
    else refusal = standing.refusal;
    return {
      id: key.id,
      name: key.name,
      enabled: key.enabled,
      expires_at: key.expires_at,
      models: key.models,
      model: { name: model, allowed },
      requests_per_minute: windowView(standing.requests),
      tokens_per_minute: windowView(standing.tokens),
      budgets: standing.budgets.map((budget) => ({
        unit: budget.unit,
        period: budget.period,
        limit: budget.limit,
        spent: budget.spent,
        remaining: budget.remaining,
        resets_in_seconds: budget.resetMs === null ? null : Math.ceil(budget.resetMs / 1000),
      })),
      refused:
        refusal === null
          ? null
          : {
              status: gatewayErrorStatus(refusal),
              code: refusal.clientCode ?? refusal.code,
              type: refusal.clientType,
              message: refusal.message,
            },
    };
  }
}

function windowView(window: WindowStanding | null): WindowView | null {
  if (window === null) return null;
  return {
    limit: window.limit,
    used: window.used,
    remaining: window.remaining,
    reset_seconds: Math.ceil(window.resetMs / 1000),
  };
}
