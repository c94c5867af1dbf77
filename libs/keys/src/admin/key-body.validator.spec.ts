import type { GatewayError } from '@switchboard/common/errors';
import { readGraceSeconds, validateKeyBody } from './key-body.validator';

function details(body: unknown): string[] {
  try {
    validateKeyBody(body);
  } catch (error) {
    return (error as GatewayError).details.map((detail) => detail.path);
  }
  return [];
}

describe('validateKeyBody', () => {
  it('fills defaults and normalises the expiry', () => {
    expect(validateKeyBody({ name: 'a', expires_at: '2030-01-01T00:00:00+02:00' })).toEqual({
      name: 'a',
      models: null,
      rpm: null,
      tpm: null,
      budget: null,
      expires_at: '2029-12-31T22:00:00.000Z',
      enabled: true,
      metadata: {},
    });
  });

  it('lists every bad field', () => {
    expect(
      details({
        rpm: 1.5,
        tpm: '10',
        models: [],
        budget: { tokens: 1, period: 'year', extra: 1 },
        x: 1,
      }).sort(),
    ).toEqual(['budget.extra', 'budget.period', 'models', 'name', 'rpm', 'tpm', 'x'].sort());
    expect(details([])).toEqual(['']);
  });

  it('takes a budget in tokens, in USD or both, and needs at least one', () => {
    expect(validateKeyBody({ name: 'a', budget: { usd: 25, period: 'month' } }).budget).toEqual({
      usd: 25,
      period: 'month',
    });
    expect(validateKeyBody({ name: 'a', budget: { tokens: 9, usd: 0.5, period: 'day' } }).budget).toEqual({
      tokens: 9,
      usd: 0.5,
      period: 'day',
    });
    expect(details({ name: 'a', budget: { period: 'day' } })).toEqual(['budget']);
    expect(details({ name: 'a', budget: { usd: 0, period: 'day' } })).toEqual(['budget.usd']);
    expect(details({ name: 'a', budget: { usd: '5', period: 'day' } })).toEqual(['budget.usd']);
    expect(details({ name: 'a', budget: { usd: 2e9, period: 'total' } })).toEqual(['budget.usd']);
  });

  it('merges a patch over the stored fields; read-only fields from a GET are ignored', () => {
    const base = validateKeyBody({ name: 'a', rpm: 5 });
    expect(validateKeyBody({ rpm: null, id: 'x', usage: {}, spend_usd: {} }, base)).toMatchObject({
      name: 'a',
      rpm: null,
    });
  });

  it('reads grace_seconds within 0..86400', () => {
    expect(readGraceSeconds(undefined)).toBe(0);
    expect(readGraceSeconds({ grace_seconds: 30 })).toBe(30);
    expect(() => readGraceSeconds({ grace_seconds: 86_401 })).toThrow('grace_seconds');
    expect(() => readGraceSeconds({ other: 1 })).toThrow('unknown field');
  });
});
