import { startSwitchboard, type RunningSwitchboard } from '../../support/switchboard';

describe('admin API authentication and error shape', () => {
  let sb: RunningSwitchboard;
  beforeAll(async () => {
    sb = await startSwitchboard({ env: { ADMIN_TOKEN: 'e2e-admin-token-0123456789', MAX_BODY_SIZE: '1kb' } });
  });
  afterAll(() => sb?.close());

  const unauthorized = {
    error: {
      code: 'UNAUTHORIZED',
      message: 'Missing or invalid admin token: send "Authorization: Bearer <token>" or "X-API-KEY: <token>"',
      details: [],
    },
  };

  it.each([
    ['no credentials', {}],
    ['a wrong Bearer token', { authorization: 'Bearer e2e-admin-token-0123456780' }],
    ['a wrong X-API-KEY', { 'x-api-key': 'nope' }],
    ['a token prefix', { authorization: 'Bearer e2e-admin-token' }],
    ['a Basic scheme', { authorization: 'Basic e2e-admin-token-0123456789' }],
    [
      'a wrong Bearer next to a right X-API-KEY',
      { authorization: 'Bearer x', 'x-api-key': 'e2e-admin-token-0123456789' },
    ],
  ])('answers 401 to %s', async (_case, headers) => {
    const response = await fetch(`${sb.adminUrl}/admin/routes`, { headers });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    await expect(response.json()).resolves.toEqual(unauthorized);
  });

  it('answers 401, not 404, for unknown admin paths without a token (and with other casing)', async () => {
    for (const path of ['/admin/does-not-exist', '/ADMIN/routes', '/anything']) {
      const response = await fetch(`${sb.adminUrl}${path}`);
      expect(response.status).toBe(401);
    }
  });

  it.each([
    ['Authorization: Bearer', { authorization: 'Bearer e2e-admin-token-0123456789' }],
    ['Authorization: bearer (any case)', { authorization: 'bearer e2e-admin-token-0123456789' }],
    ['X-API-KEY', { 'x-api-key': 'e2e-admin-token-0123456789' }],
  ])('accepts the token in %s', async (_case, headers) => {
    const response = await fetch(`${sb.adminUrl}/admin/does-not-exist`, { headers });
    expect(response.status).toBe(404);
    await expect(response.json()).resolves.toEqual({
      error: { code: 'NOT_FOUND', message: 'Cannot GET /admin/does-not-exist', details: [] },
    });
  });

  it('serves the OpenAPI document and Swagger UI (with its assets) without a token', async () => {
    const openapi = await fetch(`${sb.adminUrl}/admin/openapi.json`);
    expect(openapi.status).toBe(200);
    const document = (await openapi.json()) as {
      openapi: string;
      info: { title: string };
      paths: Record<string, Record<string, unknown>>;
      components: { securitySchemes: Record<string, unknown> };
    };
    expect(document.openapi).toMatch(/^3\./);
    expect(document.info.title).toBe('Switchboard admin API');
    expect(Object.keys(document.paths['/admin/routes'] ?? {})).toEqual(
      expect.arrayContaining(['get', 'post']),
    );
    expect(Object.keys(document.paths)).not.toContain('/healthz');
    expect(Object.keys(document.components.securitySchemes).sort()).toEqual(['api-key', 'bearer']);

    const ui = await fetch(`${sb.adminUrl}/admin/docs`);
    expect(ui.status).toBe(200);
    const html = await ui.text();
    expect(html).toContain('swagger-ui');
    const bundle = /src="\.?\/?([^"]*swagger-ui-bundle\.js)"/.exec(html);
    expect(bundle).not.toBeNull();
    const asset = await fetch(new URL(bundle![1], `${sb.adminUrl}/admin/docs/`));
    expect(asset.status).toBe(200);
    expect((await asset.text()).length).toBeGreaterThan(100_000);
  });

  it('answers invalid JSON with 400 INVALID_REQUEST', async () => {
    const response = await fetch(`${sb.adminUrl}/admin/routes`, {
      method: 'POST',
      headers: { 'x-api-key': 'e2e-admin-token-0123456789', 'content-type': 'application/json' },
      body: '{"name": ',
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; details: unknown[] } };
    expect(body.error.code).toBe('INVALID_REQUEST');
    expect(body.error.details).toEqual([]);
  });

  it('answers a body over MAX_BODY_SIZE with 413 PAYLOAD_TOO_LARGE', async () => {
    const response = await fetch(`${sb.adminUrl}/admin/routes`, {
      method: 'POST',
      headers: { 'x-api-key': 'e2e-admin-token-0123456789', 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x'.repeat(2048) }),
    });
    expect(response.status).toBe(413);
    await expect(response.json()).resolves.toEqual({
      error: { code: 'PAYLOAD_TOO_LARGE', message: 'Request body exceeds MAX_BODY_SIZE', details: [] },
    });
  });

  it('answers a non-JSON body with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const response = await fetch(`${sb.adminUrl}/admin/routes`, {
      method: 'POST',
      headers: { 'x-api-key': 'e2e-admin-token-0123456789', 'content-type': 'text/plain' },
      body: 'name=x',
    });
    expect(response.status).toBe(415);
    await expect(response.json()).resolves.toEqual({
      error: {
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: 'Request body must be JSON (Content-Type: application/json)',
        details: [],
      },
    });
  });

  it('leaves the admin liveness probe open', async () => {
    const response = await fetch(`${sb.adminUrl}/healthz`);
    expect(response.status).toBe(200);
    await expect(response.json()).resolves.toEqual({ status: 'ok' });
  });
});
