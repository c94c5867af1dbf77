import { closedPortUrl, reply, type AnthropicMock, type ReplySpec } from '../../support/mock-upstreams';
import type { DataPlaneHarness } from './support/data-plane-harness';
import { dataPlaneSuite } from './support/data-plane-suite';
import { anthropicInstance, routeFor, uniqueModel } from './support/route-builders';

type Json = Record<string, unknown>;

/**
 * Fallback between instances (issue 4, "Choosing instances, falling back"). Every route here has a primary
 * (priority 1, tried first) and a secondary (priority 0) Anthropic instance; an OpenAI client calls it.
 */
describe('fallback', () => {
  let primary: AnthropicMock;
  let secondary: AnthropicMock;
  let tertiary: AnthropicMock;
  let sb: DataPlaneHarness;

  const suite = dataPlaneSuite(
    { primary: 'anthropic', secondary: 'anthropic', tertiary: 'anthropic' },
    { clearBeforeEach: true },
  );
  beforeAll(() => {
    ({ primary, secondary, tertiary } = suite.mocks);
    sb = suite.sb;
  });

  async function twoInstanceRoute(extra: Json = {}, primaryUrl = primary.url): Promise<string> {
    const model = uniqueModel('fallback');
    await sb.createRoute(
      routeFor(
        model,
        [
          anthropicInstance('east-primary', primaryUrl, { priority: 1 }),
          anthropicInstance('west-secondary', secondary.url, { priority: 0 }),
        ],
        extra,
      ),
    );
    return model;
  }

  const ask = (model: string, headers: Record<string, string> = {}, stream = false) =>
    sb.post(
      '/v1/chat/completions',
      { model, stream, messages: [{ role: 'user', content: 'What is 1+1?' }] },
      headers,
    );

  async function expectAnsweredBySecondary(response: Response) {
    expect(response.status).toBe(200);
    expect(response.headers.get('x-switchboard-instance')).toBe('west-secondary');
    expect(response.headers.get('x-switchboard-attempts')).toBe('2');
    const body = (await response.json()) as { choices: Array<{ message: { content: string } }> };
    expect(body.choices[0].message.content).toBe('1 + 1 = 2');
    expect(primary.requests).toHaveLength(1);
    expect(secondary.requests).toHaveLength(1);
  }

  it.each([
    ['500', reply.error(500)],
    ['503', reply.error(503, { errorType: 'api_error', message: 'Service Unavailable' })],
    ['529 overloaded', reply.error(529)],
    ['429', reply.rateLimited(3)],
  ] as Array<[string, ReplySpec]>)('falls back on %s', async (_name, failure) => {
    const model = await twoInstanceRoute();
    primary.enqueue(failure);
    await expectAnsweredBySecondary(await ask(model));
  });

  it('falls back on a refused connection', async () => {
    const model = await twoInstanceRoute({}, await closedPortUrl());
    const response = await ask(model);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-switchboard-instance')).toBe('west-secondary');
    expect(response.headers.get('x-switchboard-attempts')).toBe('2');
    expect(secondary.requests).toHaveLength(1);
  });

  it('falls back on a reset connection', async () => {
    const model = await twoInstanceRoute();
    primary.enqueue(reply.reset());
    await expectAnsweredBySecondary(await ask(model));
  });

  it('abandons an instance that sends no first byte within first_byte_timeout and tries the next', async () => {
    const model = await twoInstanceRoute({ first_byte_timeout: 400 });
    primary.enqueue(reply.hang());
    await expectAnsweredBySecondary(await ask(model));
    await expect(primary.requests[0].aborted).resolves.toBeUndefined();
  });

  it('falls back before the first byte of a streamed answer', async () => {
    const model = await twoInstanceRoute();
    primary.enqueue(reply.error(503));
    const response = await ask(model, {}, true);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-switchboard-instance')).toBe('west-secondary');
    const text = await response.text();
    expect(text).toContain('data: [DONE]');
    expect(text).not.toContain('"error"');
    expect(secondary.requests[0].body.stream).toBe(true);
  });

  it('falls back when a streamed request gets no first byte in time', async () => {
    const model = await twoInstanceRoute({ first_byte_timeout: 400 });
    primary.enqueue(reply.hang());
    const stream = await sb.openai.chat.completions.create({
      model,
      stream: true,
      messages: [{ role: 'user', content: 'What is 1+1?' }],
    });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
    expect(text).toBe('1 + 1 = 2');
    expect(secondary.requests).toHaveLength(1);
    await expect(primary.requests[0].aborted).resolves.toBeUndefined();
  });

  it.each([402, 409, 422])('falls back on %i when it is in fallback_http_statuses', async (status) => {
    const model = await twoInstanceRoute({ fallback_http_statuses: [402, 409, 422] });
    primary.enqueue(reply.error(status));
    await expectAnsweredBySecondary(await ask(model));
  });

  it('returns a status that is no trigger straight to the client, converted (402 billing)', async () => {
    const model = await twoInstanceRoute();
    primary.enqueue(reply.error(402));
    const response = await ask(model);
    expect(response.status).toBe(402);
    const body = (await response.json()) as { error: Json };
    expect(body.error).toEqual(
      expect.objectContaining({ message: expect.any(String), type: expect.any(String) }),
    );
    expect(body.error).toHaveProperty('param');
    expect(body.error).toHaveProperty('code');
    expect(secondary.requests).toHaveLength(0);
  });

  it('does not fall back on 400', async () => {
    const model = await twoInstanceRoute();
    primary.enqueue(reply.error(400, { message: 'messages: roles must alternate' }));
    const response = await ask(model);
    expect(response.status).toBe(400);
    expect(response.headers.get('x-switchboard-route')).toBe(`route-${model}`);
    expect(response.headers.get('x-request-id')).toBeTruthy();
    expect(response.headers.get('x-switchboard-instance')).toBe('east-primary');
    expect(response.headers.get('x-switchboard-attempts')).toBe('1');
    const body = (await response.json()) as { error: Json };
    expect(body.error).toMatchObject({
      type: 'invalid_request_error',
      message: expect.stringContaining('roles must alternate'),
    });
    expect(secondary.requests).toHaveLength(0);
  });

  it('only http_429 in fallback_strategy: 429 falls back, 500 does not', async () => {
    const model = await twoInstanceRoute({ fallback_strategy: ['http_429'] });
    primary.enqueue(reply.rateLimited(1));
    await expectAnsweredBySecondary(await ask(model));
    primary.clear();
    secondary.clear();
    primary.enqueue(reply.error(500));
    const response = await ask(model);
    expect(response.status).toBe(500);
    expect(secondary.requests).toHaveLength(0);
  });

  it.each([401, 403])(
    'turns an upstream %i into 502 naming the instance, without falling back',
    async (status) => {
      const model = await twoInstanceRoute();
      primary.enqueue(reply.error(status));
      const response = await ask(model);
      expect(response.status).toBe(502);
      const body = (await response.json()) as { error: { message: string } };
      expect(body.error.message).toContain('east-primary');
      expect(secondary.requests).toHaveLength(0);
    },
  );

  it('falls back on 401 when it is configured, and answers 502 when every instance rejects the key', async () => {
    const model = await twoInstanceRoute({ fallback_http_statuses: [401] });
    primary.enqueue(reply.error(401));
    await expectAnsweredBySecondary(await ask(model));
    primary.clear();
    secondary.clear();
    primary.enqueue(reply.error(401));
    secondary.enqueue(reply.error(401));
    const response = await ask(model);
    expect(response.status).toBe(502);
    expect(response.headers.get('x-switchboard-attempts')).toBe('2');
  });

  describe('max_retries', () => {
    async function threeInstanceRoute(maxRetries: number | undefined) {
      const model = uniqueModel('retries');
      await sb.createRoute(
        routeFor(
          model,
          [
            anthropicInstance('first', primary.url, { priority: 3 }),
            anthropicInstance('second', secondary.url, { priority: 2 }),
            anthropicInstance('third', tertiary.url, { priority: 1 }),
          ],
          maxRetries === undefined ? {} : { max_retries: maxRetries },
        ),
      );
      for (const mock of [primary, secondary, tertiary]) mock.reply(reply.error(500));
      return model;
    }
    afterEach(() => {
      for (const mock of [primary, secondary, tertiary]) mock.reply(reply.text('1 + 1 = 2'));
    });

    it.each([
      [0, 1],
      [1, 2],
      [undefined, 3],
    ])('max_retries %p → %i attempts in priority order', async (maxRetries, attempts) => {
      const model = await threeInstanceRoute(maxRetries);
      const response = await ask(model);
      expect(response.status).toBe(500);
      expect(response.headers.get('x-switchboard-attempts')).toBe(String(attempts));
      const seen = [primary, secondary, tertiary].map((mock) => mock.requests.length);
      expect(seen).toEqual([1, 1, 1].map((_, i) => (i < attempts ? 1 : 0)));
      expect(response.headers.get('x-switchboard-instance')).toBe(['first', 'second', 'third'][attempts - 1]);
    });
  });

  describe('when every attempt fails', () => {
    const names = ['east-primary', 'west-secondary'];

    async function expectOpenAiError(response: Response, status: number, model: string) {
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(response.headers.get('x-switchboard-attempts')).toBe('2');
      expect(response.headers.get('x-switchboard-instance')).toBe('west-secondary');
      expect(response.headers.get('x-switchboard-route')).toBe(`route-${model}`);
      expect(response.headers.get('x-request-id')).toBeTruthy();
      const body = (await response.json()) as { error: { message: string; type: string } };
      expect(Object.keys(body.error).sort()).toEqual(['code', 'message', 'param', 'type']);
      for (const name of names) expect(body.error.message).toContain(name);
      return body;
    }

    it('429 with retry-after kept', async () => {
      const model = await twoInstanceRoute();
      primary.enqueue(reply.rateLimited(3));
      secondary.enqueue(reply.rateLimited(7));
      const response = await ask(model);
      await expectOpenAiError(response, 429, model);
      expect(response.headers.get('retry-after')).toBe('7');
    });

    it('5xx keeps the last status', async () => {
      const model = await twoInstanceRoute();
      primary.enqueue(reply.error(503));
      secondary.enqueue(reply.error(500));
      await expectOpenAiError(await ask(model), 500, model);
    });

    it('529 becomes 503 toward OpenAI clients, stays 529 toward Anthropic clients', async () => {
      const model = await twoInstanceRoute();
      primary.enqueue(reply.error(529));
      secondary.enqueue(reply.error(529));
      await expectOpenAiError(await ask(model), 503, model);

      primary.enqueue(reply.error(529));
      secondary.enqueue(reply.error(529));
      const response = await sb.post(
        '/v1/messages',
        { model, max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] },
        { 'anthropic-version': '2023-06-01' },
      );
      expect(response.status).toBe(529);
      const body = (await response.json()) as { type: string; error: { type: string; message: string } };
      expect(body).toMatchObject({ type: 'error', error: { type: 'overloaded_error' } });
      for (const name of names) expect(body.error.message).toContain(name);
    });

    it('502 when every connection is refused', async () => {
      const model = uniqueModel('refused');
      await sb.createRoute(
        routeFor(model, [
          anthropicInstance('east-primary', await closedPortUrl(), { priority: 1 }),
          anthropicInstance('west-secondary', await closedPortUrl(), { priority: 0 }),
        ]),
      );
      await expectOpenAiError(await ask(model), 502, model);
    });

    it('504 when every instance times out before the first byte', async () => {
      const model = await twoInstanceRoute({ first_byte_timeout: 300 });
      primary.enqueue(reply.hang());
      secondary.enqueue(reply.hang());
      await expectOpenAiError(await ask(model), 504, model);
    });

    it('an Anthropic client gets its own error shape (500 api_error)', async () => {
      const model = await twoInstanceRoute();
      primary.enqueue(reply.error(500));
      secondary.enqueue(reply.error(500));
      const response = await sb.post(
        '/v1/messages',
        { model, max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] },
        { 'anthropic-version': '2023-06-01' },
      );
      expect(response.status).toBe(500);
      expect(response.headers.get('x-switchboard-attempts')).toBe('2');
      await expect(response.json()).resolves.toMatchObject({ type: 'error', error: { type: 'api_error' } });
    });
  });

  describe('headers', () => {
    it('keeps the client x-request-id, sends it upstream, and generates one when absent', async () => {
      const model = await twoInstanceRoute();
      primary.enqueue(reply.error(500));
      const response = await ask(model, { 'x-request-id': 'client-req-42' });
      expect(response.status).toBe(200);
      expect(response.headers.get('x-request-id')).toBe('client-req-42');
      expect(response.headers.get('x-switchboard-route')).toBe(`route-${model}`);
      expect(primary.requests[0].headers['x-request-id']).toBe('client-req-42');
      expect(secondary.requests[0].headers['x-request-id']).toBe('client-req-42');

      const generated = await ask(model);
      const id = generated.headers.get('x-request-id');
      expect(id).toEqual(expect.any(String));
      expect(id!.length).toBeGreaterThan(8);
      expect(primary.last?.headers['x-request-id']).toBe(id);
    });
  });
});
