import { reply, type AnthropicMock } from '../../support/mock-upstreams';
import type { DataPlaneHarness, InstanceHealth } from './support/data-plane-harness';
import { dataPlaneSuite } from './support/data-plane-suite';
import { anthropicInstance, routeFor, uniqueModel } from './support/route-builders';
import { waitFor } from './support/wait-for';

/** Passive health: open after `failure_threshold` trigger failures, half-open after `cooldown`, one probe. */
describe('circuit breaker', () => {
  const COOLDOWN_MS = 2_000;
  let flaky: AnthropicMock;
  let steady: AnthropicMock;
  let sb: DataPlaneHarness;

  const suite = dataPlaneSuite({ flaky: 'anthropic', steady: 'anthropic' });
  beforeAll(() => {
    ({ flaky, steady } = suite.mocks);
    sb = suite.sb;
  });
  beforeEach(() => {
    flaky.clear();
    steady.clear();
    flaky.reply(reply.text('1 + 1 = 2'));
  });

  const ask = async (model: string) => {
    const response = await sb.post('/v1/chat/completions', {
      model,
      messages: [{ role: 'user', content: 'hi' }],
    });
    await response.arrayBuffer();
    expect(response.status).toBe(200);
    return {
      instance: response.headers.get('x-switchboard-instance'),
      attempts: response.headers.get('x-switchboard-attempts'),
    };
  };

  const stateOf = async (routeId: string, name: string): Promise<InstanceHealth> => {
    const instance = (await sb.health(routeId)).find((i) => i.name === name);
    if (!instance) throw new Error(`no health entry for ${name}`);
    return instance;
  };

  it('opens after the threshold, probes once when half-open, reopens on failure and closes on success', async () => {
    const model = uniqueModel('breaker');
    const route = await sb.createRoute(
      routeFor(
        model,
        [
          anthropicInstance('flaky', flaky.url, { priority: 1 }),
          anthropicInstance('steady', steady.url, { priority: 0 }),
        ],
        { circuit_breaker: { failure_threshold: 2, cooldown: COOLDOWN_MS } },
      ),
    );
    expect(await stateOf(route.id, 'flaky')).toEqual({
      name: 'flaky',
      state: 'closed',
      consecutive_failures: 0,
      open_until: null,
    });

    flaky.reply(reply.error(500));
    await expect(ask(model)).resolves.toEqual({ instance: 'steady', attempts: '2' });
    expect(await stateOf(route.id, 'flaky')).toMatchObject({
      state: 'closed',
      consecutive_failures: 1,
      open_until: null,
    });
    await expect(ask(model)).resolves.toEqual({ instance: 'steady', attempts: '2' });
    const opened = await stateOf(route.id, 'flaky');
    expect(opened).toMatchObject({ state: 'open', consecutive_failures: 2 });
    expect(new Date(opened.open_until!).toISOString()).toBe(opened.open_until);
    expect(Date.parse(opened.open_until!)).toBeGreaterThan(Date.now() - 1_000);
    expect(await stateOf(route.id, 'steady')).toMatchObject({ state: 'closed', consecutive_failures: 0 });

    // Open: left out, the steady instance answers at the first attempt.
    await expect(ask(model)).resolves.toEqual({ instance: 'steady', attempts: '1' });
    expect(flaky.requests).toHaveLength(2);

    await waitFor(
      'half_open',
      async () => (await stateOf(route.id, 'flaky')).state === 'half_open',
      COOLDOWN_MS + 5_000,
    );

    // Half-open probe fails: reopened.
    await expect(ask(model)).resolves.toEqual({ instance: 'steady', attempts: '2' });
    expect(flaky.requests).toHaveLength(3);
    expect(await stateOf(route.id, 'flaky')).toMatchObject({ state: 'open' });
    await expect(ask(model)).resolves.toEqual({ instance: 'steady', attempts: '1' });
    expect(flaky.requests).toHaveLength(3);

    // Half-open again; the instance has recovered: exactly one probe among concurrent requests, then closed.
    await waitFor(
      'half_open again',
      async () => (await stateOf(route.id, 'flaky')).state === 'half_open',
      COOLDOWN_MS + 5_000,
    );
    flaky.reply(reply.turn({ text: '1 + 1 = 2' }, { headerDelayMs: 800 }));
    const concurrent = await Promise.all([ask(model), ask(model), ask(model)]);
    expect(flaky.requests).toHaveLength(4);
    expect(concurrent.filter((r) => r.instance === 'flaky')).toHaveLength(1);
    expect(await stateOf(route.id, 'flaky')).toEqual({
      name: 'flaky',
      state: 'closed',
      consecutive_failures: 0,
      open_until: null,
    });
    await expect(ask(model)).resolves.toEqual({ instance: 'flaky', attempts: '1' });
  });

  it('a success resets the count of consecutive failures', async () => {
    const model = uniqueModel('reset');
    const route = await sb.createRoute(
      routeFor(
        model,
        [
          anthropicInstance('flaky', flaky.url, { priority: 1 }),
          anthropicInstance('steady', steady.url, { priority: 0 }),
        ],
        { circuit_breaker: { failure_threshold: 2, cooldown: 60_000 } },
      ),
    );
    flaky.enqueue(reply.error(503), reply.text('ok'), reply.error(503));
    await ask(model);
    await ask(model);
    await ask(model);
    expect(await stateOf(route.id, 'flaky')).toMatchObject({ state: 'closed', consecutive_failures: 1 });
  });

  it('a 400 is no failure for the breaker', async () => {
    const model = uniqueModel('client-error');
    const route = await sb.createRoute(
      routeFor(model, [anthropicInstance('flaky', flaky.url)], {
        circuit_breaker: { failure_threshold: 1, cooldown: 60_000 },
      }),
    );
    flaky.enqueue(reply.error(400));
    const response = await sb.post('/v1/chat/completions', {
      model,
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(response.status).toBe(400);
    expect(await stateOf(route.id, 'flaky')).toMatchObject({ state: 'closed', consecutive_failures: 0 });
  });

  it('still tries instances when every one is open rather than refusing', async () => {
    const model = uniqueModel('all-open');
    const route = await sb.createRoute(
      routeFor(model, [anthropicInstance('only', flaky.url)], {
        circuit_breaker: { failure_threshold: 1, cooldown: 60_000 },
      }),
    );
    flaky.enqueue(reply.error(500));
    const failed = await sb.post('/v1/chat/completions', {
      model,
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(failed.status).toBe(500);
    expect(await stateOf(route.id, 'only')).toMatchObject({ state: 'open' });
    await expect(ask(model)).resolves.toEqual({ instance: 'only', attempts: '1' });
    expect(flaky.requests).toHaveLength(2);
  });

  it('answers 404 in the admin error shape for an unknown route id', async () => {
    await expect(sb.health('no-such-route')).rejects.toThrow(/→ 404/);
  });
});
