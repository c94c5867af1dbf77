import { reply, type AnthropicMock, type OpenAiMock } from '../../support/mock-upstreams';
import { CLIENT_ANTHROPIC_KEY, CLIENT_OPENAI_KEY, type DataPlaneHarness } from './support/data-plane-harness';
import { dataPlaneSuite } from './support/data-plane-suite';
import { anthropicInstance, openAiInstance, routeFor, uniqueModel } from './support/route-builders';

/** Provider drivers (endpoints, auth, body quirks), the upstream header policy, options and defaults. */
describe('providers, upstream headers, options', () => {
  let claude: AnthropicMock;
  let gpt: OpenAiMock;
  let sb: DataPlaneHarness;

  const suite = dataPlaneSuite({ claude: 'anthropic', gpt: 'openai' }, { clearBeforeEach: true });
  beforeAll(() => {
    ({ claude, gpt } = suite.mocks);
    sb = suite.sb;
  });

  const user = (content: string) => ({ role: 'user' as const, content });

  it('azure-openai: deployment URL with api-version, api-key header, no model in the body', async () => {
    const model = uniqueModel('azure');
    await sb.createRoute(
      routeFor(model, [
        {
          name: 'azure-east',
          provider: 'azure-openai',
          override: {
            endpoint: `${gpt.url}/openai/deployments/gpt-4o-prod/chat/completions?api-version=2024-10-21`,
          },
          auth: { header: { 'api-key': 'azure-secret' } },
        },
      ]),
    );
    const message = await sb.anthropic.messages.create({ model, max_tokens: 20, messages: [user('hi')] });
    expect(message.content).toEqual([expect.objectContaining({ type: 'text', text: '1 + 1 = 2' })]);
    const [upstream] = gpt.requests;
    expect(upstream.rejection).toBeUndefined();
    expect(upstream.path).toBe('/openai/deployments/gpt-4o-prod/chat/completions');
    expect(upstream.query['api-version']).toBe('2024-10-21');
    expect(upstream.headers['api-key']).toBe('azure-secret');
    expect(upstream.headers.authorization).toBeUndefined();
    expect(upstream.body).not.toHaveProperty('model');
  });

  it('auth.query is added to the upstream URL', async () => {
    const model = uniqueModel('query-auth');
    await sb.createRoute(
      routeFor(model, [
        { ...openAiInstance('q', gpt.url), auth: { header: {}, query: { key: 'query-secret' } } },
      ]),
    );
    await sb.openai.chat.completions.create({ model, messages: [user('hi')] });
    expect(gpt.requests[0].query).toEqual({ key: 'query-secret' });
    expect(gpt.requests[0].headers.authorization).toBeUndefined();
  });

  it.each([
    ['deepseek, scheme+host only → /chat/completions', 'deepseek', '', '/chat/completions'],
    ['openai, scheme+host only → /v1/chat/completions', 'openai', '', '/v1/chat/completions'],
    [
      'openai-compatible, full operation path',
      'openai-compatible',
      '/custom/chat/completions',
      '/custom/chat/completions',
    ],
  ])('%s', async (_name, provider, suffix, path) => {
    const model = uniqueModel('endpoint');
    await sb.createRoute(
      routeFor(model, [
        {
          name: 'e',
          provider,
          override: { endpoint: `${gpt.url}${suffix}` },
          auth: { header: { authorization: 'Bearer k' } },
        },
      ]),
    );
    await sb.openai.chat.completions.create({ model, messages: [user('hi')] });
    expect(gpt.requests[0].path).toBe(path);
  });

  it.each([
    ['scheme+host only → /v1/messages', '', '/v1/messages'],
    ['an SDK base URL …/anthropic/ → /anthropic/v1/messages', '/anthropic/', '/anthropic/v1/messages'],
  ])('anthropic endpoint given as %s', async (_name, suffix, path) => {
    const model = uniqueModel('anthropic-endpoint');
    await sb.createRoute(
      routeFor(model, [
        { ...anthropicInstance('a', claude.url), override: { endpoint: `${claude.url}${suffix}` } },
      ]),
    );
    await sb.openai.chat.completions.create({ model, messages: [user('hi')] });
    expect(claude.requests[0].path).toBe(path);
  });

  it('never forwards client credentials, cookies or hop-by-hop headers', async () => {
    const model = uniqueModel('headers');
    await sb.createRoute(routeFor(model, [openAiInstance('g', gpt.url)]));
    const response = await sb.post(
      '/v1/messages',
      { model, max_tokens: 5, messages: [user('hi')] },
      {
        'anthropic-version': '2023-06-01',
        'anthropic-beta': 'prompt-caching-2024-07-31',
        'x-api-key': CLIENT_ANTHROPIC_KEY,
        authorization: `Bearer ${CLIENT_OPENAI_KEY}`,
        cookie: 'session=very-secret',
        'proxy-authorization': 'Basic c2VjcmV0',
        'x-forwarded-for': '10.0.0.1',
      },
    );
    expect(response.status).toBe(200);
    const headers = gpt.requests[0].headers;
    expect(headers.authorization).toBe('Bearer sk-upstream-g');
    for (const name of [
      'x-api-key',
      'cookie',
      'proxy-authorization',
      'anthropic-version',
      'anthropic-beta',
    ]) {
      expect(headers[name]).toBeUndefined();
    }
    expect(JSON.stringify(headers)).not.toContain('very-secret');
  });

  it('an instance auth.header pins anthropic-version over the client value', async () => {
    const model = uniqueModel('pinned');
    await sb.createRoute(
      routeFor(model, [
        {
          ...anthropicInstance('pinned', claude.url),
          auth: { header: { 'x-api-key': 'k', 'anthropic-version': '2023-06-01' } },
        },
      ]),
    );
    await sb.post(
      '/v1/messages',
      { model, max_tokens: 5, messages: [user('hi')] },
      { 'anthropic-version': '2099-01-01' },
    );
    expect(claude.requests[0].headers['anthropic-version']).toBe('2023-06-01');
  });

  it('options win over the client, defaults fill only what the client left unset', async () => {
    const model = uniqueModel('options');
    await sb.createRoute(
      routeFor(model, [
        anthropicInstance('opt', claude.url, {
          options: { temperature: 0.5 },
          defaults: { max_tokens: 777, top_k: 40 },
        }),
      ]),
    );
    await sb.openai.chat.completions.create({ model, messages: [user('hi')], temperature: 0.9 });
    expect(claude.requests[0].body).toMatchObject({ temperature: 0.5, max_tokens: 777, top_k: 40 });
    await sb.openai.chat.completions.create({ model, messages: [user('hi')], max_tokens: 55 });
    expect(claude.requests[1].body).toMatchObject({ temperature: 0.5, max_tokens: 55 });
  });

  it('each attempt starts from the client body: no option of a failed attempt leaks into the next', async () => {
    const model = uniqueModel('no-leak');
    await sb.createRoute(
      routeFor(model, [
        anthropicInstance('first', claude.url, {
          priority: 1,
          options: { model: 'claude-deployment-a', top_k: 5 },
        }),
        openAiInstance('second', gpt.url, { priority: 0 }),
      ]),
    );
    claude.enqueue(reply.error(500));
    const completion = await sb.openai.chat.completions.create({ model, messages: [user('hi')] });
    expect(completion.choices[0].message.content).toBe('1 + 1 = 2');
    expect(claude.requests[0].body).toMatchObject({ model: 'claude-deployment-a', top_k: 5 });
    expect(gpt.requests[0].rejection).toBeUndefined();
    expect(gpt.requests[0].body.model).toBe(model);
    expect(gpt.requests[0].body).not.toHaveProperty('top_k');
  });

  it('a single rate-limited instance answers 429 with retry-after to both clients', async () => {
    const model = uniqueModel('single-429');
    await sb.createRoute(routeFor(model, [anthropicInstance('only', claude.url)]));
    claude.enqueue(reply.rateLimited(11), reply.rateLimited(12));
    const openAi = await sb.post('/v1/chat/completions', { model, messages: [user('hi')] });
    expect(openAi.status).toBe(429);
    expect(openAi.headers.get('retry-after')).toBe('11');
    await expect(openAi.json()).resolves.toMatchObject({ error: { message: expect.any(String) } });
    const anthropic = await sb.post(
      '/v1/messages',
      { model, max_tokens: 5, messages: [user('hi')] },
      { 'anthropic-version': '2023-06-01' },
    );
    expect(anthropic.status).toBe(429);
    expect(anthropic.headers.get('retry-after')).toBe('12');
    await expect(anthropic.json()).resolves.toMatchObject({
      type: 'error',
      error: { type: 'rate_limit_error' },
    });
  });

  it('writes each stream event as it arrives (the first chunk reaches the client before the upstream ends)', async () => {
    const model = uniqueModel('no-buffering');
    await sb.createRoute(routeFor(model, [anthropicInstance('slow', claude.url)]));
    claude.enqueue(reply.turn({ text: 'one two three four five six seven eight' }, { eventDelayMs: 150 }));
    const stream = await sb.openai.chat.completions.create({
      model,
      stream: true,
      messages: [user('count')],
    });
    let upstreamDone = false;
    void claude.waitForRequests(1).then(() => claude.requests[0].settled.then(() => (upstreamDone = true)));
    const doneWhenChunkArrived: boolean[] = [];
    let text = '';
    for await (const chunk of stream) {
      doneWhenChunkArrived.push(upstreamDone);
      text += chunk.choices[0]?.delta?.content ?? '';
    }
    expect(text).toBe('one two three four five six seven eight');
    expect(doneWhenChunkArrived[0]).toBe(false);
    expect(doneWhenChunkArrived.filter((done) => !done).length).toBeGreaterThan(3);
  });
});
