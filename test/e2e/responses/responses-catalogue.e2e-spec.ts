import OpenAI from 'openai';
import {
  reply,
  startAnthropicMock,
  startOpenAiMock,
  type AnthropicMock,
  type OpenAiMock,
} from '../../support/mock-upstreams';
import { startSwitchboard, type RunningSwitchboard } from '../../support/switchboard';
import { PNG_BASE64 } from '../data-plane/support/fixtures';
import {
  anthropicInstance,
  openAiInstance,
  routeFor,
  uniqueModel,
} from '../data-plane/support/route-builders';
import { adminClient } from '../routes/admin-client';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The model catalogue for a Responses client, as for Chat and Messages clients: max_output_tokens defaults and
 * limits toward Anthropic (`x-switchboard-max-tokens`), capability-aware routing (images, PDFs, reasoning, JSON
 * schema, history from previous_response_id included) and explain with protocol "openai-responses".
 */
describe('catalogue hooks for a Responses client', () => {
  let sb: RunningSwitchboard;
  let openAiMock: OpenAiMock;
  let anthropicMock: AnthropicMock;
  let admin: ReturnType<typeof adminClient>;
  let openai: OpenAI;
  let mixedRouteId: string;
  const mixed = uniqueModel('resp-cap');
  const sonnet = uniqueModel('resp-max');

  beforeAll(async () => {
    [openAiMock, anthropicMock] = await Promise.all([startOpenAiMock(), startAnthropicMock()]);
    sb = await startSwitchboard();
    admin = adminClient(sb);
    openai = new OpenAI({ apiKey: 'client', baseURL: `${sb.gatewayUrl}/v1`, maxRetries: 0 });
    // deepseek-chat lacks images, PDFs, thinking and JSON schema output (catalogue); claude-sonnet-4-5 has them.
    const created = await admin(
      'POST',
      '/admin/routes',
      routeFor(mixed, [
        openAiInstance('deepseek-text', openAiMock.url, {
          priority: 10,
          options: { model: 'deepseek-chat' },
        }),
        anthropicInstance('claude-vision', anthropicMock.url, {
          priority: 0,
          options: { model: 'claude-sonnet-4-5' },
        }),
      ]),
    );
    expect(created.status).toBe(201);
    mixedRouteId = created.body.id;
    const single = await admin(
      'POST',
      '/admin/routes',
      routeFor(sonnet, [
        anthropicInstance('claude', anthropicMock.url, { options: { model: 'claude-sonnet-4-5-20250929' } }),
      ]),
    );
    expect(single.status).toBe(201);
  }, 120_000);
  afterAll(async () => {
    await sb?.close();
    await Promise.all([openAiMock?.close(), anthropicMock?.close()]);
  });
  beforeEach(() => {
    openAiMock.clear();
    anthropicMock.clear();
  });

  const image = {
    role: 'user' as const,
    content: [
      { type: 'input_text' as const, text: 'What is this?' },
      {
        type: 'input_image' as const,
        image_url: `data:image/png;base64,${PNG_BASE64}`,
        detail: 'auto' as const,
      },
    ],
  };

  describe('max_output_tokens toward Anthropic', () => {
    it('sends the model maximum output when the client (like Codex) sends none, and says so', async () => {
      anthropicMock.reply(reply.text('ok'));
      const { response } = await openai.responses.create({ model: sonnet, input: 'hi' }).withResponse();
      expect(anthropicMock.requests[0].body.max_tokens).toBe(64_000);
      expect(response.headers.get('x-switchboard-max-tokens')).toBe('64000');
    });

    it('does the same on a stream', async () => {
      anthropicMock.reply(reply.text('ok'));
      const { data: stream, response } = await openai.responses
        .create({ model: sonnet, input: 'hi', stream: true })
        .withResponse();
      for await (const event of stream) void event;
      expect(anthropicMock.requests[0].body.max_tokens).toBe(64_000);
      expect(response.headers.get('x-switchboard-max-tokens')).toBe('64000');
    });

    it('lowers a value above the model limit and leaves one within it alone', async () => {
      anthropicMock.reply(reply.text('ok'));
      const high = await openai.responses
        .create({ model: sonnet, input: 'hi', max_output_tokens: 200_000 })
        .withResponse();
      expect(anthropicMock.requests[0].body.max_tokens).toBe(64_000);
      expect(high.response.headers.get('x-switchboard-max-tokens')).toBe('64000');
      const low = await openai.responses
        .create({ model: sonnet, input: 'hi', max_output_tokens: 500 })
        .withResponse();
      expect(anthropicMock.requests[1].body.max_tokens).toBe(500);
      expect(low.response.headers.get('x-switchboard-max-tokens')).toBeNull();
    });
  });

  describe('capability-aware routing', () => {
    it('sends a text request to the preferred text-only instance', async () => {
      const { response } = await openai.responses.create({ model: mixed, input: 'hi' }).withResponse();
      expect(response.headers.get('x-switchboard-instance')).toBe('deepseek-text');
      expect(anthropicMock.requests).toHaveLength(0);
    });

    const needing: [string, Json][] = [
      ['input_image', { input: [image] }],
      [
        'input_file (PDF)',
        {
          input: [
            {
              role: 'user',
              content: [
                {
                  type: 'input_file',
                  filename: 'report.pdf',
                  file_data: 'data:application/pdf;base64,JVBERi0xLjQK',
                },
                { type: 'input_text', text: 'Summarise.' },
              ],
            },
          ],
        },
      ],
      ['reasoning', { input: 'Think hard.', reasoning: { effort: 'high' } }],
      [
        'text.format json_schema',
        {
          input: 'Answer in JSON.',
          text: {
            format: {
              type: 'json_schema',
              name: 'answer',
              schema: { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] },
            },
          },
        },
      ],
    ];
    it.each(needing)('skips the text-only instance for %s', async (_what, fields) => {
      anthropicMock.reply(reply.text('{"a":"b"}'));
      const { response } = await openai.responses
        .create({ model: mixed, ...fields } as OpenAI.Responses.ResponseCreateParamsNonStreaming)
        .withResponse();
      expect(response.headers.get('x-switchboard-instance')).toBe('claude-vision');
      expect(openAiMock.requests).toHaveLength(0);
      expect(anthropicMock.requests).toHaveLength(1);
    });

    it('reads the history previous_response_id brings back: an image two turns ago still needs vision', async () => {
      anthropicMock.reply(reply.text('A pixel.'));
      const first = await openai.responses.create({ model: mixed, input: [image] });
      anthropicMock.reply(reply.text('Still a pixel.'));
      const { response } = await openai.responses
        .create({ model: mixed, input: 'And now?', previous_response_id: first.id })
        .withResponse();
      expect(response.headers.get('x-switchboard-instance')).toBe('claude-vision');
      expect(openAiMock.requests).toHaveLength(0);
      expect(JSON.stringify(anthropicMock.requests[1].body.messages)).toContain(PNG_BASE64);
    });
  });

  it('explains a Responses request, and a real request then sends exactly the explained body', async () => {
    const body = { model: mixed, input: [image] };
    const explained = await admin('POST', `/admin/routes/${mixedRouteId}/explain`, {
      protocol: 'openai-responses',
      body,
    });
    expect(explained.status).toBe(200);
    expect(explained.body.protocol).toBe('openai-responses');
    expect(explained.body.needs.capabilities).toEqual(['images']);
    expect(explained.body.instances).toEqual([
      expect.objectContaining({ instance: 'claude-vision', attempt: 1 }),
      expect.objectContaining({
        instance: 'deepseek-text',
        attempt: null,
        why: 'skipped: the model lacks images',
      }),
    ]);
    expect(explained.body.first).toMatchObject({
      instance: 'claude-vision',
      upstream_protocol: 'anthropic-messages',
      max_tokens_header: 64_000,
      body: { model: 'claude-sonnet-4-5', max_tokens: 64_000 },
    });
    expect(anthropicMock.requests).toHaveLength(0);

    anthropicMock.reply(reply.text('A pixel.'));
    const { response } = await openai.responses.create(body).withResponse();
    expect(response.headers.get('x-switchboard-instance')).toBe('claude-vision');
    expect(response.headers.get('x-switchboard-max-tokens')).toBe('64000');
    expect(anthropicMock.requests[0].body).toEqual(explained.body.first.body);
  });
});
