import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import {
  startAnthropicMock,
  startOpenAiMock,
  type AnthropicMock,
  type OpenAiMock,
} from '../../support/mock-upstreams';
import { startDataPlane, type DataPlaneHarness } from '../data-plane/support/data-plane-harness';
import { PNG_BASE64 } from '../data-plane/support/fixtures';
import {
  anthropicInstance,
  openAiInstance,
  routeFor,
  uniqueModel,
} from '../data-plane/support/route-builders';

const imageMessage: OpenAI.ChatCompletionMessageParam = {
  role: 'user',
  content: [
    { type: 'text', text: 'What is in this picture?' },
    { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG_BASE64}` } },
  ],
};

describe('catalogue: capability-aware routing', () => {
  let openAiMock: OpenAiMock;
  let anthropicMock: AnthropicMock;
  let sb: DataPlaneHarness;
  let mixed: string;
  let textOnly: string;
  let routingOff: string;

  // deepseek-chat takes no images (catalogue); claude-sonnet-4-5 does.
  const textInstance = (url: string) =>
    openAiInstance('deepseek-text', url, { priority: 10, options: { model: 'deepseek-chat' } });
  const visionInstance = (url: string) =>
    anthropicInstance('claude-vision', url, { priority: 0, options: { model: 'claude-sonnet-4-5' } });

  beforeAll(async () => {
    [openAiMock, anthropicMock] = await Promise.all([startOpenAiMock(), startAnthropicMock()]);
    sb = await startDataPlane();
    mixed = uniqueModel('cap-mixed');
    textOnly = uniqueModel('cap-text');
    routingOff = uniqueModel('cap-off');
    await sb.createRoute(routeFor(mixed, [textInstance(openAiMock.url), visionInstance(anthropicMock.url)]));
    await sb.createRoute(routeFor(textOnly, [textInstance(openAiMock.url)]));
    await sb.createRoute(
      routeFor(routingOff, [textInstance(openAiMock.url), visionInstance(anthropicMock.url)], {
        capability_routing: false,
      }),
    );
  });
  afterAll(async () => {
    await sb?.close();
    await Promise.all([openAiMock?.close(), anthropicMock?.close()]);
  });
  beforeEach(() => {
    openAiMock.clear();
    anthropicMock.clear();
  });

  it('sends a text request to the preferred text-only instance', async () => {
    const { response } = await sb.openai.chat.completions
      .create({ model: mixed, messages: [{ role: 'user', content: 'hi' }] })
      .withResponse();
    expect(response.headers.get('x-switchboard-instance')).toBe('deepseek-text');
    expect(openAiMock.requests).toHaveLength(1);
  });

  it('skips the text-only instance for an image request and lands on the vision one', async () => {
    const { response } = await sb.openai.chat.completions
      .create({ model: mixed, messages: [imageMessage] })
      .withResponse();
    expect(response.headers.get('x-switchboard-instance')).toBe('claude-vision');
    expect(response.headers.get('x-switchboard-attempts')).toBe('1');
    expect(openAiMock.requests).toHaveLength(0);
    expect(anthropicMock.requests).toHaveLength(1);
    expect(JSON.stringify(anthropicMock.requests[0].body.messages)).toContain(PNG_BASE64);
  });

  it('answers 400 in the OpenAI shape naming what no instance supports', async () => {
    const error = await sb.openai.chat.completions.create({ model: textOnly, messages: [imageMessage] }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    const badRequest = error as InstanceType<typeof OpenAI.BadRequestError>;
    expect(badRequest.status).toBe(400);
    expect(badRequest.error).toMatchObject({ type: 'invalid_request_error', code: 'no_capable_instance' });
    expect(badRequest.message).toContain('image input');
    expect(badRequest.message).toContain('deepseek-text: images');
    expect(openAiMock.requests).toHaveLength(0);
  });

  it('answers 400 in the Anthropic shape for an Anthropic client', async () => {
    const error = await sb.anthropic.messages
      .create({
        model: textOnly,
        max_tokens: 100,
        messages: [
          {
            role: 'user',
            content: [
              { type: 'image', source: { type: 'base64', media_type: 'image/png', data: PNG_BASE64 } },
            ],
          },
        ],
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(Anthropic.BadRequestError);
    const badRequest = error as InstanceType<typeof Anthropic.BadRequestError>;
    expect(badRequest.error).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } });
    expect(badRequest.message).toContain('image input');
  });

  it('leaves routing alone with capability_routing: false', async () => {
    const { response } = await sb.openai.chat.completions
      .create({ model: routingOff, messages: [imageMessage] })
      .withResponse();
    expect(response.headers.get('x-switchboard-instance')).toBe('deepseek-text');
    expect(openAiMock.requests).toHaveLength(1);
  });
});
