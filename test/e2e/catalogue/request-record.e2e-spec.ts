import { gatewayPerTest, type GatewayHarness } from '../proxy-internals/support/gateway-harness';
import { loopbackUpstreams, openAiCompletion, sendJson } from '../proxy-internals/support/loopback-upstream';
import { routeFixture } from '../proxy-internals/support/route-fixture';

const chat = (gateway: GatewayHarness, body: Record<string, unknown>) =>
  fetch(`${gateway.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'test-model', ...body }),
  });

describe('catalogue: what the request record carries', () => {
  const upstream = loopbackUpstreams();
  const startGateway = gatewayPerTest();

  it('carries the cost from the usage and the answering model prices, a skipped attempt, and counts unknown models', async () => {
    const cached = {
      ...openAiCompletion('a cat'),
      usage: {
        prompt_tokens: 1_500,
        completion_tokens: 200,
        total_tokens: 1_700,
        prompt_tokens_details: { cached_tokens: 1_000 },
      },
    };
    const ok = await upstream((_req, res) => sendJson(res, 200, cached));
    const gateway = await startGateway([
      routeFixture({
        name: 'r-cost',
        instances: [
          {
            name: 'text',
            priority: 5,
            options: { model: 'gpt-3.5-turbo' },
            override: { endpoint: ok.url },
          },
          { name: 'vision', priority: 0, options: { model: 'gpt-4o' }, override: { endpoint: ok.url } },
        ],
      }),
    ]);
    const response = await chat(gateway, {
      messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://x/cat.png' } }] }],
    });
    expect(response.status).toBe(200);
    expect(ok.received[0].body).toMatchObject({ model: 'gpt-4o' });
    expect(response.headers.get('x-switchboard-attempts')).toBe('1');
    const [record] = await gateway.recordsAtLeast(1);
    expect(record.attempts).toEqual([
      expect.objectContaining({
        instance: 'text',
        outcome: 'skipped',
        skipped: 'capability:images',
        status: null,
        error_code: null,
      }),
      expect.objectContaining({ instance: 'vision', outcome: 'success', status: 200 }),
    ]);
    // The upstream reports a model the catalogue does not know: priced as the model sent.
    expect(record.upstream_model).toBe('upstream-model');
    // gpt-4o: $2.50 input, $1.25 cached input, $10 output per million tokens.
    expect(record.cost_usd).toBeCloseTo((500 * 2.5 + 1_000 * 1.25 + 200 * 10) / 1e6, 15);
    expect(gateway.catalogue.unknownModels.snapshot().filter((s) => s.labels.route === 'r-cost')).toEqual([]);
  });

  it('prices the model the upstream reported over the model sent', async () => {
    const answer = {
      ...openAiCompletion('hi', 'gpt-4o-mini-2024-07-18'),
      usage: { prompt_tokens: 10_000, completion_tokens: 2_000, total_tokens: 12_000 },
    };
    const ok = await upstream((_req, res) => sendJson(res, 200, answer));
    const gateway = await startGateway([
      routeFixture({
        name: 'r-reported',
        instances: [{ name: 'mini', options: { model: 'gpt-4o' }, override: { endpoint: ok.url } }],
      }),
    ]);
    expect((await chat(gateway, { messages: [{ role: 'user', content: 'hi' }] })).status).toBe(200);
    const [record] = await gateway.recordsAtLeast(1);
    expect(record.upstream_model).toBe('gpt-4o-mini-2024-07-18');
    // gpt-4o-mini: $0.15 input, $0.60 output per million tokens (gpt-4o would be 2.5 / 10).
    expect(record.cost_usd).toBeCloseTo((10_000 * 0.15 + 2_000 * 0.6) / 1e6, 15);
  });

  it('has a null cost and counts the attempt when the model is unknown', async () => {
    const ok = await upstream((_req, res) => sendJson(res, 200, openAiCompletion('hi')));
    const gateway = await startGateway([
      routeFixture({ name: 'r-unknown', instances: [{ name: 'local', override: { endpoint: ok.url } }] }),
    ]);
    expect((await chat(gateway, { messages: [{ role: 'user', content: 'hi' }] })).status).toBe(200);
    const [record] = await gateway.recordsAtLeast(1);
    expect(record.usage).not.toBeNull();
    expect(record.cost_usd).toBeNull();
    expect(gateway.catalogue.unknownModels.snapshot().filter((s) => s.labels.route === 'r-unknown')).toEqual([
      { labels: { route: 'r-unknown', instance: 'local' }, value: 1 },
    ]);
  });
});
