import type OpenAI from 'openai';
import { reply, type AnthropicMock } from '../../support/mock-upstreams';
import { CLIENT_OPENAI_KEY, type DataPlaneHarness } from './support/data-plane-harness';
import { dataPlaneSuite } from './support/data-plane-suite';
import { PNG_BASE64, openAiWeatherTool } from './support/fixtures';
import { parseSse, textOf } from './support/normalize';
import { expectOfficialOpenAi } from './support/openai-shape';
import { rejectionOf } from './support/rejection';
import { anthropicInstance, routeFor, uniqueModel, upstreamKey } from './support/route-builders';

type Json = Record<string, unknown>;

describe('OpenAI client → Anthropic upstream (conversion)', () => {
  let mock: AnthropicMock;
  let sb: DataPlaneHarness;
  let model: string;

  const suite = dataPlaneSuite({ mock: 'anthropic' });
  beforeAll(async () => {
    ({ mock } = suite.mocks);
    sb = suite.sb;
    model = uniqueModel('claude-conv');
    await sb.createRoute(
      routeFor(model, [
        anthropicInstance('claude-a', mock.url, { options: { model: 'claude-deployment-x' } }),
      ]),
    );
  });
  beforeEach(() => mock.clear());

  it('sends the instance key, never the client key, and applies options.model', async () => {
    await sb.openai.chat.completions.create({ model, messages: [{ role: 'user', content: 'hi' }] });
    const [upstream] = mock.requests;
    expect(upstream.rejection).toBeUndefined();
    expect(upstream.headers['x-api-key']).toBe(upstreamKey('claude-a'));
    expect(upstream.headers.authorization).toBeUndefined();
    expect(JSON.stringify(upstream.headers)).not.toContain(CLIENT_OPENAI_KEY);
    expect(upstream.body.model).toBe('claude-deployment-x');
  });

  it('maps usage with cache tokens to OpenAI usage', async () => {
    mock.enqueue(
      reply.text('cached answer', { usage: { input: 10, output: 7, cacheRead: 100, cacheWrite: 5 } }),
    );
    const completion = await sb.openai.chat.completions.create({
      model,
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(completion.usage).toMatchObject({
      prompt_tokens: 115,
      completion_tokens: 7,
      total_tokens: 122,
      prompt_tokens_details: { cached_tokens: 100 },
    });
  });

  it('runs a multi-turn tool loop (non-streaming)', async () => {
    mock.enqueue(reply.toolCall('get_weather', { city: 'Paris' }, 'toolu_01WeatherParis'));
    const messages: OpenAI.ChatCompletionMessageParam[] = [{ role: 'user', content: 'Weather in Paris?' }];
    const first = await sb.openai.chat.completions.create({ model, messages, tools: [openAiWeatherTool] });
    const choice = first.choices[0];
    expect(choice.finish_reason).toBe('tool_calls');
    expect(choice.message.tool_calls).toHaveLength(1);
    const call = choice.message.tool_calls![0] as OpenAI.ChatCompletionMessageFunctionToolCall;
    expect(call.type).toBe('function');
    expect(call.function.name).toBe('get_weather');
    expect(JSON.parse(call.function.arguments)).toEqual({ city: 'Paris' });
    const firstUpstream = mock.requests[0].body;
    expect(firstUpstream.tools).toEqual([
      expect.objectContaining({ name: 'get_weather', input_schema: openAiWeatherTool.function.parameters }),
    ]);

    mock.enqueue(reply.text('It is 18°C and sunny in Paris.'));
    messages.push(choice.message, { role: 'tool', tool_call_id: call.id, content: '18°C, sunny' });
    const second = await sb.openai.chat.completions.create({ model, messages, tools: [openAiWeatherTool] });
    expect(second.choices[0].message.content).toBe('It is 18°C and sunny in Paris.');
    expect(second.choices[0].finish_reason).toBe('stop');

    const upstream = mock.requests[1];
    expect(upstream.rejection).toBeUndefined();
    const sent = upstream.body.messages as Array<{ role: string; content: Json[] }>;
    expect(sent.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    const toolUse = sent[1].content.find((block) => block.type === 'tool_use');
    expect(toolUse).toMatchObject({ type: 'tool_use', name: 'get_weather', input: { city: 'Paris' } });
    const toolResult = sent[2].content.find((block) => block.type === 'tool_result');
    expect(toolResult).toMatchObject({ type: 'tool_result', tool_use_id: toolUse!.id });
    expect(textOf(toolResult!.content)).toBe('18°C, sunny');
  });

  it('streams thinking, text and tool calls that the openai SDK accumulates', async () => {
    mock.enqueue(
      reply.turn({
        thinking: 'Need the weather tool.',
        text: 'Let me look that up.',
        toolCalls: [
          { id: 'toolu_01A', name: 'get_weather', input: { city: 'Paris' } },
          { id: 'toolu_01B', name: 'get_weather', input: { city: 'Oslo' } },
        ],
      }),
    );
    const stream = sb.openai.chat.completions.stream({
      model,
      messages: [{ role: 'user', content: 'Weather in Paris and Oslo?' }],
      tools: [openAiWeatherTool],
      stream_options: { include_usage: true },
    });
    const final = await stream.finalChatCompletion();
    const message = final.choices[0].message;
    expect(final.choices[0].finish_reason).toBe('tool_calls');
    expect(message.content).toBe('Let me look that up.');
    const calls = (message.tool_calls ?? []) as OpenAI.ChatCompletionMessageFunctionToolCall[];
    expect(calls.map((c) => [c.function.name, JSON.parse(c.function.arguments)])).toEqual([
      ['get_weather', { city: 'Paris' }],
      ['get_weather', { city: 'Oslo' }],
    ]);
    expect(new Set(calls.map((c) => c.id)).size).toBe(2);
    expect(final.usage).toMatchObject({ prompt_tokens: 21, completion_tokens: 9 });
    expect(mock.requests[0].body.stream).toBe(true);
  });

  it('emits bodies and chunks that satisfy the official OpenAI schemas (thinking, text, tool calls)', async () => {
    const turn = reply.turn({
      thinking: 'Need the weather tool.',
      text: 'Let me look that up.',
      toolCalls: [{ id: 'toolu_01S', name: 'get_weather', input: { city: 'Paris' } }],
      usage: { input: 12, output: 30, cacheRead: 3, cacheWrite: 4 },
    });
    mock.enqueue(turn, turn);
    const body = {
      model,
      messages: [{ role: 'user', content: 'Weather in Paris?' }],
      tools: [openAiWeatherTool],
    };
    const json = await sb.post('/v1/chat/completions', body);
    expect(json.status).toBe(200);
    const completion = (await json.json()) as { choices: Array<{ message: Json }> };
    expectOfficialOpenAi('CreateChatCompletionResponse', completion);
    expect(completion.choices[0].message.reasoning_content).toBe('Need the weather tool.');

    const streamed = await sb.post('/v1/chat/completions', {
      ...body,
      stream: true,
      stream_options: { include_usage: true },
    });
    const frames = parseSse(await streamed.text());
    expect(frames.at(-1)?.data).toBe('[DONE]');
    const chunks = frames.slice(0, -1).map((frame) => JSON.parse(frame.data) as Json);
    for (const chunk of chunks) expectOfficialOpenAi('CreateChatCompletionStreamResponse', chunk);
    const usageChunk = chunks.at(-1) as { choices: unknown[]; usage: Json };
    expect(usageChunk.choices).toEqual([]);
    expect(usageChunk.usage).toMatchObject({ prompt_tokens: 19, completion_tokens: 30, total_tokens: 49 });
  });

  it('turns reasoning_effort into a valid Anthropic thinking request and returns the reasoning', async () => {
    mock.enqueue(reply.text('2', { thinking: 'One plus one is two.' }));
    const completion = await sb.openai.chat.completions.create({
      model,
      reasoning_effort: 'high',
      messages: [{ role: 'user', content: 'What is 1+1?' }],
    });
    const [upstream] = mock.requests;
    expect(upstream.rejection).toBeUndefined();
    expect(upstream.body.thinking ?? upstream.body.output_config).toBeDefined();
    expect(completion.choices[0].message.content).toBe('2');
    expect((completion.choices[0].message as unknown as Json).reasoning_content).toBe('One plus one is two.');
  });

  it('converts images (data URL and https URL) to Anthropic image blocks', async () => {
    await sb.openai.chat.completions.create({
      model,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Compare these images.' },
            { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG_BASE64}` } },
            { type: 'image_url', image_url: { url: 'https://example.com/cat.jpg' } },
          ],
        },
      ],
    });
    const [upstream] = mock.requests;
    expect(upstream.rejection).toBeUndefined();
    const content = (upstream.body.messages as Array<{ content: Json[] }>)[0].content;
    expect(content).toEqual([
      expect.objectContaining({ type: 'text', text: 'Compare these images.' }),
      expect.objectContaining({
        type: 'image',
        source: { type: 'base64', media_type: 'image/png', data: PNG_BASE64 },
      }),
      expect.objectContaining({ type: 'image', source: { type: 'url', url: 'https://example.com/cat.jpg' } }),
    ]);
  });

  it('converts an upstream 400 to the OpenAI error shape without fallback', async () => {
    mock.enqueue(reply.error(400, { message: 'messages.0.content: bad things' }));
    const error = await rejectionOf(
      sb.openai.chat.completions.create({ model, messages: [{ role: 'user', content: 'hi' }] }),
    );
    expect(error.status).toBe(400);
    expect(error.error).toMatchObject({
      type: 'invalid_request_error',
      message: expect.stringContaining('bad things'),
    });
    expect(mock.requests).toHaveLength(1);
  });
});
