import { RouteRepository } from '@switchboard/routes';
import { routesAdminSuite, simpleRoute } from './support/routes-admin-suite';

/** GET, PUT, PATCH and DELETE of one route, and the admin token they need. */
describe('admin routes API: reading, replacing, patching, deleting', () => {
  const suite = routesAdminSuite();
  const { call, storedSecret } = suite;

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
    const response = await fetch(`${suite.sb.adminUrl}/admin/routes`, { method: 'POST', body: '{}' });
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
    const stored = await new RouteRepository(
      suite.sb.core.dataSource,
      suite.sb.core.instanceSecrets,
    ).findById('trip');
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
    const response = await fetch(`${suite.sb.adminUrl}/admin/routes/gone`, {
      method: 'DELETE',
      headers: { 'x-api-key': suite.sb.adminToken },
    });
    expect(response.status).toBe(204);
    await expect(response.text()).resolves.toBe('');
    expect((await call('GET', '/admin/routes/gone')).status).toBe(404);
  });
});
