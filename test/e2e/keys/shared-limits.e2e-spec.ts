import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { register } from 'prom-client';
import { reply, startOpenAiMock, type OpenAiMock } from '../../support/mock-upstreams';
import { startSwitchboard } from '../../support/switchboard';
import { openAiInstance, routeFor, uniqueModel } from '../data-plane/support/route-builders';
import { eventually, harnessFor, startKeysSwitchboard, type KeysHarness } from './support/keys-harness';
import { TcpCutProxy } from './support/tcp-cut-proxy';

const REDIS = { host: '127.0.0.1', port: 6379 };

async function fallbacks(): Promise<number> {
  const metric = register.getSingleMetric('switchboard_key_limit_redis_fallbacks_total');
  if (!metric) return 0;
  return (await metric.get()).values.reduce((sum, value) => sum + value.value, 0);
}

/** Two gateway processes (each its own core, caches and counters) on one database and one Redis. */
describe('key limits shared by replicas through Redis', () => {
  const prefix = `sb-test-keys-${randomBytes(4).toString('hex')}:`;
  let proxy: TcpCutProxy;
  let mock: OpenAiMock;
  let first: KeysHarness;
  let second: KeysHarness;
  let model: string;

  beforeAll(async () => {
    proxy = await new TcpCutProxy(REDIS.host, REDIS.port).start();
    mock = await startOpenAiMock();
    mock.reply(reply.text('ok'));
    // Replicas on one database must share SECRETS_KEY, or each reads the other's upstream secrets as unreadable.
    const env = {
      REDIS_URL: proxy.url,
      REDIS_KEY_PREFIX: prefix,
      SECRETS_KEY: randomBytes(32).toString('base64'),
    };
    first = await startKeysSwitchboard(env);
    second = harnessFor(
      await startSwitchboard({
        env: { GATEWAY_AUTH: 'keys', DATABASE_URL: first.switchboard.core.config.databaseUrl!, ...env },
      }),
    );
    model = uniqueModel('gpt-shared');
    await first.createRoute(routeFor(model, [openAiInstance('gpt-shared', mock.url)]));
    // A key without limits probes until the second process serves the route (a keyless call is refused with
    // 401 before any route lookup, so it cannot tell whether the route has arrived).
    const probe = await first.createKey({ name: 'shared-probe' });
    await eventually(
      'the second process to load the route',
      async () => {
        const response = await fetch(`${second.gatewayUrl}/v1/chat/completions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${probe.key}` },
          body: JSON.stringify({ model, messages: [{ role: 'user', content: 'hi' }] }),
        });
        return response.status === 200;
      },
      15_000,
    );
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
    await mock?.close();
    await proxy?.cut();
    const redis = new Redis(REDIS);
    const names = await redis.keys(`${prefix}*`);
    if (names.length > 0) await redis.del(...names);
    redis.disconnect();
  });

  const call = (sb: KeysHarness, key: string) =>
    fetch(`${sb.gatewayUrl}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ model, messages: [{ role: 'user', content: 'hi' }] }),
    });

  /**
   * Waits until `sb` knows the key (another process's write reaches it through the revision poll). Probes with
   * a model the key may not use: the 403 comes before any limit counter is touched.
   */
  const known = (sb: KeysHarness, key: string) =>
    eventually('the key to reach the process', async () => {
      const response = await fetch(`${sb.gatewayUrl}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ model: 'not-this-one', messages: [] }),
      });
      return response.status === 403;
    });

  it('holds one rpm limit across both processes', async () => {
    const { key } = await first.createKey({ name: 'shared-rpm', rpm: 4, models: [model] });
    await known(second, key);
    const statuses: number[] = [];
    for (const sb of [first, second, first, second, first, second])
      statuses.push((await call(sb, key)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
  });

  it('sees a revocation in the other process within 2 s', async () => {
    const created = await first.createKey({ name: 'revoked-elsewhere', models: [model] });
    await known(second, created.key);
    expect((await call(second, created.key)).status).toBe(200);
    expect((await first.admin('DELETE', `/admin/keys/${created.id}`)).status).toBe(204);
    const elapsed = await eventually(
      'the revocation to reach the second process',
      async () => (await call(second, created.key)).status === 401,
    );
    expect(elapsed).toBeLessThan(2000);
  });

  it('falls back to per-process counters while Redis is down, never refusing all traffic, then shares again', async () => {
    const { key } = await first.createKey({ name: 'redis-outage', rpm: 2, models: [model] });
    await known(second, key);
    expect((await call(first, key)).status).toBe(200);
    const before = await fallbacks();

    await proxy.cut();
    // Each process now counts on its own: 2 each, then refused.
    expect((await call(first, key)).status).toBe(200);
    expect((await call(second, key)).status).toBe(200);
    expect((await call(first, key)).status).toBe(200);
    expect((await call(first, key)).status).toBe(429);
    expect((await call(second, key)).status).toBe(200);
    expect((await call(second, key)).status).toBe(429);
    expect(await fallbacks()).toBeGreaterThan(before);

    await proxy.restore();
    // A tpm-only key reads its counter without consuming anything: once such a call no longer falls back,
    // the limiter is on Redis again.
    const probe = await first.createKey({ name: 'redis-probe', tpm: 1_000_000, models: [model] });
    await eventually(
      'the limiter to use Redis again',
      async () => {
        const count = await fallbacks();
        const status = (await call(first, probe.key)).status;
        return status === 200 && (await fallbacks()) === count;
      },
      10_000,
    );
    // Redis's window still holds the one request counted before the outage: one more fits, on either process.
    const after = await fallbacks();
    expect([(await call(second, key)).status, (await call(first, key)).status]).toEqual([200, 429]);
    expect(await fallbacks()).toBe(after);
  });
});
