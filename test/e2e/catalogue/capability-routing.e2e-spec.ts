import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { dataPlaneSuite } from '../data-plane/support/data-plane-suite';
import { PNG_BASE64 } from '../data-plane/support/fixtures';
import { routeFor, uniqueModel } from '../data-plane/support/route-builders';
import { textInstance, visionInstance } from './support/capability-instances';

const imageMessage: OpenAI.ChatCompletionMessageParam = {
  role: 'user',
  content: [
    { type: 'text', text: 'What is in this picture?' },
    { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG_BASE64}` } },
  ],
};

describe('catalogue: capability-aware routing', () => {
  const mixed = uniqueModel('cap-mixed');
  const textOnly = uniqueModel('cap-text');
  const routingOff = uniqueModel('cap-off');
  const suite = dataPlaneSuite(
    { openAiMock: 'openai', anthropicMock: 'anthropic' },
    {
      clearBeforeEach: true,
      routes: ({ openAiMock, anthropicMock }) => [
        routeFor(mixed, [textInstance(openAiMock.url), visionInstance(anthropicMock.url)]),
        routeFor(textOnly, [textInstance(openAiMock.url)]),
        routeFor(routingOff, [textInstance(openAiMock.url), visionInstance(anthropicMock.url)], {
          capability_routing: false,
        }),
      ],
    },
  );

  it('sends a text request to the preferred text-only instance', async () => {
    const { response } = await suite.sb.openai.chat.completions
      .create({ model: mixed, messages: [{ role: 'user', content: 'hi' }] })
      .withResponse();
    expect(response.headers.get('x-switchboard-instance')).toBe('deepseek-text');
    expect(suite.mocks.openAiMock.requests).toHaveLength(1);
  });

  it('skips the text-only instance for an image request and lands on the vision one', async () => {
    const { response } = await suite.sb.openai.chat.completions
      .create({ model: mixed, messages: [imageMessage] })
      .withResponse();
    expect(response.headers.get('x-switchboard-instance')).toBe('claude-vision');
    expect(response.headers.get('x-switchboard-attempts')).toBe('1');
    expect(suite.mocks.openAiMock.requests).toHaveLength(0);
    expect(suite.mocks.anthropicMock.requests).toHaveLength(1);
    expect(JSON.stringify(suite.mocks.anthropicMock.requests[0].body.messages)).toContain(PNG_BASE64);
  });

  it('answers 400 in the OpenAI shape naming what no instance supports', async () => {
    const error = await suite.sb.openai.chat.completions
      .create({ model: textOnly, messages: [imageMessage] })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    const badRequest = error as InstanceType<typeof OpenAI.BadRequestError>;
    expect(badRequest.status).toBe(400);
    expect(badRequest.error).toMatchObject({ type: 'invalid_request_error', code: 'no_capable_instance' });
    expect(badRequest.message).toContain('image input');
    expect(badRequest.message).toContain('deepseek-text: images');
    expect(suite.mocks.openAiMock.requests).toHaveLength(0);
  });

  it('answers 400 in the Anthropic shape for an Anthropic client', async () => {
    const error = await suite.sb.anthropic.messages
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
    const { response } = await suite.sb.openai.chat.completions
      .create({ model: routingOff, messages: [imageMessage] })
      .withResponse();
    expect(response.headers.get('x-switchboard-instance')).toBe('deepseek-text');
    expect(suite.mocks.openAiMock.requests).toHaveLength(1);
  });
});
