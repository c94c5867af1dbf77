import { RouteRepository, RouteTable } from '@switchboard/routes';
import { routesAdminSuite, simpleRoute } from './support/routes-admin-suite';

/** Listing, how writes reach the route tables of the same process, the OpenAPI document, concurrent writes. */
describe('admin routes API: listing, live tables, OpenAPI, concurrency', () => {
  const suite = routesAdminSuite();
  const { call } = suite;

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
    const table = new RouteTable(
      new RouteRepository(suite.sb.core.dataSource, suite.sb.core.instanceSecrets),
      suite.sb.core.routeChanges,
      {
        refreshIntervalMs: 0,
      },
    );
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
    const response = await fetch(`${suite.sb.adminUrl}/admin/openapi.json`);
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
      const response = await fetch(`${suite.sb.gatewayUrl}/v1/models`);
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
