import OpenAI from 'openai';
import { closedPortUrl, reply, startOpenAiMock, type OpenAiMock } from '.';
import { rejectionOf } from '../rejection-of';

/** The OpenAI mock, checked with the official SDK: what the SDK accepts as real answers, the mock must produce. */
describe('OpenAI mock', () => {
  let openAiMock: OpenAiMock;
  let openai: OpenAI;

  beforeAll(async () => {
    openAiMock = await startOpenAiMock();
    openai = new OpenAI({ apiKey: 'sk-mock', baseURL: `${openAiMock.url}/v1`, maxRetries: 0 });
  });
  afterAll(() => openAiMock.close());
  beforeEach(() => openAiMock.clear());

  const user = (content: string) => ({ role: 'user' as const, content });

  it('answers a chat completion and streams tool calls the SDK accumulates', async () => {
    const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages: [user('1+1?')] });
    expect(completion.choices[0].message.content).toBe('1 + 1 = 2');
    expect(completion.usage).toMatchObject({ prompt_tokens: 21, completion_tokens: 9, total_tokens: 30 });

    openAiMock.enqueue(
      reply.turn({
        text: 'Checking.',
        toolCalls: [
          { id: 'call_1', name: 'get_weather', input: { city: 'Paris' } },
          { id: 'call_2', name: 'get_time', input: { zone: 'CET' } },
        ],
      }),
    );
    const stream = openai.chat.completions.stream({
      model: 'gpt-4o',
      messages: [user('weather and time?')],
      stream_options: { include_usage: true },
    });
    const final = await stream.finalChatCompletion();
    expect(final.choices[0].finish_reason).toBe('tool_calls');
    expect(final.choices[0].message.tool_calls).toMatchObject([
      { id: 'call_1', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
      { id: 'call_2', function: { name: 'get_time', arguments: '{"zone":"CET"}' } },
    ]);
    expect(final.usage?.total_tokens).toBe(30);
    expect(openAiMock.last?.rawBody).toContain('"stream":true');
  });

  it('rejects an orphan tool message and unknown parameters with 400', async () => {
    const orphan = openai.chat.completions.create({
      model: 'gpt-4o',
      messages: [user('hi'), { role: 'tool', tool_call_id: 'call_9', content: '4' }],
    });
    await expect(orphan).rejects.toBeInstanceOf(OpenAI.BadRequestError);
    const unknown = await rejectionOf<InstanceType<typeof OpenAI.APIError>>(
      openai.chat.completions.create({
        model: 'gpt-4o',
        messages: [user('hi')],
        max_tokenz: 5,
      } as unknown as OpenAI.ChatCompletionCreateParamsNonStreaming),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.error).toMatchObject({
      message: 'Unrecognized request argument supplied: max_tokenz',
      param: null,
    });
  });

  it('rejects a body the official schema rejects', async () => {
    const invalid = await rejectionOf<InstanceType<typeof OpenAI.APIError>>(
      openai.chat.completions.create({
        model: 'gpt-4o',
        messages: [{ role: 'user', content: 42 }],
      } as unknown as OpenAI.ChatCompletionCreateParamsNonStreaming),
    );
    expect(invalid.status).toBe(400);
    expect(invalid.error).toMatchObject({
      type: 'invalid_request_error',
      message: expect.stringMatching(/content/),
    });
  });

  it('sends a mid-stream error frame the SDK raises, and 429 with retry-after', async () => {
    openAiMock.enqueue(
      reply.turn({ text: 'Hello there, friend' }, { streamBreak: { afterEvents: 3, how: 'error' } }),
      reply.rateLimited(3),
    );
    const stream = await openai.chat.completions.create({
      model: 'gpt-4o',
      messages: [user('hi')],
      stream: true,
    });
    const iterate = async () => {
      for await (const _chunk of stream) {
        /* drain */
      }
    };
    await expect(iterate()).rejects.toBeInstanceOf(OpenAI.APIError);
    const limited = await rejectionOf<InstanceType<typeof OpenAI.APIError>>(
      openai.chat.completions.create({ model: 'gpt-4o', messages: [user('hi')] }),
    );
    expect(limited).toBeInstanceOf(OpenAI.RateLimitError);
    expect(limited.headers?.get('retry-after')).toBe('3');
  });

  it('sends a raw event stream verbatim', async () => {
    openAiMock.enqueue(reply.rawStream(['data: {"a":', '1}\n\n', 'data: not json\n\n']));
    const response = await fetch(`${openAiMock.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4o', stream: true, messages: [user('hi')] }),
    });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    await expect(response.text()).resolves.toBe('data: {"a":1}\n\ndata: not json\n\n');
  });

  it('closedPortUrl refuses connections', async () => {
    await expect(fetch(await closedPortUrl())).rejects.toThrow();
  });
});
