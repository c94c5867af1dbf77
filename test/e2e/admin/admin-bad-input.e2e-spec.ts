import { startSwitchboard, type RunningSwitchboard } from '../../support/switchboard';
import { adminClient, type AdminResponse } from '../routes/admin-client';

const validRoute = (overrides: Record<string, unknown> = {}) => ({
  name: 'bad-input',
  models: ['bad-input-model'],
  instances: [{ name: 'a', provider: 'openai', auth: { header: { authorization: 'Bearer k' } } }],
  ...overrides,
});
const instanceWith = (fields: Record<string, unknown>) => [
  { name: 'a', provider: 'openai', auth: { header: { authorization: 'Bearer k' } }, ...fields },
];
/** JSON text nested `depth` objects deep (JSON.stringify itself overflows on such a value). */
const nestedJson = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** Fuzzing found admin 500s on these inputs: each must be a 400 naming the field. */
describe('admin API: invalid input is a 400 with field details, never a 500', () => {
  let sb: RunningSwitchboard;
  let admin: (method: string, path: string, body?: unknown) => Promise<AdminResponse>;

  beforeAll(async () => {
    sb = await startSwitchboard();
    admin = adminClient(sb);
  });
  afterAll(() => sb?.close());

  const expectFieldError = (response: AdminResponse, path: string) => {
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
  };

  it.each([
    ['name', validRoute({ name: 'a\u0000b' }), 'name'],
    ['a model', validRoute({ models: ['x\u0000'] }), 'models.0'],
    [
      'an options key',
      validRoute({ instances: instanceWith({ options: { 'k\u0000': 1 } }) }),
      'instances.0.options',
    ],
    [
      'an auth value',
      validRoute({ instances: instanceWith({ auth: { query: { k: 'v\u0000' } } }) }),
      'instances.0.auth.query.k',
    ],
  ])('rejects a NUL byte in %s', async (_what, body, path) => {
    expectFieldError(await admin('POST', '/admin/routes', body), path);
  });

  it('rejects a NUL byte in the path and the query', async () => {
    const byPath = await admin('GET', '/admin/routes/%00');
    expect(byPath.status).toBe(400);
    expect(byPath.body.error.details).toEqual([expect.objectContaining({ path: 'id' })]);
    expect((await admin('PUT', '/admin/routes/a%00b', validRoute())).status).toBe(400);
    expect((await admin('DELETE', '/admin/routes/%00')).status).toBe(400);
    expect((await admin('GET', '/admin/routes/%00/health')).status).toBe(400);
    const byQuery = await admin('GET', '/admin/routes?model=a%00');
    expect(byQuery.status).toBe(400);
    expect(byQuery.body.error.details).toEqual([expect.objectContaining({ path: 'model' })]);
  });

  it.each([
    ['timeout', validRoute({ timeout: 1e12 }), 'timeout'],
    ['timeout above 600000', validRoute({ timeout: 600001 }), 'timeout'],
    ['first_byte_timeout', validRoute({ first_byte_timeout: 2 ** 31 }), 'first_byte_timeout'],
    ['total_timeout', validRoute({ total_timeout: 1e12 }), 'total_timeout'],
    ['max_retries', validRoute({ max_retries: 2 ** 31 }), 'max_retries'],
    ['weight', validRoute({ instances: instanceWith({ weight: 1e12 }) }), 'instances.0.weight'],
    ['priority', validRoute({ instances: instanceWith({ priority: -1e12 }) }), 'instances.0.priority'],
    ['cooldown', validRoute({ circuit_breaker: { cooldown: 1e12 } }), 'circuit_breaker.cooldown'],
    [
      'failure_threshold',
      validRoute({ circuit_breaker: { failure_threshold: 1e12 } }),
      'circuit_breaker.failure_threshold',
    ],
  ])('bounds %s below Postgres int4', async (_what, body, path) => {
    expectFieldError(await admin('POST', '/admin/routes', body), path);
  });

  it('accepts the documented maximum timeout', async () => {
    const created = await admin(
      'POST',
      '/admin/routes',
      validRoute({ name: 'max-timeout', models: ['mt'], timeout: 600000 }),
    );
    expect(created.status).toBe(201);
    expect(created.body.timeout).toBe(600000);
  });

  it('rejects JSON nested deeper than the admin limit (in options too)', async () => {
    const deep = JSON.stringify(validRoute({ instances: instanceWith({ options: '<deep>' }) }));
    const response = await admin('POST', '/admin/routes', deep.replace('"<deep>"', nestedJson(5000)));
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/nest/i);
  });

  it('rejects an object or an array as id', async () => {
    expectFieldError(await admin('POST', '/admin/routes', validRoute({ id: { $gt: '' } })), 'id');
    expectFieldError(await admin('POST', '/admin/routes', validRoute({ id: ['x'] })), 'id');
    expectFieldError(await admin('PUT', '/admin/routes/obj-id', validRoute({ id: { a: 1 } })), 'id');
    const created = await admin(
      'POST',
      '/admin/routes',
      validRoute({ id: 'obj-id', name: 'obj', models: ['obj'] }),
    );
    expect(created.status).toBe(201);
    expectFieldError(await admin('PATCH', '/admin/routes/obj-id', { id: { a: 1 } }), 'id');
  });

  it.each([
    ['CR/LF in a value', { 'x-api-key': 'k\r\nx-injected: 1' }, 'instances.0.auth.header.x-api-key'],
    ['a non-Latin-1 value', { 'x-api-key': 'clé→' }, 'instances.0.auth.header.x-api-key'],
    ['a control character in a value', { 'x-api-key': 'k\u0007' }, 'instances.0.auth.header.x-api-key'],
    ['a name that is not a token', { 'x api(key)': 'k' }, 'instances.0.auth.header.x api(key)'],
  ])('rejects auth.header with %s', async (_what, header, path) => {
    expectFieldError(
      await admin('POST', '/admin/routes', validRoute({ instances: instanceWith({ auth: { header } }) })),
      path,
    );
  });

  it('accepts token-char header names and Latin-1 values', async () => {
    const created = await admin(
      'POST',
      '/admin/routes',
      validRoute({
        name: 'latin1',
        models: ['latin1'],
        instances: instanceWith({ auth: { header: { "x-key!#$%&'*+^`|~": 'café\tk' } } }),
      }),
    );
    expect(created.status).toBe(201);
  });

  it('rejects credentials in override.endpoint', async () => {
    const response = await admin(
      'POST',
      '/admin/routes',
      validRoute({ instances: instanceWith({ override: { endpoint: 'https://user:pass@example.com/v1' } }) }),
    );
    expectFieldError(response, 'instances.0.override.endpoint');
    expect(JSON.stringify(response.body)).not.toContain('user:pass');
  });

  it('gives one message per missing field', async () => {
    const response = await admin('POST', '/admin/routes', { models: ['m'] });
    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual([
      { path: 'name', message: 'name is required' },
      { path: 'instances', message: 'instances is required' },
    ]);
    const wrongType = await admin('POST', '/admin/routes', validRoute({ name: 42 }));
    expect(wrongType.body.error.details).toEqual([{ path: 'name', message: 'name must be a string' }]);
  });
});
