import { startSwitchboard, type RunningSwitchboard } from '../../support/switchboard';
import { adminClient, type AdminResponse } from '../routes/admin-client';

/** A glob route is invisible to model pickers (Open WebUI) unless it names the models it serves. */
describe('advertise: model names a glob route lists on GET /v1/models', () => {
  let sb: RunningSwitchboard;
  let admin: (method: string, path: string, body?: unknown) => Promise<AdminResponse>;

  beforeAll(async () => {
    sb = await startSwitchboard();
    admin = adminClient(sb);
  });
  afterAll(() => sb?.close());

  const listedModels = async () => {
    const response = await fetch(`${sb.gatewayUrl}/v1/models`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { data: Array<{ id: string }> }).data.map((model) => model.id);
  };

  it('is stored, returned by GET, listed by /v1/models, and follows PATCH', async () => {
    const created = await admin('POST', '/admin/routes', {
      id: 'sonnet',
      name: 'sonnet',
      models: ['claude-sonnet-*'],
      advertise: ['claude-sonnet-4-5'],
      instances: [{ name: 'a', provider: 'anthropic', auth: { header: { 'x-api-key': 'k' } } }],
    });
    expect(created.status).toBe(201);
    expect((await admin('GET', '/admin/routes/sonnet')).body.advertise).toEqual(['claude-sonnet-4-5']);
    expect(await listedModels()).toContain('claude-sonnet-4-5');
    expect(await listedModels()).not.toContain('claude-sonnet-*');

    const patched = await admin('PATCH', '/admin/routes/sonnet', {
      advertise: ['claude-sonnet-4', 'claude-sonnet-4-5'],
    });
    expect(patched.status).toBe(200);
    expect(await listedModels()).toEqual(expect.arrayContaining(['claude-sonnet-4', 'claude-sonnet-4-5']));

    expect((await admin('PATCH', '/admin/routes/sonnet', { enabled: false })).status).toBe(200);
    expect(await listedModels()).not.toContain('claude-sonnet-4-5');
  });

  it('rejects a name the route does not serve', async () => {
    const response = await admin('POST', '/admin/routes', {
      name: 'wrong',
      models: ['claude-opus-*'],
      advertise: ['gpt-4o'],
      instances: [{ name: 'a', provider: 'anthropic', auth: { header: { 'x-api-key': 'k' } } }],
    });
    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual([
      { path: 'advertise.0', message: `"gpt-4o" matches none of the route's models` },
    ]);
  });
});
