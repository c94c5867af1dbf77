import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { startGatewayHarness, type GatewayHarness } from './support/gateway-harness';
import { LoopbackUpstream, openAiCompletion, sendJson } from './support/loopback-upstream';
import { routeFixture } from './support/route-fixture';

describe('data plane input handling', () => {
  let gateway: GatewayHarness;
  let upstream: LoopbackUpstream;
  let anthropic: LoopbackUpstream;

  beforeAll(async () => {
    upstream = await new LoopbackUpstream((_req, res) => sendJson(res, 200, openAiCompletion('ok'))).start();
    anthropic = await new LoopbackUpstream((req, res) =>
      req.url?.endsWith('/count_tokens')
        ? sendJson(res, 200, { input_tokens: 42 })
        : sendJson(res, 500, { type: 'error', error: { type: 'api_error', message: 'x' } }),
    ).start();
    gateway = await startGatewayHarness(
      [
        routeFixture({
          name: 'openai-route',
          models: ['test-model', 'other-model'],
          instances: [{ name: 'o', override: { endpoint: upstream.url } }],
        }),
        routeFixture({
          name: 'claude-route',
          models: ['claude'],
          instances: [
            { name: 'o2', priority: 1, override: { endpoint: upstream.url } },
            {
              name: 'a',
              provider: 'anthropic-compatible',
              protocol: 'anthropic-messages',
              auth: { header: { 'x-api-key': 'k' }, query: {} },
              options: { model: 'claude-real', max_tokens: 5 },
              override: { endpoint: `${anthropic.url}/anthropic/` },
            },
          ],
        }),
      ],
      { maxBodySize: 1024 },
    );
  });
  afterAll(async () => {
    await gateway.close();
    await upstream.close();
    await anthropic.close();
  });

  const post = (
    path: string,
    body: string,
    headers: Record<string, string> = { 'content-type': 'application/json' },
  ) => fetch(`${gateway.url}${path}`, { method: 'POST', headers, body });

  it.each([
    ['/v1/chat/completions', '{"model":', 400, 'invalid_request_error'],
    ['/v1/chat/completions', '[1,2]', 400, 'invalid_request_error'],
    ['/v1/chat/completions', '{"messages":[]}', 400, 'invalid_request_error'],
    ['/v1/chat/completions', '{"model":"test-model"}', 400, 'invalid_request_error'],
    ['/v1/chat/completions', '{"model":"nope","messages":[]}', 404, 'invalid_request_error'],
  ])('POST %s %s → %i in OpenAI shape', async (path, body, status, type) => {
    const response = await post(path, body);
    expect(response.status).toBe(status);
    expect(response.headers.get('x-request-id')).toBeTruthy();
    const json = (await response.json()) as { error: Record<string, unknown> };
    expect(Object.keys(json.error).sort()).toEqual(['code', 'message', 'param', 'type']);
    expect(json.error.type).toBe(type);
  });

  it('answers unknown models of Anthropic clients with a 404 in Anthropic shape', async () => {
    const before = gateway.records.length;
    const response = await post('/v1/messages', '{"model":"nope","max_tokens":5,"messages":[]}');
    expect(response.status).toBe(404);
    const records = await gateway.recordsAtLeast(before + 1);
    expect(records.at(-1)).toMatchObject({
      status: 404,
      model: 'nope',
      route: null,
      endpoint: 'messages',
    });
    await expect(response.json()).resolves.toEqual({
      type: 'error',
      error: { type: 'not_found_error', message: expect.stringContaining('nope') },
    });
  });

  it('answers 415 for a non-JSON content type, accepting parameters and a missing type', async () => {
    const wrong = await post('/v1/messages', '{}', { 'content-type': 'text/plain' });
    expect(wrong.status).toBe(415);
    await expect(wrong.json()).resolves.toMatchObject({
      type: 'error',
      error: { type: 'invalid_request_error' },
    });
    const withCharset = await post('/v1/chat/completions', '{"model":"test-model","messages":[]}', {
      'content-type': 'application/json; charset=utf-8',
    });
    expect(withCharset.status).toBe(200);
    const missing = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${gateway.url}/v1/chat/completions`, { method: 'POST' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end('{"model":"test-model","messages":[]}');
    });
    expect(missing).toBe(200);
  });

  it('answers 413 over MAX_BODY_SIZE, by content-length and while reading a chunked body', async () => {
    const big = JSON.stringify({
      model: 'test-model',
      messages: [{ role: 'user', content: 'x'.repeat(2000) }],
    });
    const declared = await post('/v1/chat/completions', big);
    expect(declared.status).toBe(413);
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        `${gateway.url}/v1/chat/completions`,
        { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.write(big.slice(0, 800));
      req.end(big.slice(800));
    });
    expect(chunked).toBe(413);
  });

  it('survives clients that reset mid-upload or send garbage, and keeps serving', async () => {
    const { port } = new URL(gateway.url);
    for (const payload of [
      'POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"model":',
      'POST /v1/messages HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{"mod\r\n',
      '\x00\x01garbage\r\n\r\n',
    ]) {
      await new Promise<void>((resolve) => {
        const socket = connect(Number(port), '127.0.0.1', () => {
          socket.write(payload);
          setTimeout(() => {
            socket.resetAndDestroy();
            resolve();
          }, 30);
        });
        socket.on('error', () => resolve());
      });
    }
    const response = await post('/v1/chat/completions', '{"model":"test-model","messages":[]}');
    expect(response.status).toBe(200);
  });

  it('lists exact models in OpenAI shape, and in Anthropic shape with anthropic-version', async () => {
    const openai = await fetch(`${gateway.url}/v1/models`);
    await expect(openai.json()).resolves.toMatchObject({
      object: 'list',
      data: expect.arrayContaining([expect.objectContaining({ id: 'claude', object: 'model' })]),
    });
    const anthropicList = await fetch(`${gateway.url}/v1/models`, {
      headers: { 'anthropic-version': '2023-06-01' },
    });
    const body = (await anthropicList.json()) as {
      data: Array<{ id: string; type: string }>;
      has_more: boolean;
    };
    expect(body.has_more).toBe(false);
    expect(body.data.map((m) => m.id)).toEqual(['claude', 'other-model', 'test-model']);
    expect(body.data[0].type).toBe('model');
  });

  it('counts tokens on the route’s Anthropic instance, at the endpoint /messages path + /count_tokens', async () => {
    const response = await post(
      '/v1/messages/count_tokens',
      JSON.stringify({ model: 'claude', messages: [{ role: 'user', content: 'hi' }] }),
      { 'content-type': 'application/json', 'anthropic-version': '2023-06-01', 'x-api-key': 'client-key' },
    );
    expect(response.status).toBe(200);
    await expect(response.json()).resolves.toEqual({ input_tokens: 42 });
    expect(response.headers.get('x-switchboard-instance')).toBe('a');
    const received = anthropic.received.at(-1)!;
    expect(received.url).toBe('/anthropic/v1/messages/count_tokens');
    expect(received.body).toEqual({ model: 'claude-real', messages: [{ role: 'user', content: 'hi' }] });
    expect(received.headers['x-api-key']).toBe('k');
  });

  it('answers count_tokens with 400 in Anthropic shape when the route has no Anthropic instance', async () => {
    const response = await post(
      '/v1/messages/count_tokens',
      JSON.stringify({ model: 'test-model', messages: [{ role: 'user', content: 'hi' }] }),
    );
    expect(response.status).toBe(400);
    await expect(response.json()).resolves.toMatchObject({
      type: 'error',
      error: { type: 'invalid_request_error' },
    });
  });
});
