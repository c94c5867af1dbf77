import { GatewayError, GatewayErrorCode } from '@switchboard/common/errors';
import type { ConsumerKey } from '../consumer-key.types';
import type { KeyUsageRepository } from '../persistence/key-usage.repository';
import { budgetAmount, BudgetMeter, type BudgetStanding } from './budget-meter';
import type { CounterStore } from './counter-store';

const MINUTE_MS = 60_000;

/** A per-minute window as it stands. */
export interface WindowStanding {
  limit: number;
  used: number;
  remaining: number;
  resetMs: number;
}

/** Where a key stands now, read without counting anything (explain). */
export interface KeyStanding {
  requests: WindowStanding | null;
  tokens: WindowStanding | null;
  budgets: BudgetStanding[];
  /** What the next request would be refused with, if anything. */
  refusal: GatewayError | null;
}

/**
 * rpm, tpm and budgets (tokens and USD) of consumer keys over live counters. A request is admitted while every
 * window has room (so one request may overshoot a limit by its own size); tokens and cost are added when its
 * response ends. Budget counters are seeded from Postgres the first time a period is seen, so a restart or a
 * rotation (same key id) never resets them, and they are checked live: the request after the one that used a
 * budget up is refused.
 */
export class KeyLimiter {
  private readonly budgets: BudgetMeter;

  constructor(
    private readonly counters: CounterStore,
    usage: KeyUsageRepository,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.budgets = new BudgetMeter(counters, usage);
  }

  /** Headers for the response (`x-ratelimit-*`); throws RATE_LIMITED or QUOTA_EXCEEDED with `retry-after`. */
  async admit(key: ConsumerKey): Promise<Record<string, string>> {
    const headers: Record<string, string> = {};
    const exhausted = (await this.budgets.standings(key, this.now())).find((budget) => budget.exhausted);
    if (exhausted !== undefined) throw budgetRefusal(exhausted, await this.peek(key));
    if (key.tpm !== null) {
      const window = await this.window('tpm', key.id, key.tpm);
      Object.assign(headers, limitHeaders('tokens', window));
      if (window.used >= key.tpm) throw tpmRefusal(key.tpm, window, headers);
    }
    if (key.rpm !== null) {
      const counted = await this.counters.add(`rpm:${key.id}`, 1, MINUTE_MS);
      const window = standing(key.rpm, counted.count, counted.resetMs);
      Object.assign(headers, limitHeaders('requests', window));
      if (counted.count > key.rpm) throw rpmRefusal(key.rpm, window, headers);
    }
    return headers;
  }

  /** The `x-ratelimit-*` headers as the windows stand, counting nothing (for a request refused otherwise). */
  async peek(key: ConsumerKey): Promise<Record<string, string>> {
    const headers: Record<string, string> = {};
    if (key.tpm !== null)
      Object.assign(headers, limitHeaders('tokens', await this.window('tpm', key.id, key.tpm)));
    if (key.rpm !== null)
      Object.assign(headers, limitHeaders('requests', await this.window('rpm', key.id, key.rpm)));
    return headers;
  }

  /** Where the key stands and what `admit` would answer now, without counting the request or seeding budgets. */
  async standing(key: ConsumerKey): Promise<KeyStanding> {
    const budgets = await this.budgets.standings(key, this.now(), false);
    const tokens = key.tpm === null ? null : await this.window('tpm', key.id, key.tpm);
    const requests = key.rpm === null ? null : await this.window('rpm', key.id, key.rpm);
    const headers = {
      ...(tokens === null ? {} : limitHeaders('tokens', tokens)),
      ...(requests === null ? {} : limitHeaders('requests', requests)),
    };
    const exhausted = budgets.find((budget) => budget.exhausted);
    let refusal: GatewayError | null = null;
    if (exhausted !== undefined) refusal = budgetRefusal(exhausted, headers);
    else if (tokens !== null && tokens.remaining <= 0) refusal = tpmRefusal(tokens.limit, tokens, headers);
    else if (requests !== null && requests.remaining <= 0)
      refusal = rpmRefusal(requests.limit, requests, headers);
    return { requests, tokens, budgets, refusal };
  }

  /** Counts a finished response's tokens (tpm window and token budget) and cost in USD (USD budget). */
  async settle(key: ConsumerKey, tokens: number, costUsd: number | null = null): Promise<void> {
    if (tokens > 0 && key.tpm !== null) await this.counters.add(`tpm:${key.id}`, tokens, MINUTE_MS);
    await this.budgets.add(key, Math.max(0, tokens), costUsd, this.now());
  }

  private async window(kind: 'rpm' | 'tpm', keyId: string, limit: number): Promise<WindowStanding> {
    const value = await this.counters.get(`${kind}:${keyId}`);
    return standing(limit, value?.count ?? 0, value?.resetMs ?? MINUTE_MS);
  }
}

function standing(limit: number, used: number, resetMs: number | null): WindowStanding {
  return { limit, used, remaining: Math.max(0, limit - used), resetMs: resetMs ?? MINUTE_MS };
}

function budgetRefusal(budget: BudgetStanding, headers: Record<string, string>): GatewayError {
  const wording = budget.period === 'total' ? 'in total' : `this ${budget.period}, UTC`;
  return new GatewayError(
    GatewayErrorCode.QUOTA_EXCEEDED,
    `This key has used its budget of ${budgetAmount(budget)} (${wording}).`,
    {
      clientType: 'insufficient_quota',
      clientCode: 'insufficient_quota',
      headers: {
        ...headers,
        ...(budget.resetMs === null ? {} : { 'retry-after': seconds(budget.resetMs) }),
      },
    },
  );
}

function tpmRefusal(limit: number, window: WindowStanding, headers: Record<string, string>): GatewayError {
  return rateLimited(`This key's limit of ${limit} tokens per minute is reached.`, 'tokens', window, headers);
}

function rpmRefusal(limit: number, window: WindowStanding, headers: Record<string, string>): GatewayError {
  return rateLimited(
    `This key's limit of ${limit} requests per minute is reached.`,
    'requests',
    window,
    headers,
  );
}

function limitHeaders(kind: 'requests' | 'tokens', window: WindowStanding): Record<string, string> {
  return {
    [`x-ratelimit-limit-${kind}`]: String(window.limit),
    [`x-ratelimit-remaining-${kind}`]: String(window.remaining),
    [`x-ratelimit-reset-${kind}`]: `${seconds(window.resetMs)}s`,
  };
}

function rateLimited(
  message: string,
  kind: 'requests' | 'tokens',
  window: WindowStanding,
  headers: Record<string, string>,
): GatewayError {
  return new GatewayError(GatewayErrorCode.RATE_LIMITED, message, {
    clientType: kind,
    clientCode: 'rate_limit_exceeded',
    headers: { ...headers, 'retry-after': seconds(window.resetMs) },
  });
}

function seconds(ms: number): string {
  return String(Math.max(1, Math.ceil(ms / 1000)));
}
