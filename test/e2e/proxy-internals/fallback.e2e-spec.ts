import { gatewayPerTest, type GatewayHarness } from './support/gateway-harness';
import { loopbackUpstreams, openAiCompletion, refusedUrl, sendJson } from './support/loopback-upstream';
import { routeFixture } from './support/route-fixture';

const chat = (
  gateway: GatewayHarness,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) =>
  fetch(`${gateway.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer client-key', ...headers },
    body: JSON.stringify({ model: 'test-model', messages: [{ role: 'user', content: 'hi' }], ...extra }),
  });

describe('data plane fallback (loopback upstreams)', () => {
  const upstream = loopbackUpstreams();
  const startGateway = gatewayPerTest();

  it('answers from the first instance, with route headers and the upstream auth only', async () => {
    const ok = await upstream((_req, res) => sendJson(res, 200, openAiCompletion('hello')));
    const gateway = await startGateway([
      routeFixture({ name: 'r-ok', instances: [{ name: 'a', override: { endpoint: ok.url } }] }),
    ]);
    const response = await chat(gateway, {}, { 'x-request-id': 'req-123', cookie: 'c=1' });
    expect(response.status).toBe(200);
    await expect(response.json()).resolves.toMatchObject({ choices: [{ message: { content: 'hello' } }] });
    expect(response.headers.get('x-request-id')).toBe('req-123');
    expect(response.headers.get('x-switchboard-route')).toBe('r-ok');
    expect(response.headers.get('x-switchboard-instance')).toBe('a');
    expect(response.headers.get('x-switchboard-attempts')).toBe('1');
    const received = ok.received[0];
    expect(received.url).toBe('/v1/chat/completions');
    expect(received.headers.authorization).toBe('Bearer upstream-key');
    expect(received.headers['x-request-id']).toBe('req-123');
    expect(received.headers.cookie).toBeUndefined();
    expect(await gateway.recordsAtLeast(1)).toEqual([
      expect.objectContaining({
        request_id: 'req-123',
        route: 'r-ok',
        instance: 'a',
        attempts: [
          expect.objectContaining({ instance: 'a', outcome: 'success', upstream_protocol: 'openai-chat' }),
        ],
        client_protocol: 'openai-chat',
        endpoint: 'chat_completions',
        stream: false,
        status: 200,
        usage: expect.objectContaining({ input: 5, output: 2 }),
      }),
    ]);
  });

  it.each([500, 503, 429])('falls back on %i to the next instance', async (status) => {
    const failing = await upstream((_req, res) =>
      sendJson(res, status, { error: { message: 'nope', type: 'x' } }),
    );
    const ok = await upstream((_req, res) => sendJson(res, 200, openAiCompletion('second')));
    const gateway = await startGateway([
      routeFixture({
        instances: [
          { name: 'first', priority: 2, override: { endpoint: failing.url } },
          { name: 'second', priority: 1, override: { endpoint: ok.url } },
        ],
      }),
    ]);
    const response = await chat(gateway);
    expect(response.status).toBe(200);
    await expect(response.json()).resolves.toMatchObject({ choices: [{ message: { content: 'second' } }] });
    expect(response.headers.get('x-switchboard-instance')).toBe('second');
    expect(response.headers.get('x-switchboard-attempts')).toBe('2');
    expect(failing.received).toHaveLength(1);
  });

  it('falls back on a refused connection and on a configured extra status', async () => {
    const payment = await upstream((_req, res) =>
      sendJson(res, 402, { error: { message: 'pay', type: 'x' } }),
    );
    const ok = await upstream((_req, res) => sendJson(res, 200, openAiCompletion('third')));
    const gateway = await startGateway([
      routeFixture({
        fallback_http_statuses: [402],
        instances: [
          { name: 'refused', priority: 3, override: { endpoint: await refusedUrl() } },
          { name: 'payment', priority: 2, override: { endpoint: payment.url } },
          { name: 'ok', priority: 1, override: { endpoint: ok.url } },
        ],
      }),
    ]);
    const response = await chat(gateway);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-switchboard-attempts')).toBe('3');
    expect((await gateway.recordsAtLeast(1))[0].attempts.map((a) => a.outcome)).toEqual([
      'connection_refused',
      'http_status',
      'success',
    ]);
  });

  it('does not fall back on 400: the converted upstream error goes back', async () => {
    const bad = await upstream((_req, res) =>
      sendJson(res, 400, {
        error: {
          message: 'bad temperature',
          type: 'invalid_request_error',
          param: 'temperature',
          code: null,
        },
      }),
    );
    const ok = await upstream((_req, res) => sendJson(res, 200, openAiCompletion('never')));
    const gateway = await startGateway([
      routeFixture({
        instances: [
          { name: 'bad', priority: 2, override: { endpoint: bad.url } },
          { name: 'ok', priority: 1, override: { endpoint: ok.url } },
        ],
      }),
    ]);
    const response = await chat(gateway);
    expect(response.status).toBe(400);
    await expect(response.json()).resolves.toMatchObject({ error: { message: 'bad temperature' } });
    expect(ok.received).toHaveLength(0);
    expect(response.headers.get('x-switchboard-instance')).toBe('bad');
  });

  it('turns an upstream 401 into a 502 naming the instance', async () => {
    const denied = await upstream((_req, res) =>
      sendJson(res, 401, { error: { message: 'bad key', type: 'x' } }),
    );
    const gateway = await startGateway([
      routeFixture({ instances: [{ name: 'locked', override: { endpoint: denied.url } }] }),
    ]);
    const response = await chat(gateway);
    expect(response.status).toBe(502);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toContain("'locked'");
  });

  it('returns the last failure status with retry-after when every attempt fails', async () => {
    const first = await upstream((_req, res) =>
      sendJson(res, 503, { error: { message: 'down', type: 'x' } }),
    );
    const second = await upstream((_req, res) =>
      sendJson(res, 429, { error: { message: 'slow down', type: 'x' } }, { 'retry-after': '7' }),
    );
    const gateway = await startGateway([
      routeFixture({
        instances: [
          { name: 'one', priority: 2, override: { endpoint: first.url } },
          { name: 'two', priority: 1, override: { endpoint: second.url } },
        ],
      }),
    ]);
    const response = await chat(gateway);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(response.headers.get('x-switchboard-attempts')).toBe('2');
    const body = (await response.json()) as { error: { message: string; type: string } };
    expect(body.error.message).toContain('one');
    expect(body.error.message).toContain('two');
    expect(body.error.type).toBe('rate_limit_error');
  });

  it('answers 502 when the last failure is a refused connection, and respects max_retries', async () => {
    const counted = await upstream((_req, res) => sendJson(res, 500, { error: { message: 'x', type: 'x' } }));
    const gateway = await startGateway([
      routeFixture({
        max_retries: 1,
        instances: [
          { name: 'p3', priority: 3, override: { endpoint: counted.url } },
          { name: 'p2', priority: 2, override: { endpoint: await refusedUrl() } },
          { name: 'p1', priority: 1, override: { endpoint: counted.url } },
        ],
      }),
    ]);
    const response = await chat(gateway);
    expect(response.status).toBe(502);
    expect(response.headers.get('x-switchboard-attempts')).toBe('2');
    expect(counted.received).toHaveLength(1);
  });

  it('answers 503 for a route whose instances all have weight 0', async () => {
    const never = await upstream((_req, res) => sendJson(res, 200, openAiCompletion('x')));
    const gateway = await startGateway([
      routeFixture({
        name: 'zero',
        instances: [{ name: 'z', weight: 0, override: { endpoint: never.url } }],
      }),
    ]);
    const response = await chat(gateway);
    expect(response.status).toBe(503);
    expect(response.headers.get('x-switchboard-route')).toBe('zero');
    expect(never.received).toHaveLength(0);
  });

  it('starts every attempt from the original body: no option leaks into the next', async () => {
    const failing = await upstream((_req, res) => sendJson(res, 500, { error: { message: 'x', type: 'x' } }));
    const ok = await upstream((_req, res) => sendJson(res, 200, openAiCompletion('ok')));
    const gateway = await startGateway([
      routeFixture({
        instances: [
          {
            name: 'f',
            priority: 2,
            override: { endpoint: failing.url },
            options: { model: 'm-f', temperature: 0.1 },
          },
          { name: 'o', priority: 1, override: { endpoint: ok.url }, defaults: { max_tokens: 99 } },
        ],
      }),
    ]);
    const response = await chat(gateway);
    expect(response.status).toBe(200);
    expect(failing.received[0].body).toMatchObject({ model: 'm-f', temperature: 0.1 });
    expect(ok.received[0].body).toEqual({
      model: 'test-model',
      messages: [{ role: 'user', content: 'hi' }],
      max_tokens: 99,
    });
  });
});
