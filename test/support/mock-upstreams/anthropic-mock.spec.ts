import Anthropic from '@anthropic-ai/sdk';
import { reply, startAnthropicMock, type AnthropicMock } from '.';
import { rejectionOf } from '../rejection-of';

/** The Anthropic mock, checked with the official SDK: what the SDK accepts as real answers, the mock must produce. */
describe('Anthropic mock', () => {
  let anthropicMock: AnthropicMock;
  let anthropic: Anthropic;

  beforeAll(async () => {
    anthropicMock = await startAnthropicMock({ apiKey: 'sk-ant-mock' });
    anthropic = new Anthropic({ apiKey: 'sk-ant-mock', baseURL: anthropicMock.url, maxRetries: 0 });
  });
  afterAll(() => anthropicMock.close());
  beforeEach(() => anthropicMock.clear());

  const user = (content: string) => ({ role: 'user' as const, content });

  it('answers a message and records what it received', async () => {
    const message = await anthropic.messages.create({
      model: 'claude-opus-4-5',
      max_tokens: 100,
      system: 'You are a mathematician',
      messages: [user('What is 1+1?')],
    });
    expect(message.content).toEqual([{ type: 'text', text: '1 + 1 = 2' }]);
    expect(message.usage).toMatchObject({ input_tokens: 21, output_tokens: 9, cache_read_input_tokens: 0 });
    const [request] = anthropicMock.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/v1/messages' });
    expect(request.headers['anthropic-version']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(request.body).toMatchObject({ system: 'You are a mathematician', max_tokens: 100 });
  });

  it('streams thinking, text and a tool call that the SDK accumulates', async () => {
    anthropicMock.enqueue(
      reply.turn({
        thinking: 'The user wants the weather.',
        text: 'Let me check.',
        toolCalls: [{ id: 'toolu_01A', name: 'get_weather', input: { city: 'Paris', unit: 'celsius' } }],
        usage: { input: 50, output: 30, cacheRead: 10, cacheWrite: 5 },
      }),
    );
    const stream = anthropic.messages.stream({
      model: 'claude-x',
      max_tokens: 100,
      messages: [user('Weather?')],
    });
    const message = await stream.finalMessage();
    expect(message.stop_reason).toBe('tool_use');
    expect(message.content.map((block) => block.type)).toEqual(['thinking', 'text', 'tool_use']);
    expect(message.content[2]).toMatchObject({
      id: 'toolu_01A',
      input: { city: 'Paris', unit: 'celsius' },
    });
    expect(message.usage).toMatchObject({ output_tokens: 30, cache_read_input_tokens: 10 });
  });

  it('counts tokens', async () => {
    anthropicMock.enqueue(reply.turn({ usage: { input: 17 } }));
    await expect(
      anthropic.messages.countTokens({ model: 'claude-x', messages: [user('hi')] }),
    ).resolves.toEqual({ input_tokens: 17 });
    expect(anthropicMock.last?.path).toBe('/v1/messages/count_tokens');
  });

  it.each([
    [
      'a system role inside messages',
      { messages: [{ role: 'system', content: 'x' }, user('hi')], max_tokens: 5 },
      /Unexpected role "system"/,
    ],
    ['a missing max_tokens', { messages: [user('hi')] }, /max_tokens: Field required/],
    [
      'an unknown field',
      { messages: [user('hi')], max_tokens: 5, stream_options: {} },
      /stream_options: Extra inputs/,
    ],
    [
      'an orphan tool_result',
      {
        max_tokens: 5,
        messages: [
          { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_X', content: '4' }] },
        ],
      },
      /unexpected `tool_use_id`/,
    ],
    [
      'a tool_use without its tool_result',
      {
        max_tokens: 5,
        messages: [
          user('add'),
          { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_Y', name: 'add', input: {} }] },
          user('well?'),
        ],
      },
      /without `tool_result`/,
    ],
  ])('rejects %s with 400 invalid_request_error', async (_name, body, message) => {
    const error = await anthropic.messages
      .create({ model: 'claude-x', ...body } as unknown as Anthropic.MessageCreateParamsNonStreaming)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Anthropic.BadRequestError);
    const apiError = error as InstanceType<typeof Anthropic.BadRequestError>;
    expect(apiError.error).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } });
    expect((apiError.error as { error: { message: string } }).error.message).toMatch(message);
    expect(anthropicMock.last?.rejection?.status).toBe(400);
  });

  it('refuses forced tool use and manual thinking for the models whose pages say so', async () => {
    const client = anthropic;
    const base = { max_tokens: 2048, messages: [{ role: 'user' as const, content: 'hi' }] };
    const tool = { name: 'f', input_schema: { type: 'object' as const } };
    const forced = { ...base, tools: [tool], tool_choice: { type: 'any' as const } };
    const manual = { ...base, thinking: { type: 'enabled' as const, budget_tokens: 1024 } };
    await expect(client.messages.create({ ...forced, model: 'claude-opus-5-5' })).rejects.toThrow(
      /forced tool use/,
    );
    await expect(client.messages.create({ ...manual, model: 'claude-opus-4-7' })).rejects.toThrow(
      /thinking.type/,
    );
    await client.messages.create({ ...forced, model: 'claude-opus-4-7' });
    await client.messages.create({ ...manual, model: 'claude-sonnet-4-5' });
    await client.messages.create({ ...base, model: 'claude-opus-5-5', thinking: { type: 'adaptive' } });
    expect(anthropicMock.requests.map((r) => r.rejection?.status)).toEqual([
      400,
      400,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('rejects a request without anthropic-version and one with a wrong key', async () => {
    const noVersion = await fetch(`${anthropicMock.url}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': 'sk-ant-mock' },
      body: JSON.stringify({ model: 'm', max_tokens: 5, messages: [user('hi')] }),
    });
    expect(noVersion.status).toBe(400);
    await expect(noVersion.json()).resolves.toMatchObject({
      error: { type: 'invalid_request_error', message: 'anthropic-version: header is required' },
    });
    const wrongKey = new Anthropic({ apiKey: 'nope', baseURL: anthropicMock.url, maxRetries: 0 });
    await expect(
      wrongKey.messages.create({ model: 'm', max_tokens: 5, messages: [user('hi')] }),
    ).rejects.toBeInstanceOf(Anthropic.AuthenticationError);
  });

  it('sends scripted errors with real bodies and headers', async () => {
    anthropicMock.enqueue(reply.error(529), reply.rateLimited(9));
    const overloaded = await rejectionOf<InstanceType<typeof Anthropic.APIError>>(
      anthropic.messages.create({ model: 'm', max_tokens: 5, messages: [user('hi')] }),
    );
    expect(overloaded.status).toBe(529);
    expect(overloaded.error).toMatchObject({ error: { type: 'overloaded_error', message: 'Overloaded' } });
    const limited = await rejectionOf<InstanceType<typeof Anthropic.APIError>>(
      anthropic.messages.create({ model: 'm', max_tokens: 5, messages: [user('hi')] }),
    );
    expect(limited).toBeInstanceOf(Anthropic.RateLimitError);
    expect(limited.headers?.get('retry-after')).toBe('9');
  });

  it('breaks a stream with an error event or a cut, which the SDK raises', async () => {
    anthropicMock.enqueue(
      reply.turn({ text: 'Hello there, friend' }, { streamBreak: { afterEvents: 4, how: 'error' } }),
      reply.turn({ text: 'Hello there, friend' }, { streamBreak: { afterEvents: 4, how: 'cut' } }),
    );
    const params = { model: 'm', max_tokens: 5, messages: [user('hi')] };
    await expect(anthropic.messages.stream(params).finalMessage()).rejects.toThrow(/Overloaded/);
    await expect(anthropic.messages.stream(params).finalMessage()).rejects.toThrow();
  });

  it('hangs before headers and reports the caller abort', async () => {
    anthropicMock.enqueue(reply.hang());
    const controller = new AbortController();
    const pending = fetch(`${anthropicMock.url}/v1/messages`, {
      method: 'POST',
      signal: controller.signal,
      headers: {
        'content-type': 'application/json',
        'anthropic-version': '2023-06-01',
        'x-api-key': 'sk-ant-mock',
      },
      body: JSON.stringify({ model: 'm', max_tokens: 5, messages: [user('hi')] }),
    });
    await anthropicMock.waitForRequests(1);
    expect(anthropicMock.last?.wasAborted()).toBe(false);
    controller.abort();
    await expect(pending).rejects.toThrow();
    await expect(anthropicMock.last?.aborted).resolves.toBeUndefined();
    expect(anthropicMock.last?.wasAborted()).toBe(true);
  });
});
