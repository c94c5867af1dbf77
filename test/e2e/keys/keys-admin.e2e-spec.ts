import { eventually, startKeysSwitchboard, type KeysHarness } from './support/keys-harness';

const READONLY_TOKEN = 'readonly-token-0123456789abcdef';

describe('/admin/keys and admin roles', () => {
  let sb: KeysHarness;

  beforeAll(async () => {
    sb = await startKeysSwitchboard({ ADMIN_READONLY_TOKEN: READONLY_TOKEN });
  });
  afterAll(() => sb?.close());

  it('creates a key: 201 with the key once, then only its prefix', async () => {
    const created = await sb.admin('POST', '/admin/keys', {
      name: 'team-a',
      models: ['gpt-*', 'claude-3'],
      rpm: 60,
      tpm: 10_000,
      budget: { tokens: 1_000_000, period: 'month' },
      expires_at: '2099-01-01T00:00:00Z',
      metadata: { owner: 'a' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'team-a',
      models: ['gpt-*', 'claude-3'],
      rpm: 60,
      tpm: 10_000,
      budget: { tokens: 1_000_000, period: 'month' },
      expires_at: '2099-01-01T00:00:00.000Z',
      enabled: true,
      metadata: { owner: 'a' },
      last_used_at: null,
      usage: { day: 0, month: 0, total: 0 },
    });
    expect(created.body.key).toMatch(/^sk-sb-[0-9A-Za-z]{32,}$/);
    expect(created.body.key.startsWith(created.body.key_prefix)).toBe(true);

    const fetched = await sb.admin('GET', `/admin/keys/${created.body.id}`);
    expect(fetched.status).toBe(200);
    expect(fetched.body.key).toBeUndefined();
    expect(JSON.stringify(fetched.body)).not.toContain(created.body.key);
    const listed = await sb.admin('GET', '/admin/keys');
    expect(JSON.stringify(listed.body)).not.toContain(created.body.key);
  });

  it('stores only a hash: the key is nowhere in the database', async () => {
    const { key } = await sb.createKey({ name: 'hash-only' });
    const rows = await sb.switchboard.core.dataSource.query('SELECT * FROM consumer_keys');
    expect(JSON.stringify(rows)).not.toContain(key);
    expect(JSON.stringify(rows)).not.toContain(key.slice(12));
  });

  it('rejects unknown fields and bad values with every field listed, and duplicate names with 409', async () => {
    const bad = await sb.admin('POST', '/admin/keys', {
      name: '',
      rpm: 0,
      budget: { tokens: -1, period: 'week' },
      surprise: true,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect(bad.body.error.details.map((detail: { path: string }) => detail.path).sort()).toEqual(
      ['budget.period', 'budget.tokens', 'name', 'rpm', 'surprise'].sort(),
    );
    await sb.createKey({ name: 'dup' });
    const duplicate = await sb.admin('POST', '/admin/keys', { name: 'dup' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.code).toBe('CONFLICT');
    expect((await sb.admin('GET', '/admin/keys/not-a-uuid')).status).toBe(404);
    expect((await sb.admin('POST', `/admin/keys/${crypto.randomUUID()}/rotate`, {})).status).toBe(404);
    const grace = await sb.admin('POST', `/admin/keys/${crypto.randomUUID()}/rotate`, {
      grace_seconds: 90_000,
    });
    expect(grace.status).toBe(400);
  });

  it('patches, paginates and deletes', async () => {
    const created = await sb.createKey({ name: 'patch-me', rpm: 5 });
    const patched = await sb.admin('PATCH', `/admin/keys/${created.id}`, { rpm: null, enabled: false });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ rpm: null, enabled: false, version: 2, name: 'patch-me' });
    const page = await sb.admin('GET', '/admin/keys?page=1&page_size=2');
    expect(page.body).toMatchObject({ page: 1, page_size: 2 });
    expect(page.body.items).toHaveLength(2);
    expect(page.body.total).toBeGreaterThanOrEqual(4);
    expect((await sb.admin('GET', '/admin/keys?page_size=1000')).status).toBe(400);
    expect((await sb.admin('DELETE', `/admin/keys/${created.id}`)).status).toBe(204);
    expect((await sb.admin('GET', `/admin/keys/${created.id}`)).status).toBe(404);
  });

  it('documents /admin/keys in the OpenAPI description', async () => {
    const response = await fetch(`${sb.switchboard.adminUrl}/admin/openapi.json`);
    const document = (await response.json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/admin/keys', '/admin/keys/{id}', '/admin/keys/{id}/rotate']),
    );
  });

  it('lets the read-only token GET everywhere and answers 403 to its writes', async () => {
    expect((await sb.admin('GET', '/admin/keys', undefined, READONLY_TOKEN)).status).toBe(200);
    expect((await sb.admin('GET', '/admin/routes', undefined, READONLY_TOKEN)).status).toBe(200);
    const write = await sb.admin('POST', '/admin/keys', { name: 'nope' }, READONLY_TOKEN);
    expect(write.status).toBe(403);
    expect(write.body.error.code).toBe('FORBIDDEN');
    expect((await sb.admin('DELETE', `/admin/routes/x`, undefined, READONLY_TOKEN)).status).toBe(403);
    expect((await sb.admin('GET', '/admin/keys?page=1')).status).toBe(200);
  });

  it('answers GET /admin/whoami with the token role, so the dashboard can hide writes from the start', async () => {
    expect(await sb.admin('GET', '/admin/whoami')).toEqual({ status: 200, body: { role: 'admin' } });
    expect(await sb.admin('GET', '/admin/whoami', undefined, READONLY_TOKEN)).toEqual({
      status: 200,
      body: { role: 'readonly' },
    });
    const document = (await (await fetch(`${sb.switchboard.adminUrl}/admin/openapi.json`)).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(document.paths)).toContain('/admin/whoami');
  });

  it('limits failed sign-ins per address: 429 after 20 failures within a minute, never for the right token', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 22; attempt++) {
      statuses.push((await sb.admin('GET', '/admin/keys', undefined, `wrong-token-${attempt}`)).status);
    }
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses.slice(20)).toEqual([429, 429]);
    const response = await fetch(`${sb.switchboard.adminUrl}/admin/keys`, {
      headers: { authorization: 'Bearer still-wrong' },
    });
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
    expect((await sb.admin('GET', '/admin/keys')).status).toBe(200);
    expect((await sb.admin('GET', '/admin/keys', undefined, READONLY_TOKEN)).status).toBe(200);
    // /admin/whoami is behind the same check: no role for a wrong token.
    expect((await sb.admin('GET', '/admin/whoami', undefined, 'still-wrong')).status).toBe(429);
  });

  it('GATEWAY_AUTH=keys answers the data plane without a key with 401, health stays open', async () => {
    expect((await fetch(`${sb.gatewayUrl}/healthz`)).status).toBe(200);
    await eventually('readiness', async () => (await fetch(`${sb.gatewayUrl}/readyz`)).status === 200);
    const response = await fetch(`${sb.gatewayUrl}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'anthropic-version': '2023-06-01' },
      body: JSON.stringify({ model: 'x', max_tokens: 1, messages: [] }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      type: 'error',
      error: { type: 'authentication_error', message: expect.stringContaining('x-api-key') },
    });
  });
});
