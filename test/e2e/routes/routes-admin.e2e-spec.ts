import { startSwitchboard, type RunningSwitchboard } from '../../support/switchboard';
import { adminClient, foundryRoute, type AdminResponse } from './admin-client';
import { RouteRepository, RouteTable } from '@switchboard/routes';

function simpleRoute(name: string, models: string[], extra: Record<string, unknown> = {}) {
  return {
    name,
    models,
    instances: [
      { name: 'main', provider: 'openai', auth: { header: { authorization: `Bearer ${name}-key` } } },
    ],
    ...extra,
  };
}

describe('admin routes API', () => {
  let sb: RunningSwitchboard;
  let call: (method: string, path: string, body?: unknown) => Promise<AdminResponse>;

  beforeAll(async () => {
    sb = await startSwitchboard();
    call = adminClient(sb);
  });
  afterAll(() => sb?.close());

  async function storedSecret(id: string, instance: string, header: string): Promise<string | undefined> {
    const route = await new RouteRepository(sb.core.dataSource).findById(id);
    return route?.instances.find((candidate) => candidate.name === instance)?.auth.header[header];
  }

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

  it('404 for unknown ids on GET, PATCH and DELETE', async () => {
    for (const method of ['GET', 'PATCH', 'DELETE']) {
      const { status, body } = await call(
        method,
        '/admin/routes/does-not-exist',
        method === 'PATCH' ? {} : undefined,
      );
      expect(status).toBe(404);
      expect(body.error).toEqual({
        code: 'NOT_FOUND',
        message: 'route "does-not-exist" not found',
        details: [],
      });
    }
  });

  it('401 without a token', async () => {
    const response = await fetch(`${sb.adminUrl}/admin/routes`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(401);
  });

  it('PUT creates (201) then replaces (200), bumping the version; body id must match the path', async () => {
    const created = await call('PUT', '/admin/routes/put-1', simpleRoute('put-1', ['put-model']));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 'put-1', version: 1 });
    const replaced = await call('PUT', '/admin/routes/put-1', {
      ...simpleRoute('put-1', ['put-model']),
      id: 'put-1',
      timeout: 1000,
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ id: 'put-1', version: 2, timeout: 1000 });
    expect(replaced.body.created_at).toBe(created.body.created_at);
    const mismatch = await call('PUT', '/admin/routes/put-1', {
      ...simpleRoute('put-1', ['put-model']),
      id: 'other',
    });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.error.details[0].path).toBe('id');
    const badId = await call('PUT', '/admin/routes/bad%20id', simpleRoute('bad-id', ['bad-id-model']));
    expect(badId.status).toBe(400);
  });

  it('GET → edit → PUT round trip keeps the stored secrets; "******" with nothing stored is a 400', async () => {
    await call('POST', '/admin/routes', {
      id: 'trip',
      name: 'trip',
      models: ['trip-model'],
      instances: [
        {
          name: 'one',
          provider: 'openai',
          auth: { header: { authorization: 'Bearer one' }, query: { k: 'q1' } },
        },
        { name: 'two', provider: 'deepseek', auth: { header: { authorization: 'Bearer two' } } },
      ],
    });
    const got = (await call('GET', '/admin/routes/trip')).body;
    expect(got.instances[0].auth).toEqual({ header: { authorization: '******' }, query: { k: '******' } });
    got.instances[1].weight = 5;
    got.instances.reverse(); // order changes: secrets follow the instance name, not the position
    const put = await call('PUT', '/admin/routes/trip', got);
    expect(put.status).toBe(200);
    expect(put.body.version).toBe(2);
    expect(await storedSecret('trip', 'one', 'authorization')).toBe('Bearer one');
    expect(await storedSecret('trip', 'two', 'authorization')).toBe('Bearer two');
    const stored = await new RouteRepository(sb.core.dataSource).findById('trip');
    expect(stored?.instances.find((instance) => instance.name === 'one')?.auth.query).toEqual({ k: 'q1' });

    const renamed = structuredClone(got);
    renamed.instances[0].name = 'three';
    const bad = await call('PUT', '/admin/routes/trip', renamed);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([
      { path: 'instances.0.auth.header.authorization', message: expect.stringContaining('three') },
    ]);
    const created = await call('POST', '/admin/routes', {
      ...simpleRoute('placeholder-new', ['ph-model']),
      instances: [{ name: 'x', provider: 'openai', auth: { header: { authorization: '******' } } }],
    });
    expect(created.status).toBe(400);
    expect(await storedSecret('trip', 'two', 'authorization')).toBe('Bearer two');
  });

  it('PATCH deep-merges objects, replaces arrays, resets on null, keeps secrets; 200 with the route', async () => {
    const created = await call('POST', '/admin/routes', {
      id: 'patchy',
      name: 'patchy',
      models: ['patchy-a', 'patchy-b'],
      circuit_breaker: { failure_threshold: 5, cooldown: 1000 },
      max_retries: 3,
      instances: [
        {
          name: 'one',
          provider: 'openai',
          options: { model: 'm', temperature: 1 },
          auth: { header: { a: 'A' } },
        },
        { name: 'two', provider: 'openai', weight: 2 },
      ],
    });
    expect(created.status).toBe(201);
    const patched = await call('PATCH', '/admin/routes/patchy', {
      circuit_breaker: { cooldown: 50 },
      models: ['patchy-c'],
      max_retries: null,
      version: 99,
      updated_at: 'ignored',
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      circuit_breaker: { failure_threshold: 5, cooldown: 50 },
      models: ['patchy-c'],
      max_retries: null,
      version: 2,
    });
    expect(patched.body.instances).toHaveLength(2);
    expect(await storedSecret('patchy', 'one', 'a')).toBe('A');

    const instances = await call('PATCH', '/admin/routes/patchy', {
      instances: [{ name: 'two', provider: 'openai', weight: 7 }],
    });
    expect(instances.status).toBe(200);
    expect(instances.body.instances).toEqual([expect.objectContaining({ name: 'two', weight: 7 })]);
    expect(instances.body.version).toBe(3);

    const invalid = await call('PATCH', '/admin/routes/patchy', { timeout: -1, instances: [] });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'instances',
      'timeout',
    ]);
    expect((await call('GET', '/admin/routes/patchy')).body.version).toBe(3);
  });

  it('DELETE answers 204, then the route is gone', async () => {
    await call('POST', '/admin/routes', { ...simpleRoute('gone', ['gone-model']), id: 'gone' });
    const response = await fetch(`${sb.adminUrl}/admin/routes/gone`, {
      method: 'DELETE',
      headers: { 'x-api-key': sb.adminToken },
    });
    expect(response.status).toBe(204);
    await expect(response.text()).resolves.toBe('');
    expect((await call('GET', '/admin/routes/gone')).status).toBe(404);
  });

  it('lists with pagination and the model= filter', async () => {
    for (const n of [1, 2, 3])
      await call('POST', '/admin/routes', simpleRoute(`page-${n}`, [`page-model-${n}`]));
    await call('POST', '/admin/routes', simpleRoute('page-glob', ['page-model-*']));
    const everything = await call('GET', '/admin/routes?page_size=100');
    expect(everything.status).toBe(200);
    expect(everything.body).toMatchObject({ page: 1, page_size: 100, total: everything.body.items.length });
    const defaults = await call('GET', '/admin/routes');
    expect(defaults.body).toMatchObject({ page: 1, page_size: 20 });
    const second = await call('GET', '/admin/routes?page=2&page_size=2');
    expect(second.body.items.map((route: { name: string }) => route.name)).toEqual(
      everything.body.items.slice(2, 4).map((route: { name: string }) => route.name),
    );
    expect(second.body.total).toBe(everything.body.total);
    const filtered = await call('GET', '/admin/routes?model=page-model-2');
    expect(filtered.body.items.map((route: { name: string }) => route.name)).toEqual(['page-2', 'page-glob']);
    expect(filtered.body.total).toBe(2);
    expect(filtered.body.items[0].instances[0].auth.header.authorization).toBe('******');
    expect((await call('GET', '/admin/routes?model=page-model')).body.total).toBe(0);
    for (const query of ['page_size=101', 'page_size=0', 'page=0', 'page=abc']) {
      const bad = await call('GET', `/admin/routes?${query}`);
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('applies every write to an in-process route table before the response', async () => {
    // A table on the process's own bus and DataSource, as the gateway app builds it; no periodic reload.
    const table = new RouteTable(new RouteRepository(sb.core.dataSource), sb.core.routeChanges, {
      refreshIntervalMs: 0,
    });
    await table.start();
    try {
      const created = await call('POST', '/admin/routes', simpleRoute('live', ['live-model']));
      expect(table.match('live-model')?.id).toBe(created.body.id);
      expect(table.match('live-model')?.instances[0].auth.header.authorization).toBe('Bearer live-key');
      await call('PATCH', `/admin/routes/${created.body.id}`, { models: ['live-model-2'] });
      expect(table.match('live-model')).toBeUndefined();
      expect(table.match('live-model-2')?.version).toBe(2);
      await call('DELETE', `/admin/routes/${created.body.id}`);
      expect(table.match('live-model-2')).toBeUndefined();
    } finally {
      await table.stop();
    }
  });

  it('describes /admin/routes in the OpenAPI document from the validating DTOs', async () => {
    const response = await fetch(`${sb.adminUrl}/admin/openapi.json`);
    const document = (await response.json()) as {
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: unknown }> } }>
      >;
      components: { schemas: Record<string, { properties: Record<string, unknown>; required?: string[] }> };
    };
    expect(Object.keys(document.paths['/admin/routes'])).toEqual(expect.arrayContaining(['get', 'post']));
    expect(Object.keys(document.paths['/admin/routes/{id}'])).toEqual(
      expect.arrayContaining(['get', 'put', 'patch', 'delete']),
    );
    expect(document.paths['/admin/routes'].post.requestBody?.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/RouteBodyDto',
    });
    const route = document.components.schemas.RouteBodyDto;
    expect(Object.keys(route.properties)).toEqual(
      expect.arrayContaining([
        'models',
        'instances',
        'first_byte_timeout',
        'total_timeout',
        'circuit_breaker',
      ]),
    );
    expect(route.required).toEqual(expect.arrayContaining(['name', 'models', 'instances']));
    expect(document.components.schemas.InstanceBodyDto.properties.provider).toMatchObject({
      enum: ['openai', 'azure-openai', 'openai-compatible', 'deepseek', 'anthropic', 'anthropic-compatible'],
    });
  });

  it("shows every write on the same process's gateway right after the admin response", async () => {
    const models = async () => {
      const response = await fetch(`${sb.gatewayUrl}/v1/models`);
      return ((await response.json()) as { data: { id: string }[] }).data.map((model) => model.id);
    };
    const created = await call('POST', '/admin/routes', simpleRoute('same-process', ['same-process-model']));
    expect(await models()).toContain('same-process-model');
    await call('PATCH', `/admin/routes/${created.body.id}`, { enabled: false });
    expect(await models()).not.toContain('same-process-model');
    await call(
      'PUT',
      `/admin/routes/${created.body.id}`,
      simpleRoute('same-process', ['same-process-model-2']),
    );
    expect(await models()).toContain('same-process-model-2');
    await call('DELETE', `/admin/routes/${created.body.id}`);
    expect(await models()).not.toContain('same-process-model-2');
  });

  it('keeps concurrent writes consistent: no lost update, one version per write', async () => {
    await call('POST', '/admin/routes', { ...simpleRoute('race', ['race-model']), id: 'race' });
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => call('PATCH', '/admin/routes/race', { fallback_http_statuses: [400 + n] })),
    );
    expect(results.map((result) => result.status)).toEqual([200, 200, 200, 200, 200]);
    expect(results.map((result) => result.body.version).sort()).toEqual([2, 3, 4, 5, 6]);
    expect((await call('GET', '/admin/routes/race')).body.version).toBe(6);
  });
});
