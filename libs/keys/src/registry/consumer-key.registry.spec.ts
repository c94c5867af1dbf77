import type { ConsumerKey } from '../consumer-key.types';
import { generateConsumerKey } from '../material/consumer-key.secret';
import type { ConsumerKeyRepository, StoredKey } from '../persistence/consumer-key.repository';
import { consumerKey } from '../testing/consumer-key.fixture';
import { ConsumerKeyRegistry } from './consumer-key.registry';
import { KeyChangeBus } from './key-change.bus';

function stored(
  fields: Partial<ConsumerKey>,
  hash: string,
  previous?: { hash: string; until: number },
): StoredKey {
  return {
    key: consumerKey({ id: 'id-1', name: 'n', key_prefix: 'p', ...fields }),
    hash,
    previousHash: previous?.hash ?? null,
    previousExpiresAt: previous?.until ?? null,
  };
}

describe('ConsumerKeyRegistry', () => {
  let now = 1_000;
  const current = generateConsumerKey();
  const old = generateConsumerKey();
  const disabled = generateConsumerKey();
  const expired = generateConsumerKey();
  let keys: StoredKey[] = [];
  let revision = 1;
  const repository = {
    currentRevision: async () => revision,
    loadSnapshot: async () => ({ revision, keys }),
  } as unknown as ConsumerKeyRepository;

  it('finds keys by hash and tells unknown, disabled and expired apart', async () => {
    keys = [
      stored({ id: 'a' }, current.hash, { hash: old.hash, until: 2_000 }),
      stored({ id: 'b', enabled: false }, disabled.hash),
      stored({ id: 'c', expires_at: new Date(500).toISOString() }, expired.hash),
    ];
    const bus = new KeyChangeBus();
    const registry = new ConsumerKeyRegistry(repository, bus, 0, () => now);
    expect(registry.hasKeys()).toBe(false);
    await registry.onModuleInit();
    expect(registry.lookup(current.key)).toMatchObject({ found: true, key: { id: 'a' } });
    expect(registry.lookup(old.key)).toMatchObject({ found: true, key: { id: 'a' } });
    expect(registry.lookup(disabled.key)).toEqual({ found: false, reason: 'disabled' });
    expect(registry.lookup(expired.key)).toEqual({ found: false, reason: 'expired' });
    expect(registry.lookup('sk-sb-nope')).toEqual({ found: false, reason: 'unknown' });

    now = 2_000;
    expect(registry.lookup(old.key)).toEqual({ found: false, reason: 'unknown' });
    expect(registry.lookup(current.key).found).toBe(true);

    keys = [];
    revision = 2;
    await bus.publish();
    expect(registry.lookup(current.key)).toEqual({ found: false, reason: 'unknown' });
    registry.onModuleDestroy();
  });
});
