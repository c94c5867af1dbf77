import type Anthropic from '@anthropic-ai/sdk';
import { reply, type OpenAiMock } from '../../support/mock-upstreams';
import { CLIENT_ANTHROPIC_KEY, type DataPlaneHarness } from './support/data-plane-harness';
import { dataPlaneSuite } from './support/data-plane-suite';
import { PNG_BASE64, anthropicWeatherTool } from './support/fixtures';
import { parseSse } from './support/normalize';
import { rejectionOf } from './support/rejection';
import { openAiInstance, routeFor, uniqueModel, upstreamKey } from './support/route-builders';

type Json = Record<string, unknown>;

describe('Anthropic client → OpenAI upstream (conversion)', () => {
  let mock: OpenAiMock;
  let sb: DataPlaneHarness;
  let model: string;

  const suite = dataPlaneSuite({ mock: 'openai' });
  beforeAll(async () => {
    ({ mock } = suite.mocks);
    sb = suite.sb;
    model = uniqueModel('gpt-conv');
    await sb.createRoute(routeFor(model, [openAiInstance('gpt-a', mock.url)]));
  });
  beforeEach(() => mock.clear());

  it('answers a message in Anthropic shape; the upstream gets an OpenAI request with the instance key', async () => {
    mock.enqueue(reply.text('1 + 1 = 2', { usage: { input: 15, output: 6, cacheRead: 100 } }));
    const message = await sb.anthropic.messages.create({
      model,
      max_tokens: 256,
      system: 'You are a mathematician',
      messages: [{ role: 'user', content: 'What is 1+1?' }],
    });
    expect(message).toMatchObject({
      type: 'message',
      role: 'assistant',
      model,
      content: [{ type: 'text', text: '1 + 1 = 2' }],
      stop_reason: 'end_turn',
      usage: { input_tokens: 15, output_tokens: 6, cache_read_input_tokens: 100 },
    });

    const [upstream] = mock.requests;
    expect(upstream.rejection).toBeUndefined();
    expect(upstream.path).toBe('/v1/chat/completions');
    expect(upstream.headers.authorization).toBe(`Bearer ${upstreamKey('gpt-a')}`);
    expect(upstream.headers['x-api-key']).toBeUndefined();
    expect(upstream.headers['anthropic-version']).toBeUndefined();
    expect(JSON.stringify(upstream.headers)).not.toContain(CLIENT_ANTHROPIC_KEY);
    expect(upstream.body).toMatchObject({
      model,
      messages: [
        { role: 'system', content: 'You are a mathematician' },
        { role: 'user', content: 'What is 1+1?' },
      ],
    });
    const maxTokens = upstream.body.max_completion_tokens ?? upstream.body.max_tokens;
    expect(maxTokens).toBe(256);
  });

  it('streams an answer the Anthropic SDK accumulates, framed as Anthropic events', async () => {
    const stream = sb.anthropic.messages.stream({
      model,
      max_tokens: 64,
      messages: [{ role: 'user', content: 'What is 1+1?' }],
    });
    const message = await stream.finalMessage();
    expect(message.content).toEqual([expect.objectContaining({ type: 'text', text: '1 + 1 = 2' })]);
    expect(message.stop_reason).toBe('end_turn');
    expect(message.usage.output_tokens).toBe(9);
    const [upstream] = mock.requests;
    expect(upstream.body.stream).toBe(true);
    // Anthropic reports usage at the end of a stream, so the converter must ask the OpenAI upstream for it.
    expect(upstream.body.stream_options).toMatchObject({ include_usage: true });

    const raw = await sb.post(
      '/v1/messages',
      { model, max_tokens: 64, stream: true, messages: [{ role: 'user', content: 'again' }] },
      { 'anthropic-version': '2023-06-01' },
    );
    expect(raw.status).toBe(200);
    expect(raw.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = parseSse(await raw.text()).map((frame) => frame.event);
    expect(events[0]).toBe('message_start');
    expect(events.at(-1)).toBe('message_stop');
    expect(events).not.toContain('error');
  });

  it('runs a multi-turn tool loop (non-streaming)', async () => {
    mock.enqueue(reply.toolCall('get_weather', { city: 'Paris' }, 'call_Weather1'));
    const messages: Anthropic.MessageParam[] = [{ role: 'user', content: 'Weather in Paris?' }];
    const first = await sb.anthropic.messages.create({
      model,
      max_tokens: 200,
      messages,
      tools: [anthropicWeatherTool],
    });
    expect(first.stop_reason).toBe('tool_use');
    const toolUse = first.content.find((block) => block.type === 'tool_use');
    expect(toolUse).toMatchObject({ type: 'tool_use', name: 'get_weather', input: { city: 'Paris' } });
    expect(mock.requests[0].body.tools).toEqual([
      expect.objectContaining({
        type: 'function',
        function: expect.objectContaining({
          name: 'get_weather',
          parameters: anthropicWeatherTool.input_schema,
        }),
      }),
    ]);

    mock.enqueue(reply.text('It is 18°C and sunny in Paris.'));
    messages.push(
      { role: 'assistant', content: first.content },
      {
        role: 'user',
        content: [
          {
            type: 'tool_result',
            tool_use_id: (toolUse as Anthropic.ToolUseBlock).id,
            content: '18°C, sunny',
          },
        ],
      },
    );
    const second = await sb.anthropic.messages.create({
      model,
      max_tokens: 200,
      messages,
      tools: [anthropicWeatherTool],
    });
    expect(second.content).toEqual([
      expect.objectContaining({ type: 'text', text: 'It is 18°C and sunny in Paris.' }),
    ]);
    expect(second.stop_reason).toBe('end_turn');

    const upstream = mock.requests[1];
    expect(upstream.rejection).toBeUndefined();
    const sent = upstream.body.messages as Json[];
    expect(sent.map((m) => m.role)).toEqual(['user', 'assistant', 'tool']);
    const calls = sent[1].tool_calls as Array<{ id: string; function: { name: string; arguments: string } }>;
    expect(calls).toHaveLength(1);
    expect(calls[0].function.name).toBe('get_weather');
    expect(JSON.parse(calls[0].function.arguments)).toEqual({ city: 'Paris' });
    expect(sent[2]).toMatchObject({ role: 'tool', tool_call_id: calls[0].id, content: '18°C, sunny' });
  });

  it('streams tool calls that the Anthropic SDK accumulates', async () => {
    mock.enqueue(
      reply.turn({
        text: 'Checking both.',
        toolCalls: [
          { id: 'call_P', name: 'get_weather', input: { city: 'Paris' } },
          { id: 'call_O', name: 'get_weather', input: { city: 'Oslo' } },
        ],
      }),
    );
    const message = await sb.anthropic.messages
      .stream({
        model,
        max_tokens: 200,
        tools: [anthropicWeatherTool],
        messages: [{ role: 'user', content: 'Weather in Paris and Oslo?' }],
      })
      .finalMessage();
    expect(message.stop_reason).toBe('tool_use');
    expect(message.content.map((block) => block.type)).toEqual(['text', 'tool_use', 'tool_use']);
    expect(message.content.slice(1)).toEqual([
      expect.objectContaining({ name: 'get_weather', input: { city: 'Paris' } }),
      expect.objectContaining({ name: 'get_weather', input: { city: 'Oslo' } }),
    ]);
  });

  it('converts an image block to an OpenAI image_url data URL', async () => {
    await sb.anthropic.messages.create({
      model,
      max_tokens: 50,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: PNG_BASE64 } },
            { type: 'text', text: 'What is this?' },
          ],
        },
      ],
    });
    const [upstream] = mock.requests;
    expect(upstream.rejection).toBeUndefined();
    const content = (upstream.body.messages as Array<{ content: Json[] }>)[0].content;
    expect(content).toEqual([
      expect.objectContaining({
        type: 'image_url',
        image_url: expect.objectContaining({ url: `data:image/png;base64,${PNG_BASE64}` }),
      }),
      expect.objectContaining({ type: 'text', text: 'What is this?' }),
    ]);
  });

  it('converts an upstream 400 to an Anthropic invalid_request_error', async () => {
    mock.enqueue(reply.error(400));
    const error = await rejectionOf(
      sb.anthropic.messages.create({ model, max_tokens: 5, messages: [{ role: 'user', content: 'hi' }] }),
    );
    expect(error.status).toBe(400);
    expect(error.error).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } });
  });

  // Issue 11: an upstream 404 is the gateway's set-up problem (a wrong endpoint), not the client's.
  it('answers an upstream 404 with a 502 api_error naming the instance', async () => {
    mock.enqueue(reply.error(404));
    const error = await rejectionOf(
      sb.anthropic.messages.create({ model, max_tokens: 5, messages: [{ role: 'user', content: 'hi' }] }),
    );
    expect(error.status).toBe(502);
    expect(error.error).toMatchObject({
      type: 'error',
      error: { type: 'api_error', message: expect.stringContaining("'gpt-a'") },
    });
  });
});
