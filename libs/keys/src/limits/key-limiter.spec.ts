import { GatewayErrorCode, type GatewayError } from '@switchboard/common/errors';
import type { ConsumerKey } from '../consumer-key.types';
import type { KeyUsageRepository } from '../persistence/key-usage.repository';
import { consumerKey } from '../testing/consumer-key.fixture';
import { KeyLimiter } from './key-limiter';
import { MemoryCounterStore } from './memory-counter.store';

const key = (fields: Partial<ConsumerKey>): ConsumerKey => consumerKey({ name: 'k', ...fields });

async function refusal(work: Promise<unknown>): Promise<GatewayError> {
  return work.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: GatewayError) => error,
  );
}

describe('KeyLimiter', () => {
  const at = new Date('2026-12-07T23:59:00Z');
  const stored = new Map<string, number>();
  const storedUsd = new Map<string, number>();
  const usage = {
    spent: async (id: string, period: string) => ({
      tokens: stored.get(`${id}|${period}`) ?? 0,
      nanoUsd: storedUsd.get(`${id}|${period}`) ?? 0,
    }),
  } as unknown as KeyUsageRepository;
  const limiter = () => new KeyLimiter(new MemoryCounterStore(() => at.getTime()), usage, () => at);

  it('admits rpm requests, then refuses with retry-after and zero remaining', async () => {
    const subject = limiter();
    const limited = key({ rpm: 2 });
    expect(await subject.admit(limited)).toEqual({
      'x-ratelimit-limit-requests': '2',
      'x-ratelimit-remaining-requests': '1',
      'x-ratelimit-reset-requests': '60s',
    });
    await subject.admit(limited);
    const error = await refusal(subject.admit(limited));
    expect(error.code).toBe(GatewayErrorCode.RATE_LIMITED);
    expect(error.headers).toMatchObject({ 'retry-after': '60', 'x-ratelimit-remaining-requests': '0' });
  });

  it('admits while the token window has room, then refuses after settlement', async () => {
    const subject = limiter();
    const limited = key({ tpm: 100 });
    expect(await subject.admit(limited)).toMatchObject({ 'x-ratelimit-remaining-tokens': '100' });
    await subject.settle(limited, 150);
    const error = await refusal(subject.admit(limited));
    expect(error.code).toBe(GatewayErrorCode.RATE_LIMITED);
    expect(error).toMatchObject({ clientType: 'tokens', clientCode: 'rate_limit_exceeded' });
  });

  it('seeds a budget from the stored usage and refuses once it is used up, retry-after at the period end', async () => {
    const budgeted = key({ budget: { tokens: 1000, period: 'day' } });
    stored.set(`${budgeted.id}|day:2026-12-07`, 990);
    const subject = limiter();
    await subject.admit(budgeted);
    await subject.settle(budgeted, 10);
    const error = await refusal(subject.admit(budgeted));
    expect(error.code).toBe(GatewayErrorCode.QUOTA_EXCEEDED);
    expect(error.headers['retry-after']).toBe('60');
  });

  it('budget refusals do not consume the rpm window', async () => {
    const both = key({
      id: '00000000-0000-4000-8000-000000000002',
      rpm: 1,
      budget: { tokens: 1, period: 'total' },
    });
    const subject = limiter();
    await subject.settle(both, 5);
    expect((await refusal(subject.admit(both))).code).toBe(GatewayErrorCode.QUOTA_EXCEEDED);
    expect((await refusal(subject.admit(both))).headers['retry-after']).toBeUndefined();
    // Had the two refusals counted, this would be the third request of a 1 rpm window.
    expect(await subject.admit({ ...both, budget: null })).toMatchObject({
      'x-ratelimit-remaining-requests': '0',
    });
  });

  it('refuses a USD budget exactly once its cost is spent, seeded from the stored nano-dollars', async () => {
    const budgeted = key({
      id: '00000000-0000-4000-8000-000000000003',
      budget: { usd: 0.012, period: 'month' },
    });
    storedUsd.set(`${budgeted.id}|month:2026-12`, 4_000_000);
    const subject = limiter();
    await subject.admit(budgeted);
    await subject.settle(budgeted, 10, 0.004);
    await subject.admit(budgeted);
    await subject.settle(budgeted, 10, 0.004);
    const error = await refusal(subject.admit(budgeted));
    expect(error.code).toBe(GatewayErrorCode.QUOTA_EXCEEDED);
    expect(error.message).toBe('This key has used its budget of $0.012 (USD) (this month, UTC).');
    expect(error).toMatchObject({ clientType: 'insufficient_quota', clientCode: 'insufficient_quota' });
    expect(error.headers['retry-after']).toBe(String(24 * 86_400 + 60));
  });

  it('counts nothing toward a USD budget for an unpriced request, and tokens only toward a token budget', async () => {
    const both = key({
      id: '00000000-0000-4000-8000-000000000004',
      budget: { tokens: 100, usd: 1, period: 'total' },
    });
    const subject = limiter();
    await subject.settle(both, 60, null);
    const standing = await subject.standing(both);
    expect(standing.budgets).toEqual([
      expect.objectContaining({ unit: 'tokens', spent: 60, remaining: 40, exhausted: false }),
      expect.objectContaining({ unit: 'usd', spent: 0, remaining: 1, exhausted: false }),
    ]);
    await subject.settle(both, 1, 1);
    expect((await subject.standing(both)).refusal?.message).toContain('$1 (USD)');
  });

  it('reports where a key stands without counting the request', async () => {
    const limited = key({ id: '00000000-0000-4000-8000-000000000005', rpm: 2, tpm: 50 });
    const subject = limiter();
    await subject.admit(limited);
    const first = await subject.standing(limited);
    expect(first).toMatchObject({
      requests: { limit: 2, used: 1, remaining: 1 },
      tokens: { limit: 50, used: 0, remaining: 50 },
      refusal: null,
    });
    expect((await subject.standing(limited)).requests?.used).toBe(1);
    await subject.admit(limited);
    expect((await subject.standing(limited)).refusal?.code).toBe(GatewayErrorCode.RATE_LIMITED);
  });
});
