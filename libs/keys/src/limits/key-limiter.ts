import { GatewayError, GatewayErrorCode } from '@switchboard/common/errors';
import type { ConsumerKey } from '../consumer-key.types';
import { periodId, periodRemainingMs, type KeyUsageRepository } from '../persistence/key-usage.repository';
import type { CounterStore, CounterValue } from './counter-store';

const MINUTE_MS = 60_000;
/** Budget counters outlive their period a little so a late settlement still finds them. */
const BUDGET_SLACK_MS = 3_600_000;

/**
 * rpm, tpm and budgets of consumer keys over live counters. A request is admitted while every window has
 * room (so one request may overshoot a token limit by its own size); tokens are added when its response ends.
 * Budget counters are seeded from Postgres the first time a period is seen, so a restart or a rotation
 * (same key id) never resets them, and they are checked live: the request after the one that used a budget
 * up is refused.
 */
export class KeyLimiter {
  constructor(
    private readonly counters: CounterStore,
    private readonly usage: KeyUsageRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Headers for the response (`x-ratelimit-*`); throws RATE_LIMITED or QUOTA_EXCEEDED with `retry-after`. */
  async admit(key: ConsumerKey): Promise<Record<string, string>> {
    const headers: Record<string, string> = {};
    const at = this.now();
    if (key.budget !== null) {
      const used = (await this.budgetCounter(key, at)).count;
      if (used >= key.budget.tokens) {
        const remaining = periodRemainingMs(key.budget.period, at);
        throw new GatewayError(
          GatewayErrorCode.QUOTA_EXCEEDED,
          `This key has used its budget of ${key.budget.tokens} tokens (${budgetWording(key.budget.period)}).`,
          {
            clientType: 'insufficient_quota',
            clientCode: 'insufficient_quota',
            headers: {
              ...(await this.peek(key)),
              ...(remaining === null ? {} : { 'retry-after': seconds(remaining) }),
            },
          },
        );
      }
    }
    if (key.tpm !== null) {
      const window = await this.counters.get(`tpm:${key.id}`);
      const used = window?.count ?? 0;
      const reset = window?.resetMs ?? MINUTE_MS;
      Object.assign(headers, limitHeaders('tokens', key.tpm, used, reset));
      if (used >= key.tpm) {
        throw rateLimited(
          `This key's limit of ${key.tpm} tokens per minute is reached.`,
          'tokens',
          reset,
          headers,
        );
      }
    }
    if (key.rpm !== null) {
      const window = await this.counters.add(`rpm:${key.id}`, 1, MINUTE_MS);
      const reset = window.resetMs ?? MINUTE_MS;
      Object.assign(headers, limitHeaders('requests', key.rpm, window.count, reset));
      if (window.count > key.rpm) {
        throw rateLimited(
          `This key's limit of ${key.rpm} requests per minute is reached.`,
          'requests',
          reset,
          headers,
        );
      }
    }
    return headers;
  }

  /** The `x-ratelimit-*` headers as the windows stand, counting nothing (for a request refused otherwise). */
  async peek(key: ConsumerKey): Promise<Record<string, string>> {
    const headers: Record<string, string> = {};
    for (const [kind, limit] of [
      ['tokens', key.tpm],
      ['requests', key.rpm],
    ] as const) {
      if (limit === null) continue;
      const window = await this.counters.get(`${kind === 'tokens' ? 'tpm' : 'rpm'}:${key.id}`);
      Object.assign(headers, limitHeaders(kind, limit, window?.count ?? 0, window?.resetMs ?? MINUTE_MS));
    }
    return headers;
  }

  /** Counts the tokens of a finished response toward the key's tpm window and budget (live counters). */
  async settle(key: ConsumerKey, tokens: number): Promise<void> {
    if (tokens <= 0) return;
    const at = this.now();
    if (key.tpm !== null) await this.counters.add(`tpm:${key.id}`, tokens, MINUTE_MS);
    if (key.budget !== null) {
      await this.budgetCounter(key, at);
      await this.counters.add(budgetName(key, at), tokens, budgetWindow(key, at));
    }
  }

  private async budgetCounter(key: ConsumerKey, at: Date): Promise<CounterValue> {
    const name = budgetName(key, at);
    const live = await this.counters.get(name);
    if (live !== null) return live;
    const stored = await this.usage.tokens(key.id, periodId(key.budget!.period, at));
    return this.counters.seed(name, stored, budgetWindow(key, at));
  }
}

function budgetName(key: ConsumerKey, at: Date): string {
  return `budget:${key.id}:${periodId(key.budget!.period, at)}`;
}

function budgetWindow(key: ConsumerKey, at: Date): number | null {
  const remaining = periodRemainingMs(key.budget!.period, at);
  return remaining === null ? null : remaining + BUDGET_SLACK_MS;
}

function budgetWording(period: string): string {
  return period === 'total' ? 'in total' : `this ${period}, UTC`;
}

function limitHeaders(kind: 'requests' | 'tokens', limit: number, used: number, resetMs: number) {
  return {
    [`x-ratelimit-limit-${kind}`]: String(limit),
    [`x-ratelimit-remaining-${kind}`]: String(Math.max(0, limit - used)),
    [`x-ratelimit-reset-${kind}`]: `${seconds(resetMs)}s`,
  };
}

function rateLimited(
  message: string,
  kind: 'requests' | 'tokens',
  resetMs: number,
  headers: Record<string, string>,
): GatewayError {
  return new GatewayError(GatewayErrorCode.RATE_LIMITED, message, {
    clientType: kind,
    clientCode: 'rate_limit_exceeded',
    headers: { ...headers, 'retry-after': seconds(resetMs) },
  });
}

function seconds(ms: number): string {
  return String(Math.max(1, Math.ceil(ms / 1000)));
}
