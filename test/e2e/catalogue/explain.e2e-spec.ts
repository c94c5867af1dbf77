import { dataPlaneSuite } from '../data-plane/support/data-plane-suite';
import { PNG_BASE64 } from '../data-plane/support/fixtures';
import { anthropicInstance, routeFor, uniqueModel } from '../data-plane/support/route-builders';
import { adminClient, type AdminCall } from '../routes/admin-client';
import { textInstance, visionInstance } from './support/capability-instances';
import OpenAI from 'openai';

describe('POST /admin/routes/:id/explain', () => {
  const model = uniqueModel('explain');
  const suite = dataPlaneSuite(
    { openAiMock: 'openai', anthropicMock: 'anthropic' },
    {
      routes: ({ openAiMock, anthropicMock }) => [
        routeFor(model, [
          textInstance(openAiMock.url),
          visionInstance(anthropicMock.url),
          anthropicInstance('claude-idle', anthropicMock.url, { priority: 0, weight: 0 }),
        ]),
      ],
    },
  );
  const admin: AdminCall = (...call) => adminClient(suite.sb)(...call);
  const routeId = () => suite.routes[0].id;

  const imageRequest = () => ({
    model,
    messages: [
      {
        role: 'user' as const,
        content: [
          { type: 'text' as const, text: 'What is this?' },
          { type: 'image_url' as const, image_url: { url: `data:image/png;base64,${PNG_BASE64}` } },
        ],
      },
    ],
  });

  it('explains the order and the first body, and a real request then does exactly that', async () => {
    const explained = await admin('POST', `/admin/routes/${routeId()}/explain`, {
      protocol: 'openai-chat',
      body: imageRequest(),
    });
    expect(explained.status).toBe(200);
    expect(explained.body.needs.capabilities).toEqual(['images']);
    expect(explained.body.instances).toEqual([
      expect.objectContaining({
        instance: 'claude-vision',
        attempt: 1,
        breaker: 'closed',
        upstream_model: 'claude-sonnet-4-5',
      }),
      expect.objectContaining({
        instance: 'deepseek-text',
        attempt: null,
        why: 'skipped: the model lacks images',
      }),
      expect.objectContaining({ instance: 'claude-idle', attempt: null, why: 'never picked: weight 0' }),
    ]);
    expect(explained.body.first).toMatchObject({ instance: 'claude-vision', max_tokens_header: 64_000 });
    expect(suite.mocks.openAiMock.requests).toHaveLength(0);
    expect(suite.mocks.anthropicMock.requests).toHaveLength(0);

    const openai = new OpenAI({ apiKey: 'client', baseURL: `${suite.sb.gatewayUrl}/v1`, maxRetries: 0 });
    const { response } = await openai.chat.completions.create(imageRequest()).withResponse();
    expect(response.headers.get('x-switchboard-instance')).toBe('claude-vision');
    expect(response.headers.get('x-switchboard-max-tokens')).toBe('64000');
    expect(suite.mocks.anthropicMock.requests).toHaveLength(1);
    expect(suite.mocks.anthropicMock.requests[0].body).toEqual(explained.body.first.body);
  });

  it('orders a text request by priority', async () => {
    const explained = await admin('POST', `/admin/routes/${routeId()}/explain`, {
      protocol: 'openai-chat',
      body: { model, messages: [{ role: 'user', content: 'hi' }] },
    });
    expect(
      explained.body.instances.map((i: { instance: string; attempt: number | null }) => [
        i.instance,
        i.attempt,
      ]),
    ).toEqual([
      ['deepseek-text', 1],
      ['claude-vision', 2],
      ['claude-idle', null],
    ]);
    expect(explained.body.first.body).toMatchObject({ model: 'deepseek-chat' });
  });

  it('rejects bad input and unknown routes in the admin error shape', async () => {
    const bad = await admin('POST', `/admin/routes/${routeId()}/explain`, { protocol: 'grpc', body: [] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toEqual(['protocol', 'body']);
    const missing = await admin('POST', '/admin/routes/no-such-route/explain', {
      protocol: 'openai-chat',
      body: {},
    });
    expect(missing.status).toBe(404);
  });
});
