import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { reply, type AnthropicMock, type OpenAiMock } from '../../support/mock-upstreams';
import type { DataPlaneHarness } from './support/data-plane-harness';
import { dataPlaneSuite } from './support/data-plane-suite';
import { parseSse } from './support/normalize';
import { anthropicInstance, openAiInstance, routeFor, uniqueModel } from './support/route-builders';

const MESSAGE_START =
  'event: message_start\ndata: {"type":"message_start","message":{"id":"msg_01G","type":"message","role":"assistant","model":"m","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":5,"output_tokens":1}}}\n\n';
const TEXT_START =
  'event: content_block_start\ndata: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}\n\n';
const TEXT_DELTA =
  'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hel"}}\n\n';
const OPENAI_CHUNK = (delta: object) =>
  `data: ${JSON.stringify({ id: 'chatcmpl-G', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta, finish_reason: null }] })}\n\n`;

/** Upstreams that answer with something broken: never a normal-looking answer to the client. */
describe('broken upstream answers', () => {
  let claude: AnthropicMock;
  let gpt: OpenAiMock;
  let sb: DataPlaneHarness;
  let claudeModel: string;
  let gptModel: string;

  const suite = dataPlaneSuite({ claude: 'anthropic', gpt: 'openai' });
  beforeAll(async () => {
    ({ claude, gpt } = suite.mocks);
    sb = suite.sb;
    claudeModel = uniqueModel('garbage-claude');
    gptModel = uniqueModel('garbage-gpt');
    await sb.createRoute(routeFor(claudeModel, [anthropicInstance('claude', claude.url)]));
    await sb.createRoute(routeFor(gptModel, [openAiInstance('gpt', gpt.url)]));
  });

  const drain = async (stream: AsyncIterable<unknown>) => {
    for await (const _chunk of stream) {
      /* read to the end */
    }
  };

  it('garbage inside an Anthropic stream → OpenAI in-stream error, no finish', async () => {
    const garbage = [
      MESSAGE_START,
      TEXT_START,
      TEXT_DELTA,
      'event: content_block_delta\ndata: {this is not json\n\n',
    ];
    claude.enqueue(reply.rawStream(garbage));
    const stream = await sb.openai.chat.completions.create({
      model: claudeModel,
      stream: true,
      messages: [{ role: 'user', content: 'hi' }],
    });
    await expect(drain(stream)).rejects.toBeInstanceOf(OpenAI.APIError);

    claude.enqueue(reply.rawStream(garbage));
    const raw = await sb.post('/v1/chat/completions', {
      model: claudeModel,
      stream: true,
      messages: [{ role: 'user', content: 'hi' }],
    });
    const frames = parseSse(await raw.text()).filter((frame) => frame.data !== '[DONE]');
    expect(JSON.parse(frames.at(-1)!.data)).toHaveProperty('error');
    expect(frames.some((frame) => /"finish_reason":"/.test(frame.data))).toBe(false);
  });

  it('an Anthropic stream that ends without message_stop → in-stream error', async () => {
    claude.enqueue(reply.rawStream([MESSAGE_START, TEXT_START, TEXT_DELTA]));
    const stream = await sb.openai.chat.completions.create({
      model: claudeModel,
      stream: true,
      messages: [{ role: 'user', content: 'hi' }],
    });
    await expect(drain(stream)).rejects.toBeInstanceOf(OpenAI.APIError);
    claude.enqueue(reply.rawStream([MESSAGE_START, TEXT_START, TEXT_DELTA]));
    await expect(
      sb.anthropic.messages
        .stream({ model: claudeModel, max_tokens: 50, messages: [{ role: 'user', content: 'hi' }] })
        .finalMessage(),
    ).rejects.toBeInstanceOf(Anthropic.APIError);
  });

  it('an OpenAI stream that ends without finish_reason or [DONE] → Anthropic error event', async () => {
    gpt.enqueue(
      reply.rawStream([OPENAI_CHUNK({ role: 'assistant', content: '' }), OPENAI_CHUNK({ content: 'Hel' })]),
    );
    await expect(
      sb.anthropic.messages
        .stream({ model: gptModel, max_tokens: 50, messages: [{ role: 'user', content: 'hi' }] })
        .finalMessage(),
    ).rejects.toBeInstanceOf(Anthropic.APIError);
    gpt.enqueue(
      reply.rawStream([OPENAI_CHUNK({ role: 'assistant', content: '' }), OPENAI_CHUNK({ content: 'Hel' })]),
    );
    const stream = await sb.openai.chat.completions.create({
      model: gptModel,
      stream: true,
      messages: [{ role: 'user', content: 'hi' }],
    });
    await expect(drain(stream)).rejects.toBeInstanceOf(OpenAI.APIError);
  });

  it('a non-JSON error page is turned into the client error shape', async () => {
    claude.enqueue(
      reply.raw(502, '<html><body>502 Bad Gateway</body></html>', { 'content-type': 'text/html' }),
    );
    const response = await sb.post('/v1/chat/completions', {
      model: claudeModel,
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as { error: Record<string, unknown> };
    expect(body.error).toEqual(
      expect.objectContaining({ message: expect.any(String), type: expect.any(String) }),
    );

    gpt.enqueue(
      reply.raw(503, 'upstream connect error or disconnect/reset before headers', {
        'content-type': 'text/plain',
      }),
    );
    const anthropic = await sb.post(
      '/v1/messages',
      { model: gptModel, max_tokens: 5, messages: [{ role: 'user', content: 'hi' }] },
      { 'anthropic-version': '2023-06-01' },
    );
    expect(anthropic.status).toBeGreaterThanOrEqual(500);
    await expect(anthropic.json()).resolves.toMatchObject({
      type: 'error',
      error: { type: expect.any(String), message: expect.any(String) },
    });
  });

  it('a 200 whose body is not JSON is a 502, never a success', async () => {
    claude.enqueue(reply.raw(200, '<html>maintenance</html>', { 'content-type': 'text/html' }));
    const response = await sb.post('/v1/chat/completions', {
      model: claudeModel,
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(response.status).toBe(502);
    await expect(response.json()).resolves.toMatchObject({ error: { message: expect.any(String) } });
  });
});
