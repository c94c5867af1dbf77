import { startAnthropicMock, type AnthropicMock } from '../../support/mock-upstreams';
import { startDataPlane, type DataPlaneHarness } from '../data-plane/support/data-plane-harness';
import { anthropicInstance, routeFor, uniqueModel } from '../data-plane/support/route-builders';

describe('catalogue: max_tokens toward an Anthropic upstream', () => {
  let mock: AnthropicMock;
  let sb: DataPlaneHarness;
  let sonnet: string;
  let unknown: string;
  let withDefault: string;
  let withOption: string;

  beforeAll(async () => {
    mock = await startAnthropicMock();
    sb = await startDataPlane();
    const route = async (instanceOptions: Record<string, unknown>) => {
      const model = uniqueModel('catalogue-max');
      await sb.createRoute(routeFor(model, [anthropicInstance('claude', mock.url, instanceOptions)]));
      return model;
    };
    sonnet = await route({ options: { model: 'claude-sonnet-4-5-20250929' } });
    unknown = await route({ options: { model: 'not-in-the-catalogue' } });
    withDefault = await route({ options: { model: 'claude-opus-4-5' }, defaults: { max_tokens: 100_000 } });
    withOption = await route({ options: { model: 'claude-opus-4-1', max_tokens: 8_000 } });
  });
  afterAll(async () => {
    await sb?.close();
    await mock?.close();
  });
  beforeEach(() => mock.clear());

  it('sends the model maximum output for an Open WebUI-shaped request without max_tokens', async () => {
    // Open WebUI: streaming, system + user messages, no max_tokens.
    const { data: stream, response } = await sb.openai.chat.completions
      .create({
        model: sonnet,
        stream: true,
        messages: [
          { role: 'system', content: 'You are a helpful assistant.' },
          { role: 'user', content: 'Write a long story.' },
        ],
      })
      .withResponse();
    for await (const chunk of stream) void chunk;
    expect(mock.requests).toHaveLength(1);
    expect(mock.requests[0].body.max_tokens).toBe(64_000);
    expect(response.headers.get('x-switchboard-max-tokens')).toBe('64000');
  });

  it('lowers a client value above the model limit and says so; leaves one within it alone', async () => {
    const high = await sb.openai.chat.completions
      .create({ model: sonnet, max_tokens: 200_000, messages: [{ role: 'user', content: 'hi' }] })
      .withResponse();
    expect(mock.requests[0].body.max_tokens).toBe(64_000);
    expect(high.response.headers.get('x-switchboard-max-tokens')).toBe('64000');

    const low = await sb.anthropic.messages
      .create({ model: sonnet, max_tokens: 500, messages: [{ role: 'user', content: 'hi' }] })
      .withResponse();
    expect(mock.requests[1].body.max_tokens).toBe(500);
    expect(low.response.headers.get('x-switchboard-max-tokens')).toBeNull();
  });

  it('lowers an Anthropic client value above the model limit', async () => {
    const { response } = await sb.anthropic.messages
      .create({ model: sonnet, max_tokens: 90_000, messages: [{ role: 'user', content: 'hi' }] })
      .withResponse();
    expect(mock.requests[0].body.max_tokens).toBe(64_000);
    expect(response.headers.get('x-switchboard-max-tokens')).toBe('64000');
  });

  it('lets defaults.max_tokens win, capped at the model limit', async () => {
    await sb.openai.chat.completions.create({
      model: withDefault,
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(mock.requests[0].body.max_tokens).toBe(64_000);
  });

  it('lets options.max_tokens win over the client', async () => {
    const { response } = await sb.openai.chat.completions
      .create({ model: withOption, max_tokens: 20, messages: [{ role: 'user', content: 'hi' }] })
      .withResponse();
    expect(mock.requests[0].body.max_tokens).toBe(8_000);
    expect(response.headers.get('x-switchboard-max-tokens')).toBe('8000');
  });

  it('raises max_tokens above the thinking budget, within the model limit', async () => {
    await sb.openai.chat.completions.create({
      model: withOption,
      reasoning_effort: 'high',
      messages: [{ role: 'user', content: 'think' }],
    });
    // options.max_tokens 8000 is written over the converted body; the budget (4096) stays below it.
    expect(mock.requests[0].body).toMatchObject({
      max_tokens: 8_000,
      thinking: { type: 'enabled', budget_tokens: 4096 },
    });
  });

  it('keeps the historic default for a model the catalogue does not know', async () => {
    const { response } = await sb.openai.chat.completions
      .create({ model: unknown, messages: [{ role: 'user', content: 'hi' }] })
      .withResponse();
    expect(mock.requests[0].body.max_tokens).toBe(4096);
    expect(response.headers.get('x-switchboard-max-tokens')).toBe('4096');
  });
});
