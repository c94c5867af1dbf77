import { reply, startAnthropicMock, type AnthropicMock, type OpenAiMock } from '../../support/mock-upstreams';
import type { DataPlaneHarness } from './support/data-plane-harness';
import { dataPlaneSuite } from './support/data-plane-suite';
import { rejectionOf } from './support/rejection';
import { anthropicInstance, openAiInstance, routeFor, uniqueModel } from './support/route-builders';

const ANTHROPIC_HEADERS = { 'anthropic-version': '2023-06-01' };

/** Bad client input in each protocol's error shape, model discovery and count_tokens. */
describe('client input, /v1/models and count_tokens', () => {
  let claude: AnthropicMock;
  let gpt: OpenAiMock;
  let sb: DataPlaneHarness;
  let model: string;
  let gptOnlyModel: string;
  const disabledModel = uniqueModel('disabled');

  const suite = dataPlaneSuite(
    { claude: 'anthropic', gpt: 'openai' },
    { env: { MAX_BODY_SIZE: '16kb' }, clearBeforeEach: true },
  );
  beforeAll(async () => {
    ({ claude, gpt } = suite.mocks);
    sb = suite.sb;
    model = uniqueModel('input');
    gptOnlyModel = uniqueModel('gpt-only');
    await sb.createRoute(
      routeFor(model, [
        openAiInstance('gpt-first', gpt.url, { priority: 2 }),
        anthropicInstance('claude-count', claude.url, {
          priority: 1,
          options: { model: 'claude-deployment' },
        }),
      ]),
    );
    await sb.createRoute({
      ...routeFor(gptOnlyModel, [openAiInstance('gpt', gpt.url)]),
      models: [gptOnlyModel, 'gpt-glob-*'],
    });
    await sb.createRoute({ ...routeFor(disabledModel, [openAiInstance('gpt', gpt.url)]), enabled: false });
  });

  async function expectOpenAiError(response: Response, status: number) {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as { error: Record<string, unknown> };
    expect(Object.keys(body)).toEqual(['error']);
    expect(Object.keys(body.error).sort()).toEqual(['code', 'message', 'param', 'type']);
    expect(body.error.message).toEqual(expect.any(String));
    return body.error;
  }

  async function expectAnthropicError(response: Response, status: number, type: string) {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as { type: string; error: { type: string; message: string } };
    expect(body).toMatchObject({ type: 'error', error: { type, message: expect.any(String) } });
    return body.error;
  }

  const chat = (body: unknown, headers: Record<string, string> = {}) =>
    sb.post('/v1/chat/completions', body, headers);
  const messages = (body: unknown, headers: Record<string, string> = {}) =>
    sb.post('/v1/messages', body, { ...ANTHROPIC_HEADERS, ...headers });

  describe('bad input', () => {
    it('invalid JSON → 400', async () => {
      const openAi = await expectOpenAiError(await chat('{"model": "x", "messages": ['), 400);
      expect(openAi.type).toBe('invalid_request_error');
      await expectAnthropicError(await messages('{"model": '), 400, 'invalid_request_error');
    });

    it('missing model or messages → 400', async () => {
      await expectOpenAiError(await chat({ messages: [{ role: 'user', content: 'hi' }] }), 400);
      await expectOpenAiError(await chat({ model }), 400);
      await expectAnthropicError(
        await messages({ max_tokens: 5, messages: [{ role: 'user', content: 'hi' }] }),
        400,
        'invalid_request_error',
      );
      await expectAnthropicError(await messages({ model, max_tokens: 5 }), 400, 'invalid_request_error');
      expect(gpt.requests).toHaveLength(0);
    });

    it('a body over MAX_BODY_SIZE → 413', async () => {
      const big = 'x'.repeat(20 * 1024);
      await expectOpenAiError(await chat({ model, messages: [{ role: 'user', content: big }] }), 413);
      await expectAnthropicError(
        await messages({ model, max_tokens: 5, messages: [{ role: 'user', content: big }] }),
        413,
        'request_too_large',
      );
      expect(gpt.requests).toHaveLength(0);
      expect(claude.requests).toHaveLength(0);
    });

    it('a content type other than application/json → 415; parameters allowed; missing read as JSON', async () => {
      const body = JSON.stringify({ model, messages: [{ role: 'user', content: 'hi' }] });
      await expectOpenAiError(await chat(body, { 'content-type': 'text/plain' }), 415);
      await expectAnthropicError(
        await messages(
          JSON.stringify({ model, max_tokens: 5, messages: [{ role: 'user', content: 'hi' }] }),
          {
            'content-type': 'application/x-www-form-urlencoded',
          },
        ),
        415,
        'invalid_request_error',
      );
      expect((await chat(body, { 'content-type': 'application/json; charset=utf-8' })).status).toBe(200);
      const noType = await fetch(`${sb.gatewayUrl}/v1/chat/completions`, {
        method: 'POST',
        body: new TextEncoder().encode(body),
      });
      expect(noType.status).toBe(200);
    });

    it('an unknown model → 404 in each shape', async () => {
      const openAi = await rejectionOf(
        sb.openai.chat.completions.create({
          model: 'no-such-model',
          messages: [{ role: 'user', content: 'hi' }],
        }),
      );
      expect(openAi.status).toBe(404);
      expect(openAi.error).toMatchObject({ message: expect.stringContaining('no-such-model') });
      const anthropic = await rejectionOf(
        sb.anthropic.messages.create({
          model: 'no-such-model',
          max_tokens: 5,
          messages: [{ role: 'user', content: 'hi' }],
        }),
      );
      expect(anthropic.status).toBe(404);
      expect(anthropic.error).toMatchObject({ type: 'error', error: { type: 'not_found_error' } });
      const disabled = await chat({ model: disabledModel, messages: [{ role: 'user', content: 'hi' }] });
      await expectOpenAiError(disabled, 404);
    });

    it('keeps serving after all of that', async () => {
      const health = await fetch(`${sb.gatewayUrl}/healthz`);
      expect(health.status).toBe(200);
      const completion = await sb.openai.chat.completions.create({
        model,
        messages: [{ role: 'user', content: 'hi' }],
      });
      expect(completion.choices[0].message.content).toBe('1 + 1 = 2');
    });
  });

  describe('GET /v1/models', () => {
    it('lists exact model names of enabled routes in the OpenAI shape', async () => {
      const ids: string[] = [];
      for await (const entry of sb.openai.models.list()) {
        expect(entry).toMatchObject({
          object: 'model',
          id: expect.any(String),
          owned_by: expect.any(String),
        });
        expect(entry.created).toEqual(expect.any(Number));
        ids.push(entry.id);
      }
      expect(ids).toEqual(expect.arrayContaining([model, gptOnlyModel]));
      expect(ids).not.toContain(disabledModel);
      expect(ids.some((id) => id.includes('*'))).toBe(false);
    });

    it('answers in the Anthropic shape when the request carries anthropic-version', async () => {
      const ids: string[] = [];
      for await (const entry of sb.anthropic.models.list()) {
        expect(entry).toMatchObject({
          type: 'model',
          id: expect.any(String),
          display_name: expect.any(String),
        });
        expect(Number.isNaN(Date.parse(entry.created_at))).toBe(false);
        ids.push(entry.id);
      }
      expect(ids).toEqual(expect.arrayContaining([model, gptOnlyModel]));
      expect(ids).not.toContain(disabledModel);
      const raw = await fetch(`${sb.gatewayUrl}/v1/models`, { headers: ANTHROPIC_HEADERS });
      await expect(raw.json()).resolves.toMatchObject({ has_more: false, data: expect.any(Array) });
    });
  });

  describe('POST /v1/messages/count_tokens', () => {
    it('goes to an anthropic-messages instance of the route, at …/messages/count_tokens', async () => {
      claude.enqueue(reply.turn({ usage: { input: 37 } }));
      const counted = await sb.anthropic.messages.countTokens({
        model,
        system: 'Be terse.',
        messages: [{ role: 'user', content: 'How many tokens is this?' }],
      });
      expect(counted).toEqual({ input_tokens: 37 });
      expect(gpt.requests).toHaveLength(0);
      const [upstream] = claude.requests;
      expect(upstream.rejection).toBeUndefined();
      expect(upstream.path).toBe('/anthropic/v1/messages/count_tokens');
      expect(upstream.body).toMatchObject({ model: 'claude-deployment', system: 'Be terse.' });
    });

    it('falls back between anthropic-messages instances like a message request', async () => {
      const backup = await startAnthropicMock();
      try {
        const countModel = uniqueModel('count-fallback');
        await sb.createRoute(
          routeFor(countModel, [
            anthropicInstance('count-main', claude.url, { priority: 1 }),
            anthropicInstance('count-backup', backup.url, { priority: 0 }),
          ]),
        );
        claude.enqueue(reply.error(529));
        backup.enqueue(reply.turn({ usage: { input: 12 } }));
        const response = await sb.post(
          '/v1/messages/count_tokens',
          { model: countModel, messages: [{ role: 'user', content: 'hi' }] },
          ANTHROPIC_HEADERS,
        );
        expect(response.status).toBe(200);
        await expect(response.json()).resolves.toEqual({ input_tokens: 12 });
        expect(response.headers.get('x-switchboard-instance')).toBe('count-backup');
        expect(backup.requests[0].path).toBe('/anthropic/v1/messages/count_tokens');
      } finally {
        await backup.close();
      }
    });

    it('answers 400 in the Anthropic shape when the route has no anthropic-messages instance', async () => {
      const response = await sb.post(
        '/v1/messages/count_tokens',
        { model: gptOnlyModel, messages: [{ role: 'user', content: 'hi' }] },
        ANTHROPIC_HEADERS,
      );
      await expectAnthropicError(response, 400, 'invalid_request_error');
      expect(gpt.requests).toHaveLength(0);
    });
  });
});
