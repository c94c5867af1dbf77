import OpenAI from 'openai';
import { reply, type AnthropicMock, type OpenAiMock } from '../../support/mock-upstreams';
import type { DataPlaneHarness } from './support/data-plane-harness';
import { dataPlaneSuite } from './support/data-plane-suite';
import { anthropicInstance, openAiInstance, routeFor, uniqueModel } from './support/route-builders';

/** Data-plane items of issue 11: what fuzzing and first contact broke, kept fixed. */
describe('data-plane robustness (issue 11)', () => {
  let gpt: OpenAiMock;
  let claude: AnthropicMock;
  let sb: DataPlaneHarness;
  const MAX_BODY = 64 * 1024;

  const suite = dataPlaneSuite(
    { gpt: 'openai', claude: 'anthropic' },
    { env: { MAX_BODY_SIZE: String(MAX_BODY) }, clearBeforeEach: true },
  );
  beforeAll(() => {
    ({ gpt, claude } = suite.mocks);
    sb = suite.sb;
  });

  /** `{"a":{"a":…"x"…}}`, `depth` objects deep. */
  const nested = (depth: number): string => '{"a":'.repeat(depth) + '"x"' + '}'.repeat(depth);

  it('a body nested thousands of levels deep → 400 in the client shape, no attempt, no breaker failure', async () => {
    const model = uniqueModel('deep');
    const route = await sb.createRoute(routeFor(model, [openAiInstance('gpt-main', gpt.url)]));
    const deepContent = `[{"type":"text","text":"hi","extra":${nested(4000)}}]`;
    for (let i = 0; i < 4; i++) {
      const openai = await sb.post(
        '/v1/chat/completions',
        `{"model":"${model}","messages":[{"role":"user","content":${deepContent}}]}`,
      );
      expect(openai.status).toBe(400);
      await expect(openai.json()).resolves.toEqual({
        error: expect.objectContaining({
          type: 'invalid_request_error',
          message: expect.stringContaining('128'),
        }),
      });
      const anthropic = await sb.post(
        '/v1/messages',
        `{"model":"${model}","max_tokens":5,"messages":[{"role":"user","content":${deepContent}}]}`,
        { 'anthropic-version': '2023-06-01' },
      );
      expect(anthropic.status).toBe(400);
      await expect(anthropic.json()).resolves.toEqual({
        type: 'error',
        error: { type: 'invalid_request_error', message: expect.stringContaining('nested') },
      });
    }
    expect(gpt.requests).toHaveLength(0);
    expect(await sb.health(route.id)).toEqual([
      expect.objectContaining({ state: 'closed', consecutive_failures: 0 }),
    ]);

    // 128 levels are fine.
    gpt.enqueue(reply.text('ok'));
    const shallow = await sb.post(
      '/v1/chat/completions',
      `{"model":"${model}","messages":[{"role":"user","content":"hi"}],"tools":[{"type":"function","function":{"name":"f","parameters":{"type":"object","x":${nested(100)}}}}]}`,
    );
    expect(shallow.status).toBe(200);
  });

  it("an oversized body: Node's fetch and the SDK read the 413 (lingering close), not a reset", async () => {
    const model = uniqueModel('big');
    await sb.createRoute(routeFor(model, [openAiInstance('gpt-main', gpt.url)]));
    const big = 'x'.repeat(4 * 1024 * 1024);
    const response = await sb.post('/v1/chat/completions', {
      model,
      messages: [{ role: 'user', content: big }],
    });
    expect(response.status).toBe(413);
    expect(response.headers.get('connection')).toBe('close');
    await expect(response.json()).resolves.toMatchObject({ error: { type: 'invalid_request_error' } });

    const error = await sb.openai.chat.completions
      .create({ model, messages: [{ role: 'user', content: big }] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect((error as InstanceType<typeof OpenAI.APIError>).status).toBe(413);
    expect(gpt.requests).toHaveLength(0);
  });

  it('an upstream 404 → 502 naming the instance and the path it called, in the client shape', async () => {
    const model = uniqueModel('typo');
    await sb.createRoute(routeFor(model, [openAiInstance('gpt-typo', gpt.url)]));
    gpt.enqueue(reply.error(404));
    const openai = await sb.post('/v1/chat/completions', {
      model,
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(openai.status).toBe(502);
    const body = (await openai.json()) as { error: { message: string; type: string; code: unknown } };
    expect(body.error.message).toContain("'gpt-typo'");
    expect(body.error.message).toContain('/v1/chat/completions');
    expect(body.error.code).not.toBe('model_not_found');

    gpt.enqueue(reply.error(404));
    const anthropic = await sb.post(
      '/v1/messages',
      { model, max_tokens: 5, messages: [{ role: 'user', content: 'hi' }] },
      { 'anthropic-version': '2023-06-01' },
    );
    expect(anthropic.status).toBe(502);
    await expect(anthropic.json()).resolves.toEqual({
      type: 'error',
      error: { type: 'api_error', message: expect.stringContaining("'gpt-typo'") },
    });
  });

  it.each([401, 403])(
    'an upstream %i reaches Anthropic clients as api_error, not overloaded_error',
    async (status) => {
      const model = uniqueModel('auth');
      await sb.createRoute(routeFor(model, [anthropicInstance('claude-key', claude.url)]));
      claude.enqueue(reply.error(status));
      const response = await sb.post(
        '/v1/messages',
        { model, max_tokens: 5, messages: [{ role: 'user', content: 'hi' }] },
        { 'anthropic-version': '2023-06-01' },
      );
      expect(response.status).toBe(502);
      await expect(response.json()).resolves.toEqual({
        type: 'error',
        error: { type: 'api_error', message: expect.stringContaining('credentials') },
      });
    },
  );

  it.each([
    ['anthropic-beta', 'x'.repeat(2000)],
    ['anthropic-beta', 'tools-2024-04-04,\u00e9'],
    ['anthropic-version', '2023-06-01 extra'],
    ['anthropic-version', '9'.repeat(100)],
  ])('an invalid %s header → 400 in the client shape, never forwarded', async (name, value) => {
    const model = uniqueModel('hdr');
    await sb.createRoute(routeFor(model, [anthropicInstance('claude-hdr', claude.url)]));
    const response = await sb.post(
      '/v1/messages',
      { model, max_tokens: 5, messages: [{ role: 'user', content: 'hi' }] },
      { 'anthropic-version': '2023-06-01', [name]: value },
    );
    expect(response.status).toBe(400);
    await expect(response.json()).resolves.toEqual({
      type: 'error',
      error: { type: 'invalid_request_error', message: expect.stringContaining(name) },
    });
    expect(claude.requests).toHaveLength(0);
  });
});
