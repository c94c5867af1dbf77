import Anthropic from '@anthropic-ai/sdk';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { startAnthropicMock, type AnthropicMock } from '../../support/mock-upstreams';
import { startSwitchboard, type RunningSwitchboard } from '../../support/switchboard';
import { waitFor } from '../data-plane/support/wait-for';
import { anthropicInstance, routeFor, uniqueModel } from '../data-plane/support/route-builders';
import { adminClient } from '../routes/admin-client';

describe('/admin/models overrides', () => {
  let db: TestDatabase;
  let writer: RunningSwitchboard;
  let reader: RunningSwitchboard;
  let mock: AnthropicMock;
  let admin: ReturnType<typeof adminClient>;

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = { DATABASE_URL: db.url, ...(db.embedded ? { DB_POOL_SIZE: '1' } : {}) };
    mock = await startAnthropicMock();
    writer = await startSwitchboard({ env });
    reader = await startSwitchboard({ env });
    admin = adminClient(writer);
  }, 90_000);
  afterAll(async () => {
    await writer?.close();
    await reader?.close();
    await db?.drop();
    await mock?.close();
  });

  it('lists the shipped catalogue', async () => {
    const { status, body } = await admin('GET', '/admin/models');
    expect(status).toBe(200);
    expect(body.total).toBe(body.items.length);
    expect(body.items).toContainEqual(
      expect.objectContaining({ id: 'claude-sonnet-4-5', origin: 'shipped', max_output: 64_000 }),
    );
  });

  it('creates, replaces and deletes an override, versioned', async () => {
    const first = await admin('PUT', '/admin/models/gpt-4o', { family: 'openai', max_output: 1_000 });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ id: 'gpt-4o', origin: 'override', version: 1, max_output: 1_000 });
    const second = await admin('PUT', '/admin/models/gpt-4o', { ...first.body, max_output: 2_000 });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ version: 2, max_output: 2_000 });
    const listed = (await admin('GET', '/admin/models')).body.items.filter(
      (e: { id: string }) => e.id === 'gpt-4o',
    );
    expect(listed).toEqual([expect.objectContaining({ origin: 'override', version: 2, max_output: 2_000 })]);

    expect((await admin('DELETE', '/admin/models/gpt-4o')).status).toBe(204);
    const after = (await admin('GET', '/admin/models')).body.items.filter(
      (e: { id: string }) => e.id === 'gpt-4o',
    );
    expect(after).toEqual([expect.objectContaining({ origin: 'shipped', max_output: 16_384 })]);
  });

  it('accepts a pattern id', async () => {
    const put = await admin('PUT', `/admin/models/${encodeURIComponent('my-llm-*')}`, {
      family: 'other',
      context_window: 8_192,
    });
    expect(put.status).toBe(201);
    expect(put.body.id).toBe('my-llm-*');
    expect((await admin('DELETE', `/admin/models/${encodeURIComponent('my-llm-*')}`)).status).toBe(204);
  });

  it('rejects invalid entries listing every field, like /admin/routes', async () => {
    const bad = await admin('PUT', '/admin/models/x', {
      family: 'aliens',
      max_output: 0,
      capabilities: { telepathy: true },
      prices: { input: -1 },
      surprise: 1,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(
      ['capabilities.telepathy', 'family', 'max_output', 'prices.input', 'prices.output', 'surprise'].sort(),
    );
    const mismatch = await admin('PUT', '/admin/models/x', { id: 'y', family: 'other' });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.error.details).toEqual([expect.objectContaining({ path: 'id' })]);
    const notFound = await admin('DELETE', '/admin/models/never-written');
    expect(notFound.status).toBe(404);
    expect(notFound.body.error.code).toBe('NOT_FOUND');
  });

  it('an override written through one process changes what another process sends upstream', async () => {
    const model = uniqueModel('catalogue-override');
    const deployment = uniqueModel('my-claude-deployment');
    const created = await admin(
      'POST',
      '/admin/routes',
      routeFor(model, [anthropicInstance('claude', mock.url, { options: { model: deployment } })]),
    );
    expect(created.status).toBe(201);
    // The route's write and GET answers name the model the catalogue does not know.
    expect(created.body.warnings).toEqual([
      expect.stringContaining(`model "${deployment}" is not in the model catalogue`),
    ]);
    const before = await admin('GET', `/admin/routes/${created.body.id}`);
    expect(before.body.warnings).toEqual(created.body.warnings);
    const client = new Anthropic({ apiKey: 'client', baseURL: reader.gatewayUrl, maxRetries: 0 });
    const maxTokensSent = async (): Promise<unknown> => {
      mock.clear();
      // OpenAI-shaped client without max_tokens, through the reader process.
      const response = await fetch(`${reader.gatewayUrl}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model, messages: [{ role: 'user', content: 'hi' }] }),
      });
      if (response.status !== 200) return `HTTP ${response.status}`;
      return mock.requests[0]?.body.max_tokens;
    };
    await waitFor('the route on the reader', async () => (await maxTokensSent()) === 4096);

    const put = await admin('PUT', `/admin/models/${deployment}`, {
      family: 'anthropic',
      max_output: 12_345,
    });
    expect(put.status).toBe(201);
    await waitFor('the override on the reader', async () => (await maxTokensSent()) === 12_345, 5_000);
    expect((await admin('GET', `/admin/routes/${created.body.id}`)).body).not.toHaveProperty('warnings');
    // An Anthropic client asking for more than the override's limit is lowered to it.
    mock.clear();
    await client.messages.create({ model, max_tokens: 20_000, messages: [{ role: 'user', content: 'hi' }] });
    expect(mock.requests[0].body.max_tokens).toBe(12_345);

    expect((await admin('DELETE', `/admin/models/${deployment}`)).status).toBe(204);
    await waitFor('the deletion on the reader', async () => (await maxTokensSent()) === 4096, 5_000);
  });
});
