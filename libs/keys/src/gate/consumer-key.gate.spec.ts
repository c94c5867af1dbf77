import { GatewayErrorCode, type GatewayError } from '@switchboard/common/errors';
import type { ConsumerKey } from '../consumer-key.types';
import { KeyLimiter } from '../limits/key-limiter';
import { MemoryCounterStore } from '../limits/memory-counter.store';
import { generateConsumerKey } from '../material/consumer-key.secret';
import type { ConsumerKeyRepository, StoredKey } from '../persistence/consumer-key.repository';
import type { KeyUsageRepository } from '../persistence/key-usage.repository';
import { ConsumerKeyRegistry } from '../registry/consumer-key.registry';
import { KeyChangeBus } from '../registry/key-change.bus';
import { consumerKey } from '../testing/consumer-key.fixture';
import { ConsumerKeyGate } from './consumer-key.gate';
import { modelAllowed } from './model-access';
import { presentedKey } from './presented-key';

function stored(fields: Partial<ConsumerKey>, hash: string): StoredKey {
  return { key: consumerKey(fields), hash, previousHash: null, previousExpiresAt: null };
}

function thrown(work: () => unknown): GatewayError {
  try {
    work();
  } catch (error) {
    return error as GatewayError;
  }
  throw new Error('expected a refusal');
}

describe('ConsumerKeyGate', () => {
  const limited = generateConsumerKey();
  const budgeted = generateConsumerKey();
  const disabled = generateConsumerKey();
  let keys: StoredKey[] = [];
  const repository = {
    currentRevision: async () => 1,
    loadSnapshot: async () => ({ revision: 1, keys }),
  } as unknown as ConsumerKeyRepository;
  const usage = { spent: async () => ({ tokens: 0, nanoUsd: 0 }) } as unknown as KeyUsageRepository;

  async function gate(mode: 'keys' | 'none' = 'keys'): Promise<ConsumerKeyGate> {
    const registry = new ConsumerKeyRegistry(repository, new KeyChangeBus(), 0);
    await registry.onModuleInit();
    return new ConsumerKeyGate(mode, registry, new KeyLimiter(new MemoryCounterStore(), usage));
  }

  it('tells how to create the first key when none exists; a 401 carries its OpenAI type, code and challenge', async () => {
    keys = [];
    const empty = await gate();
    const missing = thrown(() => empty.identify({}));
    expect(missing).toMatchObject({
      code: GatewayErrorCode.INVALID_API_KEY,
      clientType: 'invalid_request_error',
      clientCode: 'invalid_api_key',
      headers: { 'www-authenticate': 'Bearer realm="switchboard"' },
    });
    expect(missing.message).toContain('POST /admin/keys');
  });

  it('identifies a key by either header and refuses unknown and disabled keys without echoing them', async () => {
    keys = [stored({}, limited.hash), stored({ id: 'd', enabled: false }, disabled.hash)];
    const subject = await gate();
    expect(subject.identify({ authorization: `Bearer ${limited.key}` })?.identity).toEqual({
      id: '00000000-0000-4000-8000-000000000001',
      name: 'team-a',
    });
    expect(subject.identify({ 'x-api-key': limited.key })?.identity.name).toBe('team-a');
    const unknown = thrown(() => subject.identify({ 'x-api-key': 'sk-sb-nope' }));
    expect(unknown.code).toBe(GatewayErrorCode.INVALID_API_KEY);
    expect(unknown.message).not.toContain('sk-sb-nope');
    expect(thrown(() => subject.identify({ 'x-api-key': disabled.key })).message).toBe(
      'This consumer key is disabled.',
    );
  });

  it('refuses a model outside the key with model_not_allowed, filters others, and counts rpm', async () => {
    keys = [stored({ models: ['gpt-*'], rpm: 1 }, limited.hash)];
    const subject = await gate();
    const caller = subject.identify({ authorization: `Bearer ${limited.key}` });
    await expect(subject.admit(caller, 'claude-3')).rejects.toMatchObject({
      code: GatewayErrorCode.MODEL_NOT_ALLOWED,
      clientType: 'invalid_request_error',
      clientCode: 'model_not_allowed',
      headers: { 'x-ratelimit-limit-requests': '1', 'x-ratelimit-remaining-requests': '1' },
    });
    const admission = await subject.admit(caller, 'gpt-4o');
    expect(admission.responseHeaders).toMatchObject({
      'x-ratelimit-limit-requests': '1',
      'x-ratelimit-remaining-requests': '0',
    });
    expect([admission.allows('gpt-4o-mini'), admission.allows('claude-3')]).toEqual([true, false]);
    await expect(subject.admit(caller, 'gpt-4o')).rejects.toMatchObject({
      code: GatewayErrorCode.RATE_LIMITED,
      clientType: 'requests',
      clientCode: 'rate_limit_exceeded',
      headers: { 'retry-after': expect.stringMatching(/^\d+$/), 'x-ratelimit-remaining-requests': '0' },
    });
  });

  it('refuses a spent budget with insufficient_quota', async () => {
    keys = [stored({ budget: { tokens: 0, period: 'day' }, rpm: 5 }, budgeted.hash)];
    const subject = await gate();
    const caller = subject.identify({ 'x-api-key': budgeted.key });
    await expect(subject.admit(caller, 'gpt-4o')).rejects.toMatchObject({
      code: GatewayErrorCode.QUOTA_EXCEEDED,
      clientType: 'insufficient_quota',
      clientCode: 'insufficient_quota',
      headers: {
        'retry-after': expect.stringMatching(/^\d+$/),
        'x-ratelimit-limit-requests': '5',
        'x-ratelimit-remaining-requests': '5',
      },
    });
  });

  it('lets everything through with GATEWAY_AUTH=none', async () => {
    keys = [];
    const subject = await gate('none');
    expect(subject.identify({})).toBeNull();
    const admission = await subject.admit(null, 'any');
    expect(admission.responseHeaders).toEqual({});
    expect(admission.allows('any')).toBe(true);
  });
});

describe('presentedKey and modelAllowed', () => {
  it('reads Bearer or x-api-key', () => {
    expect(presentedKey({ authorization: 'Bearer sk-sb-a' })).toBe('sk-sb-a');
    expect(presentedKey({ 'x-api-key': ' sk-sb-b ' })).toBe('sk-sb-b');
    expect(presentedKey({ authorization: 'Basic x' })).toBeUndefined();
    expect(presentedKey({})).toBeUndefined();
  });

  it('matches exact names and globs; null allows all', () => {
    expect(modelAllowed(null, 'anything')).toBe(true);
    const models = ['gpt-4o', 'claude-*'];
    expect(modelAllowed(models, 'claude-sonnet-4')).toBe(true);
    expect(modelAllowed(models, 'gpt-4o')).toBe(true);
    expect(modelAllowed(models, 'gpt-4o-mini')).toBe(false);
  });
});
