import OpenAI from 'openai';
import { CatalogueState } from '@switchboard/catalogue';
import { processTelemetry } from '@switchboard/telemetry';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { eventually } from '../../support/eventually';
import { reply, startAnthropicMock, type AnthropicMock } from '../../support/mock-upstreams';
import { parsePrometheusText } from '../../support/prometheus-text';
import { startSwitchboard, type RunningSwitchboard } from '../../support/switchboard';
import { anthropicInstance, routeFor, uniqueModel } from '../data-plane/support/route-builders';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const USAGE = { input: 1_000, output: 500, cacheRead: 2_000, cacheWrite: 400 };
// claude-sonnet-4-5 per million tokens (Anthropic pricing page): input 3, output 15, cache read 0.30,
// 5-minute cache write 3.75.
const SONNET_COST = (1_000 * 3 + 500 * 15 + 2_000 * 0.3 + 400 * 3.75) / 1e6;
// The same usage at the override's prices for an unknown model: input 1, output 2 (no cache prices: input).
const OVERRIDE_COST = (1_000 * 1 + 500 * 2 + 2_000 * 1 + 400 * 1) / 1e6;

/**
 * Issue 16, cost everywhere: the request log, /admin/stats (and its timeseries) and /metrics carry the cost
 * of the mock's usage at the catalogue's prices; an unknown model has no cost and is counted, until an
 * override through the admin API prices it.
 */
describe('catalogue: cost in the request log, stats and metrics', () => {
  let database: TestDatabase;
  let upstream: AnthropicMock;
  let sb: RunningSwitchboard;
  const priced = uniqueModel('cost');
  const unknown = uniqueModel('cost-unknown');
  const unknownUpstream = `local-llm-${process.pid}`;
  const startedAt = new Date(Date.now() - 60_000).toISOString();
  const window = () => `since=${startedAt}&until=${new Date(Date.now() + 120_000).toISOString()}`;

  const admin = async (path: string, init: RequestInit = {}, expected = 200): Promise<Json> => {
    const response = await fetch(`${sb.adminUrl}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${sb.adminToken}`, 'content-type': 'application/json' },
    });
    const body = (await response.json()) as Json;
    if (response.status !== expected)
      throw new Error(`${path} → ${response.status}: ${JSON.stringify(body)}`);
    return body;
  };
  const ask = (model: string, requestId: string) =>
    new OpenAI({
      apiKey: 'sk-client',
      baseURL: `${sb.gatewayUrl}/v1`,
      maxRetries: 0,
    }).chat.completions.create(
      { model, messages: [{ role: 'user', content: 'hi' }] },
      { headers: { 'x-request-id': requestId } },
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    upstream = await startAnthropicMock();
    upstream.reply(reply.text('hello', { usage: USAGE }));
    sb = await startSwitchboard({
      env: {
        DATABASE_URL: database.url,
        ...(database.embedded ? { DB_POOL_SIZE: '1' } : {}),
        TELEMETRY_FLUSH_INTERVAL_MS: '300',
        ROUTE_REFRESH_INTERVAL_MS: '100',
      },
    });
    const create = (route: object) =>
      admin('/admin/routes', { method: 'POST', body: JSON.stringify(route) }, 201);
    await create(
      routeFor(priced, [
        anthropicInstance('sonnet', upstream.url, { options: { model: 'claude-sonnet-4-5' } }),
      ]),
    );
    await create(
      routeFor(unknown, [anthropicInstance('local', upstream.url, { options: { model: unknownUpstream } })]),
    );
    await ask(priced, 'cost-1');
    await ask(priced, 'cost-2');
    await ask(unknown, 'cost-unknown-1');
  }, 60_000);

  afterAll(async () => {
    await sb?.close();
    await Promise.allSettled([upstream?.close(), database?.drop()]);
  });

  it('logs each request with the usage times the answering model prices, null when unpriced', async () => {
    const one = await eventually(
      () => admin('/admin/requests/cost-1'),
      (body) => body.request_id === 'cost-1',
      5_000,
    );
    expect(one).toMatchObject({
      upstream_model: 'claude-sonnet-4-5',
      usage: { input: 1_000, output: 500, cache_read: 2_000, cache_creation: 400 },
    });
    expect(one.cost_usd).toBeCloseTo(SONNET_COST, 12);
    // Logged in batches: the other request may be in a later one.
    const unpriced = await eventually(
      () => admin('/admin/requests/cost-unknown-1'),
      (body) => body.request_id === 'cost-unknown-1',
    );
    expect(unpriced.usage).not.toBeNull();
    expect(unpriced.cost_usd).toBeNull();
  });

  it('sums the cost beside the tokens in /admin/stats and its timeseries', async () => {
    const byRoute = await eventually(
      () => admin(`/admin/stats?${window()}&group_by=route`),
      (body) => (body.groups as Json[]).reduce((sum, group) => sum + group.requests, 0) === 3,
      15_000,
    );
    const group = (route: string) => (byRoute.groups as Json[]).find((g) => g.group.route === route)!;
    expect(group(`route-${priced}`).tokens).toMatchObject({ input: 2_000, output: 1_000 });
    expect(group(`route-${priced}`).cost).toBeCloseTo(2 * SONNET_COST, 12);
    expect(group(`route-${unknown}`).cost).toBe(0);

    const series = await admin(`/admin/stats/timeseries?${window()}&step=1m`);
    const cost = (series.buckets as Json[])
      .flatMap((bucket) => bucket.groups as Json[])
      .reduce((sum, g) => sum + g.cost, 0);
    expect(cost).toBeCloseTo(2 * SONNET_COST, 12);
  });

  it('exports switchboard_cost_usd_total and switchboard_catalogue_unknown_model_total', async () => {
    const url = await processTelemetry(sb.core).metricsUrl();
    const metrics = parsePrometheusText(await (await fetch(`${url}/metrics`)).text());
    expect(metrics.types.get('switchboard_cost_usd_total')).toBe('counter');
    expect(
      metrics.sum('switchboard_cost_usd_total', {
        route: `route-${priced}`,
        instance: 'sonnet',
        model: priced,
        key: 'none',
      }),
    ).toBeCloseTo(2 * SONNET_COST, 12);
    expect(metrics.find('switchboard_cost_usd_total', { route: `route-${unknown}` })).toEqual([]);
    expect(metrics.types.get('switchboard_catalogue_unknown_model_total')).toBe('counter');
    expect(
      metrics.sum('switchboard_catalogue_unknown_model_total', {
        route: `route-${unknown}`,
        instance: 'local',
      }),
    ).toBe(1);
    expect(metrics.find('switchboard_catalogue_unknown_model_total', { route: `route-${priced}` })).toEqual(
      [],
    );
  });

  it('prices an unknown model once an override through the admin API gives it prices', async () => {
    await admin(
      `/admin/models/${unknownUpstream}`,
      { method: 'PUT', body: JSON.stringify({ family: 'other', prices: { input: 1, output: 2 } }) },
      201,
    );
    // The override reaches the gateway through the route table's revision and its CatalogueSync.
    const catalogue = sb.gatewayApp.get(CatalogueState);
    await eventually(
      async () => catalogue.current.resolve(unknownUpstream),
      (resolved) => resolved?.facts.prices !== undefined,
    );
    await ask(unknown, 'cost-override-1');
    const logged = await eventually(
      () => admin('/admin/requests/cost-override-1'),
      (body) => body.request_id === 'cost-override-1',
    );
    expect(logged.cost_usd).toBeCloseTo(OVERRIDE_COST, 12);
  });
});
