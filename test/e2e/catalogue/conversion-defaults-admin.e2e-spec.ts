import OpenAI from 'openai';
import { startAnthropicMock, type AnthropicMock } from '../../support/mock-upstreams';
import { startSwitchboard, type RunningSwitchboard } from '../../support/switchboard';
import { waitFor } from '../data-plane/support/wait-for';
import { anthropicInstance, routeFor, uniqueModel } from '../data-plane/support/route-builders';
import { adminClient } from '../routes/admin-client';

describe('catalogue: conversion defaults through the admin API', () => {
  let mock: AnthropicMock;
  let sb: RunningSwitchboard;
  let admin: ReturnType<typeof adminClient>;

  beforeAll(async () => {
    mock = await startAnthropicMock();
    sb = await startSwitchboard();
    admin = adminClient(sb);
  });
  afterAll(async () => {
    await sb?.close();
    await mock?.close();
  });

  it('lists the shipped conversion defaults in GET /admin/models', async () => {
    const { body } = await admin('GET', '/admin/models');
    const byId = (id: string) => body.items.find((e: { id: string }) => e.id === id);
    expect(byId('claude-opus-5-5').conversion).toEqual({
      json_mode: 'output_config',
      thinking_mode: 'adaptive',
    });
    expect(byId('claude-opus-4-7').conversion).toEqual({ thinking_mode: 'adaptive' });
    expect(byId('claude-sonnet-4-5').conversion).toBeUndefined();
  });

  it('documents conversion in the admin OpenAPI', async () => {
    const { status, body } = await admin('GET', '/admin/openapi.json');
    expect(status).toBe(200);
    const schemas = body.components.schemas;
    expect(schemas.ModelEntryBodyDto.properties.conversion).toBeDefined();
    expect(schemas.ModelConversionDto.properties.json_mode.enum).toEqual(['tool', 'output_config']);
    expect(schemas.ModelConversionDto.properties.thinking_mode.enum).toEqual(['budget', 'adaptive']);
  });

  it('validates conversion in overrides and in model_info, naming each bad key', async () => {
    const bad = await admin('PUT', '/admin/models/my-claude', {
      family: 'anthropic',
      conversion: { json_mode: 'lenient', thinking_mode: 'adaptive', stream: true },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'conversion.json_mode',
      'conversion.stream',
    ]);
    const notObject = await admin('PUT', '/admin/models/my-claude', { family: 'anthropic', conversion: 'x' });
    expect(notObject.body.error.details.map((d: { path: string }) => d.path)).toEqual(['conversion']);

    const route = await admin(
      'POST',
      '/admin/routes',
      routeFor(uniqueModel('bad-info'), [
        { ...anthropicInstance('claude', mock.url), model_info: { conversion: { thinking_mode: 'fast' } } },
      ]),
    );
    expect(route.status).toBe(400);
    expect(route.body.error.details.map((d: { path: string }) => d.path)).toEqual([
      expect.stringMatching(/instances.*0.*model_info\.conversion\.thinking_mode$/),
    ]);
  });

  // json_schema: json_object has no schema, so the converter forces its tool in either json_mode.
  it('an override with conversion defaults changes what a request sends; model_info wins over it', async () => {
    const deployment = uniqueModel('my-claude-deployment');
    const model = uniqueModel('override-conversion');
    const deviated = uniqueModel('override-conversion-info');
    for (const [name, extra] of [
      [model, {}],
      [deviated, { model_info: { conversion: { json_mode: 'tool' } } }],
    ] as const) {
      const created = await admin(
        'POST',
        '/admin/routes',
        routeFor(name, [anthropicInstance('claude', mock.url, { options: { model: deployment }, ...extra })]),
      );
      expect(created.status).toBe(201);
    }
    const put = await admin('PUT', `/admin/models/${deployment}`, {
      family: 'anthropic',
      conversion: { json_mode: 'output_config' },
    });
    expect(put.status).toBe(201);
    expect(put.body.conversion).toEqual({ json_mode: 'output_config' });

    const openai = new OpenAI({ apiKey: 'client', baseURL: `${sb.gatewayUrl}/v1`, maxRetries: 0 });
    const sent = async (name: string) => {
      mock.clear();
      await openai.chat.completions.create({
        model: name,
        messages: [{ role: 'user', content: 'JSON please' }],
        response_format: {
          type: 'json_schema',
          json_schema: { name: 'answer', schema: { type: 'object', properties: { n: { type: 'number' } } } },
        },
      });
      return mock.requests[0].body;
    };
    await waitFor('the override in the gateway', async () => (await sent(model)).output_config !== undefined);
    expect((await sent(model)).tool_choice).toBeUndefined();
    expect((await sent(deviated)).tool_choice).toMatchObject({ type: 'tool', name: 'json_response' });
  });
});
