import type OpenAI from 'openai';
import { reply } from '../../support/mock-upstreams';
import { dataPlaneSuite } from '../data-plane/support/data-plane-suite';
import { PNG_BASE64 } from '../data-plane/support/fixtures';
import { anthropicInstance, routeFor, uniqueModel } from '../data-plane/support/route-builders';
import { adminClient, type AdminCall } from '../routes/admin-client';
import { textInstance, visionInstance } from '../catalogue/support/capability-instances';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The model catalogue for a Responses client, as for Chat and Messages clients: max_output_tokens defaults and
 * limits toward Anthropic (`x-switchboard-max-tokens`), capability-aware routing (images, PDFs, reasoning, JSON
 * schema, history from previous_response_id included) and explain with protocol "openai-responses".
 */
describe('catalogue hooks for a Responses client', () => {
  const mixed = uniqueModel('resp-cap');
  const sonnet = uniqueModel('resp-max');
  const suite = dataPlaneSuite(
    { openAiMock: 'openai', anthropicMock: 'anthropic' },
    {
      clearBeforeEach: true,
      routes: ({ openAiMock, anthropicMock }) => [
        routeFor(mixed, [textInstance(openAiMock.url), visionInstance(anthropicMock.url)]),
        routeFor(sonnet, [
          anthropicInstance('claude', anthropicMock.url, {
            options: { model: 'claude-sonnet-4-5-20250929' },
          }),
        ]),
      ],
    },
  );
  const admin: AdminCall = (...call) => adminClient(suite.sb)(...call);

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
      suite.mocks.anthropicMock.reply(reply.text('ok'));
      const { response } = await suite.sb.openai.responses
        .create({ model: sonnet, input: 'hi' })
        .withResponse();
      expect(suite.mocks.anthropicMock.requests[0].body.max_tokens).toBe(64_000);
      expect(response.headers.get('x-switchboard-max-tokens')).toBe('64000');
    });

    it('does the same on a stream', async () => {
      suite.mocks.anthropicMock.reply(reply.text('ok'));
      const { data: stream, response } = await suite.sb.openai.responses
        .create({ model: sonnet, input: 'hi', stream: true })
        .withResponse();
      for await (const event of stream) void event;
      expect(suite.mocks.anthropicMock.requests[0].body.max_tokens).toBe(64_000);
      expect(response.headers.get('x-switchboard-max-tokens')).toBe('64000');
    });

    it('lowers a value above the model limit and leaves one within it alone', async () => {
      suite.mocks.anthropicMock.reply(reply.text('ok'));
      const high = await suite.sb.openai.responses
        .create({ model: sonnet, input: 'hi', max_output_tokens: 200_000 })
        .withResponse();
      expect(suite.mocks.anthropicMock.requests[0].body.max_tokens).toBe(64_000);
      expect(high.response.headers.get('x-switchboard-max-tokens')).toBe('64000');
      const low = await suite.sb.openai.responses
        .create({ model: sonnet, input: 'hi', max_output_tokens: 500 })
        .withResponse();
      expect(suite.mocks.anthropicMock.requests[1].body.max_tokens).toBe(500);
      expect(low.response.headers.get('x-switchboard-max-tokens')).toBeNull();
    });
  });

  describe('capability-aware routing', () => {
    it('sends a text request to the preferred text-only instance', async () => {
      const { response } = await suite.sb.openai.responses
        .create({ model: mixed, input: 'hi' })
        .withResponse();
      expect(response.headers.get('x-switchboard-instance')).toBe('deepseek-text');
      expect(suite.mocks.anthropicMock.requests).toHaveLength(0);
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
      suite.mocks.anthropicMock.reply(reply.text('{"a":"b"}'));
      const { response } = await suite.sb.openai.responses
        .create({ model: mixed, ...fields } as OpenAI.Responses.ResponseCreateParamsNonStreaming)
        .withResponse();
      expect(response.headers.get('x-switchboard-instance')).toBe('claude-vision');
      expect(suite.mocks.openAiMock.requests).toHaveLength(0);
      expect(suite.mocks.anthropicMock.requests).toHaveLength(1);
    });

    it('reads the history previous_response_id brings back: an image two turns ago still needs vision', async () => {
      suite.mocks.anthropicMock.reply(reply.text('A pixel.'));
      const first = await suite.sb.openai.responses.create({ model: mixed, input: [image] });
      suite.mocks.anthropicMock.reply(reply.text('Still a pixel.'));
      const { response } = await suite.sb.openai.responses
        .create({ model: mixed, input: 'And now?', previous_response_id: first.id })
        .withResponse();
      expect(response.headers.get('x-switchboard-instance')).toBe('claude-vision');
      expect(suite.mocks.openAiMock.requests).toHaveLength(0);
      expect(JSON.stringify(suite.mocks.anthropicMock.requests[1].body.messages)).toContain(PNG_BASE64);
    });
  });

  it('explains a Responses request, and a real request then sends exactly the explained body', async () => {
    const body = { model: mixed, input: [image] };
    const explained = await admin('POST', `/admin/routes/${suite.routes[0].id}/explain`, {
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
    expect(suite.mocks.anthropicMock.requests).toHaveLength(0);

    suite.mocks.anthropicMock.reply(reply.text('A pixel.'));
    const { response } = await suite.sb.openai.responses.create(body).withResponse();
    expect(response.headers.get('x-switchboard-instance')).toBe('claude-vision');
    expect(response.headers.get('x-switchboard-max-tokens')).toBe('64000');
    expect(suite.mocks.anthropicMock.requests[0].body).toEqual(explained.body.first.body);
  });
});
