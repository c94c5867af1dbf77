import { reply, type AnthropicMock, type OpenAiMock } from '../../support/mock-upstreams';
import { CLIENT_ANTHROPIC_KEY, CLIENT_OPENAI_KEY, type DataPlaneHarness } from './support/data-plane-harness';
import { dataPlaneSuite } from './support/data-plane-suite';
import { anthropicWeatherTool, openAiWeatherTool } from './support/fixtures';
import {
  anthropicInstance,
  openAiInstance,
  routeFor,
  uniqueModel,
  upstreamKey,
} from './support/route-builders';

describe('passthrough (client and upstream speak the same protocol)', () => {
  let anthropicMock: AnthropicMock;
  let openAiMock: OpenAiMock;
  let sb: DataPlaneHarness;
  let gptModel: string;
  let claudeModel: string;

  const suite = dataPlaneSuite(
    { anthropicMock: 'anthropic', openAiMock: 'openai' },
    { clearBeforeEach: true },
  );
  beforeAll(async () => {
    ({ anthropicMock, openAiMock } = suite.mocks);
    sb = suite.sb;
    gptModel = uniqueModel('gpt-pass');
    claudeModel = uniqueModel('claude-pass');
    await sb.createRoute(routeFor(gptModel, [openAiInstance('gpt-pass', openAiMock.url)]));
    await sb.createRoute(routeFor(claudeModel, [anthropicInstance('claude-pass', anthropicMock.url)]));
  });

  describe('OpenAI → OpenAI', () => {
    const body = () => ({
      model: gptModel,
      messages: [
        { role: 'developer' as const, content: 'Be terse.' },
        { role: 'user' as const, content: 'What is 1+1?' },
      ],
      temperature: 0.2,
      seed: 42,
      tools: [openAiWeatherTool],
      user: 'user-123',
    });

    it('forwards the body and returns the upstream answer unchanged (non-streaming)', async () => {
      const completion = await sb.openai.chat.completions.create(body());
      expect(completion).toMatchObject({
        object: 'chat.completion',
        system_fingerprint: 'fp_f33640a400',
        choices: [{ message: { role: 'assistant', content: '1 + 1 = 2' }, finish_reason: 'stop' }],
      });
      const [upstream] = openAiMock.requests;
      expect(upstream.rejection).toBeUndefined();
      expect(upstream.body).toMatchObject(body());
      expect(upstream.headers.authorization).toBe(`Bearer ${upstreamKey('gpt-pass')}`);
      expect(JSON.stringify(upstream.headers)).not.toContain(CLIENT_OPENAI_KEY);
    });

    it('streams the upstream chunks through (tool calls accumulate in the SDK)', async () => {
      openAiMock.enqueue(reply.toolCall('get_weather', { city: 'Paris' }, 'call_pass_1', 'One moment.'));
      const final = await sb.openai.chat.completions
        .stream({ ...body(), stream_options: { include_usage: true } })
        .finalChatCompletion();
      expect(final.choices[0].finish_reason).toBe('tool_calls');
      expect(final.choices[0].message.content).toBe('One moment.');
      expect(final.choices[0].message.tool_calls).toMatchObject([
        { id: 'call_pass_1', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
      ]);
      expect(final.usage).toMatchObject({ prompt_tokens: 21, completion_tokens: 9, total_tokens: 30 });
      expect(openAiMock.requests[0].body).toMatchObject({ stream: true, messages: body().messages });
    });
  });

  describe('Anthropic → Anthropic', () => {
    it('forwards the body with the client anthropic-version and anthropic-beta, instance key only', async () => {
      const message = await sb.anthropic.messages.create(
        {
          model: claudeModel,
          max_tokens: 300,
          system: [{ type: 'text', text: 'Be terse.', cache_control: { type: 'ephemeral' } }],
          messages: [{ role: 'user', content: 'What is 1+1?' }],
          tools: [anthropicWeatherTool],
          metadata: { user_id: 'user-123' },
        },
        { headers: { 'anthropic-beta': 'interleaved-thinking-2025-05-14' } },
      );
      expect(message).toMatchObject({ type: 'message', content: [{ type: 'text', text: '1 + 1 = 2' }] });
      expect(message.id).toMatch(/^msg_01/);
      const [upstream] = anthropicMock.requests;
      expect(upstream.rejection).toBeUndefined();
      expect(upstream.body).toMatchObject({
        model: claudeModel,
        max_tokens: 300,
        system: [{ type: 'text', text: 'Be terse.', cache_control: { type: 'ephemeral' } }],
        metadata: { user_id: 'user-123' },
      });
      expect(upstream.headers['x-api-key']).toBe(upstreamKey('claude-pass'));
      expect(JSON.stringify(upstream.headers)).not.toContain(CLIENT_ANTHROPIC_KEY);
      expect(upstream.headers['anthropic-beta']).toBe('interleaved-thinking-2025-05-14');
      // The SDK sends its own anthropic-version; a passthrough keeps the client's.
      const sdkVersion = (
        await sb.anthropic.messages
          .create({ model: claudeModel, max_tokens: 5, messages: [{ role: 'user', content: 'x' }] })
          .withResponse()
      ).response;
      expect(sdkVersion.status).toBe(200);
      expect(anthropicMock.requests[1].headers['anthropic-version']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const raw = await sb.post(
        '/v1/messages',
        { model: claudeModel, max_tokens: 5, messages: [{ role: 'user', content: 'x' }] },
        { 'anthropic-version': '2023-01-01' },
      );
      expect(raw.status).toBe(200);
      expect(anthropicMock.requests[2].headers['anthropic-version']).toBe('2023-01-01');
    });

    it('streams thinking, text and tool use through to the Anthropic SDK', async () => {
      anthropicMock.enqueue(
        reply.turn({
          thinking: 'Weather needs a tool.',
          text: 'Checking.',
          toolCalls: [{ id: 'toolu_pass', name: 'get_weather', input: { city: 'Paris' } }],
          usage: { input: 30, output: 12, cacheRead: 8 },
        }),
      );
      const message = await sb.anthropic.messages
        .stream({
          model: claudeModel,
          max_tokens: 2048,
          thinking: { type: 'enabled', budget_tokens: 1024 },
          tools: [anthropicWeatherTool],
          messages: [{ role: 'user', content: 'Weather in Paris?' }],
        })
        .finalMessage();
      expect(message.content.map((block) => block.type)).toEqual(['thinking', 'text', 'tool_use']);
      expect(message.content[2]).toMatchObject({ id: 'toolu_pass', input: { city: 'Paris' } });
      expect(message.usage).toMatchObject({ output_tokens: 12, cache_read_input_tokens: 8 });
      expect(anthropicMock.requests[0].body).toMatchObject({ stream: true, thinking: { type: 'enabled' } });
    });
  });
});
