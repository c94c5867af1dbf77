import OpenAI from 'openai';
import { CatalogueState } from '@switchboard/catalogue';
import { reply, startOpenAiMock, type OpenAiMock } from '../../support/mock-upstreams';
import { openAiInstance, routeFor, uniqueModel } from '../data-plane/support/route-builders';
import { eventually, startKeysSwitchboard, type JsonBody, type KeysHarness } from './support/keys-harness';

/** 1000 input × $2 + 500 output × $4 per million: $0.004 and 1500 tokens per answer. */
const USAGE = { input: 1_000, output: 500 };
const COST = 0.004;

/**
 * Issue 16, explain with a consumer key: `POST /admin/routes/:id/explain` with `key` (id or name) reports, beside
 * the instance order, whether that key would be refused now and why, from the data plane's own counters,
 * without calling an upstream or counting anything; and a real request then gets what it said.
 */
describe('explain reports a consumer key’s limits', () => {
  let mock: OpenAiMock;
  let sb: KeysHarness;
  let model: string;
  let routeId: string;
  const upstreamModel = `explain-priced-${process.pid}`;

  beforeAll(async () => {
    mock = await startOpenAiMock();
    mock.reply(reply.text('ok', { usage: USAGE }));
    sb = await startKeysSwitchboard();
    model = uniqueModel('explain-keys');
    const route = await sb.admin(
      'POST',
      '/admin/routes',
      routeFor(model, [openAiInstance('explain-gpt', mock.url, { options: { model: upstreamModel } })]),
    );
    expect(route.status).toBe(201);
    routeId = route.body.id;
    expect(
      (
        await sb.admin('PUT', `/admin/models/${upstreamModel}`, {
          family: 'other',
          prices: { input: 2, output: 4 },
        })
      ).status,
    ).toBe(201);
    const catalogue = sb.switchboard.gatewayApp.get(CatalogueState);
    await eventually(
      'the override priced in the gateway',
      async () => catalogue.current.resolve(upstreamModel)?.facts.prices !== undefined,
    );
  });
  afterAll(async () => {
    await sb?.close();
    await mock?.close();
  });

  const explain = async (key: string, body: Record<string, unknown> = {}): Promise<JsonBody> => {
    const answer = await sb.admin('POST', `/admin/routes/${routeId}/explain`, {
      protocol: 'openai-chat',
      body: { model, messages: [{ role: 'user', content: 'hi' }], ...body },
      key,
    });
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const ask = (key: string) =>
    sb.openai(key).chat.completions.create({ model, messages: [{ role: 'user', content: 'hi' }] });
  const status = (work: Promise<unknown>) =>
    work.then(
      () => 200,
      (error: unknown) => (error instanceof OpenAI.APIError ? error.status : Promise.reject(error)),
    );

  it('shows windows and budgets as they stand, counts nothing, and says when the key would be refused', async () => {
    const key = await sb.createKey({
      name: 'explained',
      models: [model],
      rpm: 10,
      tpm: 100_000,
      budget: { tokens: 100_000, usd: 2 * COST, period: 'day' },
    });
    const fresh = await explain('explained');
    expect(fresh.instances[0]).toMatchObject({ instance: 'explain-gpt', attempt: 1 });
    expect(fresh.key).toMatchObject({
      id: key.id,
      name: 'explained',
      models: [model],
      model: { name: model, allowed: true },
      requests_per_minute: { limit: 10, used: 0, remaining: 10 },
      tokens_per_minute: { limit: 100_000, used: 0, remaining: 100_000 },
      budgets: [
        { unit: 'tokens', period: 'day', limit: 100_000, spent: 0, remaining: 100_000 },
        { unit: 'usd', period: 'day', limit: 2 * COST, spent: 0, remaining: 2 * COST },
      ],
      refused: null,
    });
    // Explaining again, by id this time, counted no request and called no upstream.
    expect((await explain(key.id)).key.requests_per_minute.used).toBe(0);
    expect(mock.requests).toHaveLength(0);

    await ask(key.key);
    const after = await eventually('the first answer settled', async () => {
      const body = await explain(key.id);
      return body.key.budgets[1].spent === COST;
    }).then(() => explain(key.id));
    expect(after.key).toMatchObject({
      requests_per_minute: { used: 1, remaining: 9 },
      tokens_per_minute: { used: 1_500, remaining: 98_500 },
      budgets: [
        { spent: 1_500, remaining: 98_500 },
        { spent: COST, remaining: COST },
      ],
      refused: null,
    });

    await ask(key.key);
    await eventually('the second answer settled', async () => (await explain(key.id)).key.refused !== null);
    const spent = await explain('explained');
    expect(spent.key.budgets[1]).toMatchObject({ spent: 2 * COST, remaining: 0 });
    expect(spent.key.refused).toEqual({
      status: 429,
      code: 'insufficient_quota',
      type: 'insufficient_quota',
      message: `This key has used its budget of $${2 * COST} (USD) (this day, UTC).`,
    });
    // The order is still shown beside the refusal, and a real request now gets exactly that refusal.
    expect(spent.instances[0].attempt).toBe(1);
    const upstreamCalls = mock.requests.length;
    expect(await status(ask(key.key))).toBe(429);
    expect(mock.requests).toHaveLength(upstreamCalls);
  });

  it('reports the rpm window refusal, a model the key may not use, and a disabled key', async () => {
    const limited = await sb.createKey({ name: 'explained-rpm', rpm: 1 });
    await ask(limited.key);
    const explained = await explain('explained-rpm');
    expect(explained.key.requests_per_minute).toMatchObject({ limit: 1, used: 1, remaining: 0 });
    expect(explained.key.refused).toMatchObject({
      status: 429,
      code: 'rate_limit_exceeded',
      type: 'requests',
    });
    expect((await explain('explained-rpm')).key.requests_per_minute.used).toBe(1);
    expect(await status(ask(limited.key))).toBe(429);

    const narrow = await sb.createKey({ name: 'explained-narrow', models: ['other-*'] });
    const refused = await explain(narrow.id);
    expect(refused.key.model).toEqual({ name: model, allowed: false });
    expect(refused.key.refused).toMatchObject({ status: 403, code: 'model_not_allowed' });
    expect(await status(ask(narrow.key))).toBe(403);

    const disabled = await sb.createKey({ name: 'explained-off', enabled: false });
    expect((await explain(disabled.id)).key.refused).toMatchObject({ status: 401, code: 'invalid_api_key' });
  });

  it('answers 400 for a key that does not exist, and leaves `key` out without one', async () => {
    const unknown = await sb.admin('POST', `/admin/routes/${routeId}/explain`, {
      protocol: 'openai-chat',
      body: { model, messages: [] },
      key: 'no-such-key',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details).toEqual([expect.objectContaining({ path: 'key' })]);
    const without = await sb.admin('POST', `/admin/routes/${routeId}/explain`, {
      protocol: 'openai-chat',
      body: { model, messages: [] },
    });
    expect(without.status).toBe(200);
    expect(without.body).not.toHaveProperty('key');
  });
});
