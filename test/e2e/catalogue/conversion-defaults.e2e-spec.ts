import OpenAI from 'openai';
import { startAnthropicMock, type AnthropicMock } from '../../support/mock-upstreams';
import { startSwitchboard, type RunningSwitchboard } from '../../support/switchboard';
import { anthropicInstance, routeFor, uniqueModel } from '../data-plane/support/route-builders';
import { adminClient } from '../routes/admin-client';

/**
 * The catalogue's conversion defaults: the mock refuses forced tool use and manual thinking for the current
 * Claude models as the real API does (test/support/mock-upstreams/anthropic-model-rules.ts), so the
 * converter's defaults (json_mode "tool", thinking_mode "budget") would fail there.
 */
describe('catalogue: conversion defaults per model toward Anthropic', () => {
  let mock: AnthropicMock;
  let sb: RunningSwitchboard;
  let admin: ReturnType<typeof adminClient>;
  let openai: OpenAI;
  let opus55: string;
  let opus55RouteId: string;
  let forcedTool: string;
  let unknown: string;

  const jsonSchemaRequest = (model: string) => ({
    model,
    messages: [{ role: 'user' as const, content: 'Give me a number as JSON.' }],
    response_format: {
      type: 'json_schema' as const,
      json_schema: {
        name: 'answer',
        strict: true,
        schema: {
          type: 'object',
          properties: { n: { type: 'number' } },
          required: ['n'],
          additionalProperties: false,
        },
      },
    },
  });

  beforeAll(async () => {
    mock = await startAnthropicMock();
    sb = await startSwitchboard();
    admin = adminClient(sb);
    openai = new OpenAI({ apiKey: 'client', baseURL: `${sb.gatewayUrl}/v1`, maxRetries: 0 });
    const route = async (name: string, extra: Record<string, unknown>) => {
      const model = uniqueModel(name);
      const created = await admin(
        'POST',
        '/admin/routes',
        routeFor(model, [anthropicInstance(name, mock.url, extra)]),
      );
      expect(created.status).toBe(201);
      return { model, id: created.body.id as string };
    };
    ({ model: opus55, id: opus55RouteId } = await route('opus-5-5', {
      options: { model: 'claude-opus-5-5' },
    }));
    ({ model: forcedTool } = await route('opus-5-5-tool', {
      options: { model: 'claude-opus-5-5' },
      conversion: { json_mode: 'tool' },
    }));
    ({ model: unknown } = await route('unknown', { options: { model: 'claude-not-in-the-catalogue' } }));
  });
  afterAll(async () => {
    await sb?.close();
    await mock?.close();
  });
  beforeEach(() => mock.clear());

  it('sends response_format json_schema as output_config.format on claude-opus-5-5, and it succeeds', async () => {
    const completion = await openai.chat.completions.create(jsonSchemaRequest(opus55));
    expect(completion.choices[0].finish_reason).toBe('stop');
    expect(mock.requests).toHaveLength(1);
    const sent = mock.requests[0];
    expect(sent.rejection).toBeUndefined();
    expect(sent.body.tool_choice).toBeUndefined();
    expect(sent.body.output_config).toMatchObject({ format: { type: 'json_schema' } });
  });

  it('sends reasoning_effort as adaptive thinking on claude-opus-5-5, and it succeeds', async () => {
    const completion = await openai.chat.completions.create({
      model: opus55,
      reasoning_effort: 'high',
      messages: [{ role: 'user', content: 'Think hard: 1 + 1?' }],
    });
    expect(completion.choices[0].message.content).toBe('1 + 1 = 2');
    const sent = mock.requests[0];
    expect(sent.rejection).toBeUndefined();
    expect(sent.body.thinking).toEqual({ type: 'adaptive' });
    expect(sent.body.output_config).toMatchObject({ effort: 'high' });
  });

  it('keeps an instance\'s explicit json_mode "tool": the tool is forced (and the model refuses it)', async () => {
    const failure = await openai.chat.completions
      .create(jsonSchemaRequest(forcedTool))
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(OpenAI.BadRequestError);
    expect(mock.requests).toHaveLength(1);
    expect(mock.requests[0].body.tool_choice).toMatchObject({ type: 'tool', name: 'json_response' });
    expect(mock.requests[0].rejection?.status).toBe(400);
  });

  it('leaves an unknown model on the converter defaults', async () => {
    await openai.chat.completions.create(jsonSchemaRequest(unknown));
    expect(mock.requests[0].body.tool_choice).toMatchObject({ type: 'tool', name: 'json_response' });
  });

  it('explain shows the effective conversion options and the body a real request then sends', async () => {
    const explained = await admin('POST', `/admin/routes/${opus55RouteId}/explain`, {
      protocol: 'openai-chat',
      body: jsonSchemaRequest(opus55),
    });
    expect(explained.status).toBe(200);
    expect(explained.body.first.conversion).toMatchObject({
      json_mode: 'output_config',
      thinking_mode: 'adaptive',
    });
    expect(mock.requests).toHaveLength(0);
    await openai.chat.completions.create(jsonSchemaRequest(opus55));
    expect(mock.requests[0].body).toEqual(explained.body.first.body);
  });

  it('applies to Responses clients too', async () => {
    const response = await openai.responses.create({
      model: opus55,
      input: 'Give me a number as JSON.',
      reasoning: { effort: 'medium' },
      text: {
        format: {
          type: 'json_schema',
          name: 'answer',
          strict: true,
          schema: {
            type: 'object',
            properties: { n: { type: 'number' } },
            required: ['n'],
            additionalProperties: false,
          },
        },
      },
    });
    expect(response.status).toBe('completed');
    const sent = mock.requests[0];
    expect(sent.rejection).toBeUndefined();
    expect(sent.body.thinking).toEqual({ type: 'adaptive' });
    expect(sent.body.output_config).toMatchObject({ effort: 'medium', format: { type: 'json_schema' } });
  });
});
