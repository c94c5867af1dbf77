import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { exchange, type RawResponse } from '../../fuzz/raw-http';
import { reply, startAnthropicMock, type AnthropicMock } from '../../support/mock-upstreams';
import { startDataPlane, type DataPlaneHarness } from './support/data-plane-harness';
import { anthropicInstance, routeFor, uniqueModel } from './support/route-builders';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Paths the data plane does not serve answer 404 in the shape of the API the path names (OpenAI, Anthropic, or
 * the envelope both SDKs read), never the framework's default body; an absolute-form target is served
 * (RFC 9112 §3.2.2). Clients normalise doubled slashes and absolute URLs, so those go over raw sockets.
 */
describe('unserved paths answer in the client’s shape', () => {
  let claude: AnthropicMock;
  let sb: DataPlaneHarness;
  let port: number;
  let model: string;

  beforeAll(async () => {
    claude = await startAnthropicMock();
    sb = await startDataPlane();
    port = Number(new URL(sb.gatewayUrl).port);
    model = uniqueModel('unserved');
    await sb.createRoute(routeFor(model, [anthropicInstance('claude-main', claude.url)]));
  });
  afterAll(async () => {
    await sb?.close();
    await claude?.close();
  });
  beforeEach(() => {
    claude.clear();
    claude.reply(reply.text('served'));
  });

  /** One request over a fresh socket, exactly as written. */
  const raw = async (requestLine: string, headers: string[] = [], body = ''): Promise<RawResponse> => {
    const head = [requestLine, 'Host: 127.0.0.1', ...headers, `Content-Length: ${Buffer.byteLength(body)}`];
    const result = await exchange(port, [Buffer.from(`${head.join('\r\n')}\r\n\r\n${body}`)], 1);
    expect(result.responses).toHaveLength(1);
    return result.responses[0];
  };
  const json = (response: RawResponse): Json => {
    expect(response.headers['content-type']).toContain('application/json');
    return JSON.parse(response.body) as Json;
  };
  const messagesBody = () =>
    JSON.stringify({ model, max_tokens: 5, messages: [{ role: 'user', content: 'hi' }] });

  it('a trailing slash → 404 in OpenAI’s shape, raised by the OpenAI SDK as NotFoundError', async () => {
    const error = (await sb.openai
      .post('/chat/completions/', { body: { model, messages: [{ role: 'user', content: 'hi' }] } })
      .catch((caught: unknown) => caught)) as InstanceType<typeof OpenAI.NotFoundError>;
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    expect(error.type).toBe('invalid_request_error');
    expect(error.error).toEqual({
      message:
        'Invalid URL (POST /v1/chat/completions/). Did you mean POST /v1/chat/completions? ' +
        'Paths match exactly: no trailing slash, no doubled slash.',
      type: 'invalid_request_error',
      param: null,
      code: null,
    });
    const responses = await fetch(`${sb.gatewayUrl}/v1/responses/`, { method: 'POST', body: '{}' });
    expect(responses.status).toBe(404);
    expect(((await responses.json()) as Json).error.message).toMatch(
      /^Invalid URL \(POST \/v1\/responses\/\)/,
    );
    expect(claude.requests).toHaveLength(0);
  });

  it('a trailing slash on /v1/messages → 404 in Anthropic’s shape, raised by the Anthropic SDK', async () => {
    const error = (await sb.anthropic
      .post('/v1/messages/', { body: JSON.parse(messagesBody()) as Json })
      .catch((caught: unknown) => caught)) as InstanceType<typeof Anthropic.NotFoundError>;
    expect(error).toBeInstanceOf(Anthropic.NotFoundError);
    expect(error.error).toEqual({
      type: 'error',
      error: {
        type: 'not_found_error',
        message:
          'Not found: POST /v1/messages/ is not an endpoint of this gateway. Did you mean POST /v1/messages? ' +
          'Paths match exactly: no trailing slash, no doubled slash.',
      },
    });
  });

  it.each([
    ['POST //v1/messages HTTP/1.1', 'POST /v1/messages'],
    ['POST /v1//messages HTTP/1.1', 'POST /v1/messages'],
    ['POST /v1/messages/count_tokens/ HTTP/1.1', 'POST /v1/messages/count_tokens'],
  ])('%s → Anthropic 404 naming %s', async (requestLine, intended) => {
    const response = await raw(requestLine, ['Content-Type: application/json'], messagesBody());
    expect(response.status).toBe(404);
    const body = json(response);
    expect(body).toEqual({ type: 'error', error: { type: 'not_found_error', message: expect.any(String) } });
    expect(body.error.message).toContain(`Did you mean ${intended}?`);
    expect(response.headers['x-request-id']).toMatch(/\S/);
    expect(claude.requests).toHaveLength(0);
  });

  it.each([
    ['POST //v1/chat/completions HTTP/1.1', [], 'Did you mean POST /v1/chat/completions?'],
    ['GET /v1/models/ HTTP/1.1', [], 'Did you mean GET /v1/models?'],
    ['GET /v1/models/gpt-4o HTTP/1.1', [], 'This gateway serves'],
  ])('%s → OpenAI 404', async (requestLine, headers, hint) => {
    const response = await raw(requestLine, headers, requestLine.startsWith('POST') ? '{}' : '');
    expect(response.status).toBe(404);
    expect(json(response)).toEqual({
      error: {
        message: expect.stringContaining(hint),
        type: 'invalid_request_error',
        param: null,
        code: null,
      },
    });
  });

  it('GET /v1/models/… with anthropic-version → Anthropic 404', async () => {
    const response = await raw('GET //v1/models HTTP/1.1', ['anthropic-version: 2023-06-01']);
    expect(response.status).toBe(404);
    expect(json(response)).toMatchObject({ type: 'error', error: { type: 'not_found_error' } });
  });

  it.each(['/v1/unknown', '/v1', '/v1/', '/nope', '//', '/healthz/x'])(
    'GET %s → 404 in the envelope both SDKs read',
    async (path) => {
      const response = await raw(`GET ${path} HTTP/1.1`);
      expect(response.status).toBe(404);
      const body = json(response);
      expect(body).toEqual({
        type: 'error',
        error: { type: 'not_found_error', message: expect.any(String) },
      });
      expect(body.error.message).toContain('This gateway serves POST /v1/chat/completions');
    },
  );

  it('a bad JSON body to a path outside /v1 → 400 in the same envelope (not the framework’s)', async () => {
    const response = await raw('POST /nope HTTP/1.1', ['Content-Type: application/json'], '{"model":');
    expect(response.status).toBe(400);
    expect(json(response)).toEqual({
      type: 'error',
      error: { type: 'invalid_request_error', message: expect.any(String) },
    });
  });

  it('an absolute-form target is served as its path (RFC 9112 §3.2.2)', async () => {
    const served = await raw(
      `POST http://127.0.0.1:${port}/v1/messages HTTP/1.1`,
      ['Content-Type: application/json', 'anthropic-version: 2023-06-01'],
      messagesBody(),
    );
    expect(served.status).toBe(200);
    expect(json(served)).toMatchObject({ type: 'message', content: [{ type: 'text', text: 'served' }] });
    expect(claude.requests).toHaveLength(1);

    const health = await raw(`GET HTTP://example.test/healthz HTTP/1.1`);
    expect(health.status).toBe(200);
    expect(json(health)).toEqual({ status: 'ok' });

    const unknown = await raw(`POST http://example.test/v1/messages/ HTTP/1.1`, [], messagesBody());
    expect(unknown.status).toBe(404);
    expect(json(unknown).error.message).toContain('POST /v1/messages/ is not an endpoint');
  });

  it('keeps the connection for the next request after a bodiless 404', async () => {
    const pipelined = Buffer.from(
      'GET /v1/unknown HTTP/1.1\r\nHost: x\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    );
    const result = await exchange(port, [pipelined], 2);
    expect(result.failure).toBeUndefined();
    expect(result.responses.map((response) => response.status)).toEqual([404, 200]);
  });
});
