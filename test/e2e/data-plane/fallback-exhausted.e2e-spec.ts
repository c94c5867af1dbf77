import { closedPortUrl, reply } from '../../support/mock-upstreams';
import { fallbackSuite } from './support/fallback-suite';
import { anthropicInstance, routeFor, uniqueModel } from './support/route-builders';

/**
 * Fallback between instances (issue 4, "Choosing instances, falling back"), routes of fallbackSuite:
 * max_retries, and the answer when every attempt fails.
 */
describe('fallback: retries and running out of instances', () => {
  const suite = fallbackSuite();
  const { twoInstanceRoute, ask } = suite;

  describe('max_retries', () => {
    async function threeInstanceRoute(maxRetries: number | undefined) {
      const model = uniqueModel('retries');
      await suite.sb.createRoute(
        routeFor(
          model,
          [
            anthropicInstance('first', suite.primary.url, { priority: 3 }),
            anthropicInstance('second', suite.secondary.url, { priority: 2 }),
            anthropicInstance('third', suite.tertiary.url, { priority: 1 }),
          ],
          maxRetries === undefined ? {} : { max_retries: maxRetries },
        ),
      );
      for (const mock of [suite.primary, suite.secondary, suite.tertiary]) mock.reply(reply.error(500));
      return model;
    }
    afterEach(() => {
      for (const mock of [suite.primary, suite.secondary, suite.tertiary])
        mock.reply(reply.text('1 + 1 = 2'));
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
      const seen = [suite.primary, suite.secondary, suite.tertiary].map((mock) => mock.requests.length);
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
      suite.primary.enqueue(reply.rateLimited(3));
      suite.secondary.enqueue(reply.rateLimited(7));
      const response = await ask(model);
      await expectOpenAiError(response, 429, model);
      expect(response.headers.get('retry-after')).toBe('7');
    });

    it('5xx keeps the last status', async () => {
      const model = await twoInstanceRoute();
      suite.primary.enqueue(reply.error(503));
      suite.secondary.enqueue(reply.error(500));
      await expectOpenAiError(await ask(model), 500, model);
    });

    it('529 becomes 503 toward OpenAI clients, stays 529 toward Anthropic clients', async () => {
      const model = await twoInstanceRoute();
      suite.primary.enqueue(reply.error(529));
      suite.secondary.enqueue(reply.error(529));
      await expectOpenAiError(await ask(model), 503, model);

      suite.primary.enqueue(reply.error(529));
      suite.secondary.enqueue(reply.error(529));
      const response = await suite.sb.post(
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
      await suite.sb.createRoute(
        routeFor(model, [
          anthropicInstance('east-primary', await closedPortUrl(), { priority: 1 }),
          anthropicInstance('west-secondary', await closedPortUrl(), { priority: 0 }),
        ]),
      );
      await expectOpenAiError(await ask(model), 502, model);
    });

    it('504 when every instance times out before the first byte', async () => {
      const model = await twoInstanceRoute({ first_byte_timeout: 300 });
      suite.primary.enqueue(reply.hang());
      suite.secondary.enqueue(reply.hang());
      await expectOpenAiError(await ask(model), 504, model);
    });

    it('an Anthropic client gets its own error shape (500 api_error)', async () => {
      const model = await twoInstanceRoute();
      suite.primary.enqueue(reply.error(500));
      suite.secondary.enqueue(reply.error(500));
      const response = await suite.sb.post(
        '/v1/messages',
        { model, max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] },
        { 'anthropic-version': '2023-06-01' },
      );
      expect(response.status).toBe(500);
      expect(response.headers.get('x-switchboard-attempts')).toBe('2');
      await expect(response.json()).resolves.toMatchObject({ type: 'error', error: { type: 'api_error' } });
    });
  });
});
