import { foundryRoute } from './admin-client';
import { routesAdminSuite, simpleRoute } from './support/routes-admin-suite';

/** POST and what it validates: defaults, redacted secrets, pasted APISIX configs, every invalid field, conflicts. */
describe('admin routes API: creating routes', () => {
  const suite = routesAdminSuite();
  const { call, storedSecret } = suite;

  it('POST creates the issue example: 201, bare route with server fields, defaults, secrets redacted', async () => {
    const { status, body } = await call('POST', '/admin/routes', foundryRoute());
    expect(status).toBe(201);
    expect(body).toEqual({
      ...foundryRoute(),
      instances: [
        {
          ...(foundryRoute().instances as Record<string, unknown>[])[0],
          auth: { header: { 'x-api-key': '******' }, query: {} },
          defaults: {},
          conversion: {},
        },
      ],
      advertise: [],
      first_byte_timeout: null,
      total_timeout: null,
      circuit_breaker: { failure_threshold: 3, cooldown: 30000 },
      version: 1,
      created_at: expect.any(String),
      updated_at: expect.any(String),
      warnings: [],
    });
    expect(await storedSecret('claude-foundry', 'foundry-east', 'x-api-key')).toBe('secret');
    const got = await call('GET', '/admin/routes/claude-foundry');
    expect(got.status).toBe(200);
    const { warnings, ...withoutWarnings } = body;
    expect(warnings).toEqual([]);
    expect(got.body).toEqual(withoutWarnings);
    expect(JSON.stringify(got.body)).not.toContain('secret"');
  });

  it('POST without id assigns a UUID', async () => {
    const { status, body } = await call('POST', '/admin/routes', simpleRoute('no-id', ['no-id-model']));
    expect(status).toBe(201);
    expect(body.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect((await call('GET', `/admin/routes/${body.id}`)).status).toBe(200);
  });

  it('accepts a pasted APISIX ai-proxy-multi config, keeps unimplemented fields in place and warns', async () => {
    const pasted = {
      name: 'apisix-paste',
      models: ['gpt-4o-paste'],
      fallback_strategy: 'instance_health_and_rate_limiting',
      keepalive: true,
      keepalive_timeout: 60000,
      keepalive_pool: 30,
      ssl_verify: false,
      timeout: 5000,
      logging: { summaries: true, payloads: false },
      max_req_body_size: 1048576,
      instances: [
        {
          name: 'openai-1',
          provider: 'openai',
          weight: 1,
          auth: { header: { Authorization: 'Bearer sk-1' } },
          options: { model: 'gpt-4o' },
          provider_conf: { region: 'us-east-1' },
          checks: { active: { type: 'https', http_path: '/' } },
          override: { endpoint: 'https://api.openai.com', llm_options: { max_tokens: 100 } },
        },
      ],
    };
    const { status, body } = await call('POST', '/admin/routes', pasted);
    expect(status).toBe(201);
    expect(body).toMatchObject({
      keepalive: true,
      keepalive_timeout: 60000,
      keepalive_pool: 30,
      ssl_verify: false,
      logging: { summaries: true, payloads: false },
      max_req_body_size: 1048576,
      fallback_strategy: ['http_429', 'http_5xx'],
      instances: [
        {
          provider_conf: { region: 'us-east-1' },
          checks: { active: { type: 'https', http_path: '/' } },
          override: { endpoint: 'https://api.openai.com', llm_options: { max_tokens: 100 } },
        },
      ],
    });
    const named = (body.warnings as string[]).map((warning) => warning.split(' ')[0]);
    expect(named).toEqual(
      expect.arrayContaining([
        'keepalive',
        'keepalive_timeout',
        'keepalive_pool',
        'ssl_verify',
        'logging',
        'max_req_body_size',
        'instances.0.provider_conf',
        'instances.0.checks',
        'instances.0.override.llm_options',
        'fallback_strategy',
      ]),
    );
    const got = await call('GET', `/admin/routes/${body.id}`);
    expect(got.body.instances[0].checks).toEqual({ active: { type: 'https', http_path: '/' } });
    expect(got.body).not.toHaveProperty('warnings');
  });

  it('400 lists every invalid field with its path, and stores nothing', async () => {
    const { status, body } = await call('POST', '/admin/routes', {
      name: 'bad-route',
      models: [],
      timeout: 0,
      typo_field: 1,
      balancer: { algorithm: 'chash', hash_on: 'vars', key: 'x' },
      instances: [
        { name: 'a', provider: 'openai', weight: -1 },
        { name: 'a', provider: 'azure-openai' },
      ],
    });
    expect(status).toBe(400);
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(typeof body.error.message).toBe('string');
    const paths = (body.error.details as { path: string; message: string }[]).map((detail) => detail.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'models',
        'timeout',
        'typo_field',
        'balancer.hash_on',
        'instances.0.weight',
        'instances.1.name',
        'instances.1.override.endpoint',
      ]),
    );
    expect(body.error.details.find((d: { path: string }) => d.path === 'balancer.hash_on').message).toMatch(
      /only "header"/,
    );
    const list = await call('GET', '/admin/routes?page_size=100');
    expect(list.body.items.map((route: { name: string }) => route.name)).not.toContain('bad-route');
  });

  it.each([
    ['a JSON array', '[]'],
    ['invalid JSON', '{"name":'],
  ])('400 for %s', async (_case, raw) => {
    const { status, body } = await call('POST', '/admin/routes', raw);
    expect(status).toBe(400);
    expect(body.error.code).toMatch(/VALIDATION_FAILED|INVALID_REQUEST/);
  });

  it('409 for a taken name, a taken id, and an exact model of another enabled route; globs may overlap', async () => {
    await expect(
      call('POST', '/admin/routes', simpleRoute('dup-a', ['dup-model', 'dup-*'])),
    ).resolves.toMatchObject({ status: 201 });
    const sameName = await call('POST', '/admin/routes', simpleRoute('dup-a', ['other-model']));
    expect(sameName.status).toBe(409);
    expect(sameName.body.error.code).toBe('CONFLICT');
    expect(sameName.body.error.message).toMatch(/dup-a/);
    const sameModel = await call('POST', '/admin/routes', simpleRoute('dup-b', ['x-model', 'dup-model']));
    expect(sameModel.status).toBe(409);
    expect(sameModel.body.error.details).toEqual([
      { path: 'models.1', message: expect.stringContaining('dup-a') },
    ]);
    const overlappingGlob = await call('POST', '/admin/routes', simpleRoute('dup-c', ['dup-*', 'd*']));
    expect(overlappingGlob.status).toBe(201);
    const disabled = await call(
      'POST',
      '/admin/routes',
      simpleRoute('dup-d', ['dup-model'], { enabled: false }),
    );
    expect(disabled.status).toBe(201);
    const enabling = await call('PATCH', `/admin/routes/${disabled.body.id}`, { enabled: true });
    expect(enabling.status).toBe(409);
    const takenId = await call('POST', '/admin/routes', {
      ...simpleRoute('dup-e', ['e-model']),
      id: 'claude-foundry',
    });
    expect(takenId.status).toBe(409);
  });
});
