import { closedPortUrl, reply, type ReplySpec } from '../../support/mock-upstreams';
import { fallbackSuite } from './support/fallback-suite';

type Json = Record<string, unknown>;

/**
 * Fallback between instances (issue 4, "Choosing instances, falling back"), routes of fallbackSuite:
 * What makes the gateway try the next instance, and what it returns straight away; the request id across attempts.
 */
describe('fallback: what triggers it', () => {
  const suite = fallbackSuite();
  const { twoInstanceRoute, ask, expectAnsweredBySecondary } = suite;

  it.each([
    ['500', reply.error(500)],
    ['503', reply.error(503, { errorType: 'api_error', message: 'Service Unavailable' })],
    ['529 overloaded', reply.error(529)],
    ['429', reply.rateLimited(3)],
  ] as Array<[string, ReplySpec]>)('falls back on %s', async (_name, failure) => {
    const model = await twoInstanceRoute();
    suite.primary.enqueue(failure);
    await expectAnsweredBySecondary(await ask(model));
  });

  it('falls back on a refused connection', async () => {
    const model = await twoInstanceRoute({}, await closedPortUrl());
    const response = await ask(model);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-switchboard-instance')).toBe('west-secondary');
    expect(response.headers.get('x-switchboard-attempts')).toBe('2');
    expect(suite.secondary.requests).toHaveLength(1);
  });

  it('falls back on a reset connection', async () => {
    const model = await twoInstanceRoute();
    suite.primary.enqueue(reply.reset());
    await expectAnsweredBySecondary(await ask(model));
  });

  it('abandons an instance that sends no first byte within first_byte_timeout and tries the next', async () => {
    const model = await twoInstanceRoute({ first_byte_timeout: 400 });
    suite.primary.enqueue(reply.hang());
    await expectAnsweredBySecondary(await ask(model));
    await expect(suite.primary.requests[0].aborted).resolves.toBeUndefined();
  });

  it('falls back before the first byte of a streamed answer', async () => {
    const model = await twoInstanceRoute();
    suite.primary.enqueue(reply.error(503));
    const response = await ask(model, {}, true);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-switchboard-instance')).toBe('west-secondary');
    const text = await response.text();
    expect(text).toContain('data: [DONE]');
    expect(text).not.toContain('"error"');
    expect(suite.secondary.requests[0].body.stream).toBe(true);
  });

  it('falls back when a streamed request gets no first byte in time', async () => {
    const model = await twoInstanceRoute({ first_byte_timeout: 400 });
    suite.primary.enqueue(reply.hang());
    const stream = await suite.sb.openai.chat.completions.create({
      model,
      stream: true,
      messages: [{ role: 'user', content: 'What is 1+1?' }],
    });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
    expect(text).toBe('1 + 1 = 2');
    expect(suite.secondary.requests).toHaveLength(1);
    await expect(suite.primary.requests[0].aborted).resolves.toBeUndefined();
  });

  it.each([402, 409, 422])('falls back on %i when it is in fallback_http_statuses', async (status) => {
    const model = await twoInstanceRoute({ fallback_http_statuses: [402, 409, 422] });
    suite.primary.enqueue(reply.error(status));
    await expectAnsweredBySecondary(await ask(model));
  });

  it('returns a status that is no trigger straight to the client, converted (402 billing)', async () => {
    const model = await twoInstanceRoute();
    suite.primary.enqueue(reply.error(402));
    const response = await ask(model);
    expect(response.status).toBe(402);
    const body = (await response.json()) as { error: Json };
    expect(body.error).toEqual(
      expect.objectContaining({ message: expect.any(String), type: expect.any(String) }),
    );
    expect(body.error).toHaveProperty('param');
    expect(body.error).toHaveProperty('code');
    expect(suite.secondary.requests).toHaveLength(0);
  });

  it('does not fall back on 400', async () => {
    const model = await twoInstanceRoute();
    suite.primary.enqueue(reply.error(400, { message: 'messages: roles must alternate' }));
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
    expect(suite.secondary.requests).toHaveLength(0);
  });

  it('only http_429 in fallback_strategy: 429 falls back, 500 does not', async () => {
    const model = await twoInstanceRoute({ fallback_strategy: ['http_429'] });
    suite.primary.enqueue(reply.rateLimited(1));
    await expectAnsweredBySecondary(await ask(model));
    suite.primary.clear();
    suite.secondary.clear();
    suite.primary.enqueue(reply.error(500));
    const response = await ask(model);
    expect(response.status).toBe(500);
    expect(suite.secondary.requests).toHaveLength(0);
  });

  it.each([401, 403])(
    'turns an upstream %i into 502 naming the instance, without falling back',
    async (status) => {
      const model = await twoInstanceRoute();
      suite.primary.enqueue(reply.error(status));
      const response = await ask(model);
      expect(response.status).toBe(502);
      const body = (await response.json()) as { error: { message: string } };
      expect(body.error.message).toContain('east-primary');
      expect(suite.secondary.requests).toHaveLength(0);
    },
  );

  it('falls back on 401 when it is configured, and answers 502 when every instance rejects the key', async () => {
    const model = await twoInstanceRoute({ fallback_http_statuses: [401] });
    suite.primary.enqueue(reply.error(401));
    await expectAnsweredBySecondary(await ask(model));
    suite.primary.clear();
    suite.secondary.clear();
    suite.primary.enqueue(reply.error(401));
    suite.secondary.enqueue(reply.error(401));
    const response = await ask(model);
    expect(response.status).toBe(502);
    expect(response.headers.get('x-switchboard-attempts')).toBe('2');
  });

  describe('headers', () => {
    it('keeps the client x-request-id, sends it upstream, and generates one when absent', async () => {
      const model = await twoInstanceRoute();
      suite.primary.enqueue(reply.error(500));
      const response = await ask(model, { 'x-request-id': 'client-req-42' });
      expect(response.status).toBe(200);
      expect(response.headers.get('x-request-id')).toBe('client-req-42');
      expect(response.headers.get('x-switchboard-route')).toBe(`route-${model}`);
      expect(suite.primary.requests[0].headers['x-request-id']).toBe('client-req-42');
      expect(suite.secondary.requests[0].headers['x-request-id']).toBe('client-req-42');

      const generated = await ask(model);
      const id = generated.headers.get('x-request-id');
      expect(id).toEqual(expect.any(String));
      expect(id!.length).toBeGreaterThan(8);
      expect(suite.primary.last?.headers['x-request-id']).toBe(id);
    });
  });
});
