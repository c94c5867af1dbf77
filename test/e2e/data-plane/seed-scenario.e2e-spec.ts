import { startAnthropicMock, type AnthropicMock } from '../../support/mock-upstreams';
import { startDataPlane, type DataPlaneHarness } from './support/data-plane-harness';
import { parseSse, textOf } from './support/normalize';
import { expectOfficialOpenAi } from './support/openai-shape';

/**
 * The seed case (issue 4): Open WebUI, an OpenAI client, asks Claude on Azure AI Foundry through Switchboard.
 * The request body is sent byte for byte as the issue gives it.
 */
interface ChunkJson {
  object: string;
  choices: Array<{ delta?: { role?: string; content?: string | null }; finish_reason?: string | null }>;
}

const SEED_BODY =
  '{"model":"claude-opus-4-5","messages":[{"role":"system","content":"You are a mathematician"},{"role":"user","content":"What is 1+1?"}]}';

describe('seed scenario: OpenAI client → Anthropic (Foundry) upstream', () => {
  let mock: AnthropicMock;
  let sb: DataPlaneHarness;

  beforeAll(async () => {
    mock = await startAnthropicMock({ apiKey: 'foundry-secret-key' });
    sb = await startDataPlane();
    await sb.createRoute({
      name: 'claude-foundry',
      models: ['claude-opus-4-5'],
      instances: [
        {
          name: 'foundry-east',
          provider: 'anthropic',
          auth: { header: { 'x-api-key': 'foundry-secret-key' } },
          override: { endpoint: `${mock.url}/anthropic/v1/messages` },
        },
      ],
    });
  });
  afterAll(async () => {
    await sb?.close();
    await mock?.close();
  });
  beforeEach(() => mock.clear());

  function expectSeedUpstreamRequest(stream: boolean) {
    expect(mock.requests).toHaveLength(1);
    const [upstream] = mock.requests;
    expect(upstream.rejection).toBeUndefined();
    expect(upstream.method).toBe('POST');
    expect(upstream.path).toBe('/anthropic/v1/messages');
    expect(upstream.headers['anthropic-version']).toBe('2023-06-01');
    expect(upstream.headers['x-api-key']).toBe('foundry-secret-key');
    expect(upstream.headers.authorization).toBeUndefined();
    expect(upstream.body.model).toBe('claude-opus-4-5');
    expect(textOf(upstream.body.system)).toBe('You are a mathematician');
    expect(upstream.body.messages).toHaveLength(1);
    const [message] = upstream.body.messages as Array<{ role: string; content: unknown }>;
    expect(message.role).toBe('user');
    expect(textOf(message.content)).toBe('What is 1+1?');
    expect(upstream.body.max_tokens).toEqual(expect.any(Number));
    expect(upstream.body.max_tokens as number).toBeGreaterThan(0);
    expect(upstream.body).not.toHaveProperty('stream_options');
    if (stream) expect(upstream.body.stream).toBe(true);
    else expect(upstream.body.stream ?? false).toBe(false);
    return upstream;
  }

  it('answers the verbatim request, non-streaming, in OpenAI shape', async () => {
    const response = await sb.post('/v1/chat/completions', SEED_BODY, {
      authorization: 'Bearer sk-open-webui-user-key',
      'x-request-id': 'seed-request-1',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('x-request-id')).toBe('seed-request-1');
    expect(response.headers.get('x-switchboard-route')).toBe('claude-foundry');
    expect(response.headers.get('x-switchboard-instance')).toBe('foundry-east');
    expect(response.headers.get('x-switchboard-attempts')).toBe('1');
    const completion = (await response.json()) as Record<string, unknown>;
    expectOfficialOpenAi('CreateChatCompletionResponse', completion);
    expect(completion).toMatchObject({
      object: 'chat.completion',
      model: 'claude-opus-4-5',
      choices: [{ index: 0, message: { role: 'assistant', content: '1 + 1 = 2' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 21, completion_tokens: 9, total_tokens: 30 },
    });
    expect(completion.id).toEqual(expect.any(String));
    expect(completion.created).toEqual(expect.any(Number));
    const upstream = expectSeedUpstreamRequest(false);
    expect(upstream.headers['x-request-id']).toBe('seed-request-1');
  });

  it('answers the verbatim request through the official openai SDK', async () => {
    const completion = await sb.openai.chat.completions.create(JSON.parse(SEED_BODY));
    expect(completion.choices[0].message).toMatchObject({ role: 'assistant', content: '1 + 1 = 2' });
    expect(completion.choices[0].finish_reason).toBe('stop');
    expectSeedUpstreamRequest(false);
  });

  it('streams the answer in OpenAI chunks, ending with [DONE]', async () => {
    const response = await sb.post('/v1/chat/completions', SEED_BODY.replace(/}$/, ',"stream":true}'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(response.headers.get('x-switchboard-instance')).toBe('foundry-east');
    const frames = parseSse(await response.text());
    expect(frames.at(-1)?.data).toBe('[DONE]');
    const chunks = frames.slice(0, -1).map((frame) => JSON.parse(frame.data) as ChunkJson);
    for (const chunk of chunks) {
      expectOfficialOpenAi('CreateChatCompletionStreamResponse', chunk);
      expect(chunk).toMatchObject({ object: 'chat.completion.chunk', model: 'claude-opus-4-5' });
      expect(chunk).not.toHaveProperty('error');
    }
    expect(chunks[0]?.choices[0]?.delta?.role).toBe('assistant');
    const text = chunks.map((chunk) => chunk.choices[0]?.delta?.content ?? '').join('');
    expect(text).toBe('1 + 1 = 2');
    const finishes = chunks.map((chunk) => chunk.choices[0]?.finish_reason).filter(Boolean);
    expect(finishes).toEqual(['stop']);
    expectSeedUpstreamRequest(true);
  });

  it('streams through the official openai SDK, usage included when asked', async () => {
    const stream = sb.openai.chat.completions.stream({
      ...JSON.parse(SEED_BODY),
      stream_options: { include_usage: true },
    });
    const final = await stream.finalChatCompletion();
    expect(final.choices[0].message.content).toBe('1 + 1 = 2');
    expect(final.choices[0].finish_reason).toBe('stop');
    expect(final.usage).toMatchObject({ prompt_tokens: 21, completion_tokens: 9, total_tokens: 30 });
    expectSeedUpstreamRequest(true);
  });
});
