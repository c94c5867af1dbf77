import { randomBytes } from 'node:crypto';
import Anthropic from '@anthropic-ai/sdk';
import Redis from 'ioredis';
import OpenAI from 'openai';
import { register } from 'prom-client';
import { CatalogueState } from '@switchboard/catalogue';
import { reply, startOpenAiMock, type OpenAiMock } from '../../support/mock-upstreams';
import { openAiInstance, routeFor, uniqueModel } from '../data-plane/support/route-builders';
import { captureOutput } from './support/capture-output';
import { eventually, startKeysSwitchboard, type JsonBody, type KeysHarness } from './support/keys-harness';

const REDIS = { host: '127.0.0.1', port: 6379 };
/** The mock's usage per answer, and the override's prices per million: 1000 × $2 + 500 × $4 = $0.004. */
const USAGE = { input: 1_000, output: 500 };
const PRICES = { input: 2, output: 4 };
const COST = 0.004;
const BUDGET_USD = 3 * COST;

async function unpricedCount(): Promise<number> {
  const metric = register.getSingleMetric('switchboard_key_budget_unpriced_requests_total');
  if (!metric) return 0;
  return (await metric.get()).values.reduce((sum, value) => sum + value.value, 0);
}

async function refusal(work: Promise<unknown>): Promise<{ status: number; body: JsonBody }> {
  try {
    await work;
  } catch (error) {
    if (error instanceof OpenAI.APIError) return { status: error.status, body: { error: error.error } };
    if (error instanceof Anthropic.APIError) return { status: error.status as number, body: error.error };
    throw error;
  }
  throw new Error('expected the call to be refused');
}

/**
 * Issue 16, a key's budget in USD: each request's cost (catalogue prices × the upstream's usage) is counted on
 * the same live counters as token budgets, in memory and in Redis; the request after the one that spent the
 * budget is refused in the client's protocol, naming the budget. A model without prices costs nothing here.
 */
describe.each([
  ['memory counters', false],
  ['Redis counters', true],
])('USD budgets on consumer keys (%s)', (_label, onRedis) => {
  const prefix = `sb-test-usd-${randomBytes(4).toString('hex')}:`;
  const pricedUpstream = `priced-llm-${randomBytes(3).toString('hex')}`;
  const unpricedUpstream = `unpriced-llm-${randomBytes(3).toString('hex')}`;
  let mock: OpenAiMock;
  let sb: KeysHarness;
  let priced: string;
  let unpriced: string;

  beforeAll(async () => {
    mock = await startOpenAiMock();
    mock.reply(reply.text('four tenths of a cent', { usage: USAGE }));
    sb = await startKeysSwitchboard(
      onRedis ? { REDIS_URL: 'redis://127.0.0.1:6379', REDIS_KEY_PREFIX: prefix } : {},
    );
    priced = uniqueModel('usd-priced');
    unpriced = uniqueModel('usd-unpriced');
    await sb.createRoute(
      routeFor(priced, [openAiInstance('usd-priced', mock.url, { options: { model: pricedUpstream } })]),
    );
    await sb.createRoute(
      routeFor(unpriced, [
        openAiInstance('usd-unpriced', mock.url, { options: { model: unpricedUpstream } }),
      ]),
    );
    const put = await sb.admin('PUT', `/admin/models/${pricedUpstream}`, { family: 'other', prices: PRICES });
    expect(put.status).toBe(201);
    // The override reaches the gateway through the route table's revision and its CatalogueSync.
    const catalogue = sb.switchboard.gatewayApp.get(CatalogueState);
    await eventually(
      'the override priced in the gateway',
      async () => catalogue.current.resolve(pricedUpstream)?.facts.prices !== undefined,
    );
  });
  afterAll(async () => {
    await sb?.close();
    await mock?.close();
    if (onRedis) {
      const redis = new Redis(REDIS);
      const names = await redis.keys(`${prefix}*`);
      if (names.length > 0) await redis.del(...names);
      redis.disconnect();
    }
  });

  const spent = async (id: string): Promise<number> =>
    (await sb.admin('GET', `/admin/keys/${id}`)).body.spend_usd.month;
  const settled = (id: string, usd: number) =>
    eventually(`$${usd} spent`, async () => Math.abs((await spent(id)) - usd) < 1e-12);

  it('validates the budget and shows it with the spend', async () => {
    const bad = await sb.admin('POST', '/admin/keys', {
      name: 'usd-bad',
      budget: { usd: -1, period: 'month' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([expect.objectContaining({ path: 'budget.usd' })]);
    const created = await sb.createKey({ name: 'usd-shown', budget: { usd: 25, period: 'month' } });
    expect(created.budget).toEqual({ usd: 25, period: 'month' });
    const view = await sb.admin('GET', `/admin/keys/${created.id}`);
    expect(view.body).toMatchObject({
      budget: { usd: 25, period: 'month' },
      spend_usd: { day: 0, month: 0, total: 0 },
    });
    const document: JsonBody = await (await fetch(`${sb.switchboard.adminUrl}/admin/openapi.json`)).json();
    expect(document.components.schemas.KeyBudgetDto.properties).toHaveProperty('usd');
    expect(document.components.schemas.KeyResponseDto.properties).toHaveProperty('spend_usd');
  });

  it('refuses the key exactly after its USD budget is spent, in each protocol, naming the budget', async () => {
    const key = await sb.createKey({ name: 'usd-capped', budget: { usd: BUDGET_USD, period: 'month' } });
    const openai = sb.openai(key.key);
    const anthropic = sb.anthropic(key.key);
    const messages = [{ role: 'user' as const, content: 'hi' }];

    await openai.chat.completions.create({ model: priced, messages });
    await settled(key.id, COST);
    const stream = await openai.chat.completions.create({
      model: priced,
      messages,
      stream: true,
      stream_options: { include_usage: true },
    });
    for await (const _chunk of stream);
    await settled(key.id, 2 * COST);
    // $0.008 of $0.012 spent: still admitted (through the Anthropic SDK, converted to the OpenAI upstream).
    await anthropic.messages.create({ model: priced, max_tokens: 100, messages });
    await settled(key.id, 3 * COST);

    const upstreamCalls = mock.requests.length;
    const refusedOpenAi = await refusal(openai.chat.completions.create({ model: priced, messages }));
    expect(refusedOpenAi.status).toBe(429);
    expect(refusedOpenAi.body.error).toMatchObject({
      type: 'insufficient_quota',
      code: 'insufficient_quota',
    });
    expect(refusedOpenAi.body.error.message).toContain(`budget of $${BUDGET_USD} (USD) (this month, UTC)`);
    const refusedAnthropic = await refusal(
      anthropic.messages.create({ model: priced, max_tokens: 100, messages }),
    );
    expect(refusedAnthropic.status).toBe(429);
    expect(refusedAnthropic.body).toMatchObject({ type: 'error', error: { type: 'rate_limit_error' } });
    expect(refusedAnthropic.body.error.message).toContain('$0.012 (USD)');
    expect(mock.requests).toHaveLength(upstreamCalls);

    if (onRedis) {
      const redis = new Redis(REDIS);
      const month = new Date().toISOString().slice(0, 7);
      expect(Number(await redis.get(`${prefix}limits:budget-usd:${key.id}:month:${month}`))).toBe(12_000_000);
      redis.disconnect();
    }
  });

  it('counts nothing for a model without prices, with a metric and one warning', async () => {
    const key = await sb.createKey({ name: 'usd-unpriced', budget: { usd: 0.000001, period: 'day' } });
    const before = await unpricedCount();
    const output = captureOutput();
    const openai = sb.openai(key.key);
    for (let i = 0; i < 3; i++)
      await openai.chat.completions.create({ model: unpriced, messages: [{ role: 'user', content: 'hi' }] });
    await eventually('three unpriced requests counted', async () => (await unpricedCount()) - before === 3);
    await eventually(
      'the tokens recorded',
      async () => (await sb.admin('GET', `/admin/keys/${key.id}`)).body.usage.day === 4_500,
    );
    expect(await spent(key.id)).toBe(0);
    output.stop();
    const warnings = output
      .text()
      .split('\n')
      .filter((line) => line.includes(unpricedUpstream) && line.includes('has no price'));
    expect(warnings).toHaveLength(1);
  });
});
