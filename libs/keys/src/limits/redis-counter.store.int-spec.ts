import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { RedisCounterStore } from './redis-counter.store';

describe('RedisCounterStore (the machine Redis, a prefix of its own)', () => {
  const prefix = `sb-test-counter-${randomBytes(4).toString('hex')}:`;
  let redis: Redis;
  let store: RedisCounterStore;

  beforeAll(() => {
    redis = new Redis({ host: '127.0.0.1', port: 6379 });
    store = new RedisCounterStore(redis, prefix);
  });
  afterAll(async () => {
    const names = await redis.keys(`${prefix}*`);
    if (names.length > 0) await redis.del(...names);
    redis.disconnect();
  });

  it('adds atomically under concurrency and sets the window once', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, () => store.add('rpm', 1, 60_000)));
    expect(results.map((result) => result.count).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 50 }, (_, index) => index + 1),
    );
    const value = await store.get('rpm');
    expect(value?.count).toBe(50);
    expect(value?.resetMs).toBeGreaterThan(55_000);
    expect(value?.resetMs).toBeLessThanOrEqual(60_000);
  });

  it('seeds only absent counters and reads missing ones as null', async () => {
    expect(await store.get('missing')).toBeNull();
    expect(await store.seed('budget', 7, null)).toEqual({ count: 7, resetMs: null });
    expect(await store.seed('budget', 100, null)).toEqual({ count: 7, resetMs: null });
    expect((await store.add('budget', 3, null)).count).toBe(10);
  });
});
