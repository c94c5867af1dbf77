import { validateRouteBody } from './route-validator';
import { body, errorsOf, instance, paths } from './testing/route-bodies';

describe('validateRouteBody rejections', () => {
  it.each([
    [{ models: [] }, 'models'],
    [{ models: 'gpt-4o' }, 'models'],
    [{ models: [''] }, 'models'],
    [{ models: ['a', 'a'] }, 'models'],
    [{ models: [3] }, 'models'],
    [{ name: '' }, 'name'],
    [{ name: 'x'.repeat(101) }, 'name'],
    [{ name: undefined }, 'name'],
    [{ id: 'has space' }, 'id'],
    [{ id: '-leading' }, 'id'],
    [{ enabled: 'yes' }, 'enabled'],
    [{ instances: [] }, 'instances'],
    [{ instances: undefined }, 'instances'],
    [{ instances: ['x'] }, 'instances.0'],
    [{ instances: [instance({ provider: 'gemini' })] }, 'instances.0.provider'],
    [{ instances: [instance({ name: undefined })] }, 'instances.0.name'],
    [{ instances: [instance({ protocol: 'openai-completions' })] }, 'instances.0.protocol'],
    [{ instances: [instance({ protocol: 'anthropic-messages' })] }, 'instances.0.protocol'],
    [
      { instances: [instance({ provider: 'deepseek', protocol: 'anthropic-messages' })] },
      'instances.0.protocol',
    ],
    [{ instances: [instance({ weight: -1 })] }, 'instances.0.weight'],
    [{ instances: [instance({ weight: 1.5 })] }, 'instances.0.weight'],
    [{ instances: [instance({ weight: '3' })] }, 'instances.0.weight'],
    [{ instances: [instance({ priority: 0.5 })] }, 'instances.0.priority'],
    [{ instances: [instance({ options: [] })] }, 'instances.0.options'],
    [{ instances: [instance({ defaults: 'x' })] }, 'instances.0.defaults'],
    [{ instances: [instance({ conversion: ['expose_reasoning'] })] }, 'instances.0.conversion'],
    [{ instances: [instance({ enabled: 1 })] }, 'instances.0.enabled'],
    [
      { instances: [instance({ auth: { header: { 'x-api-key': 5 } } })] },
      'instances.0.auth.header.x-api-key',
    ],
    [
      { instances: [instance({ auth: { header: { 'bad header': 'v' } } })] },
      'instances.0.auth.header.bad header',
    ],
    [{ instances: [instance({ auth: { query: { key: true } } })] }, 'instances.0.auth.query.key'],
    [{ instances: [instance({ auth: { gcp: {} } })] }, 'instances.0.auth.gcp'],
    [{ instances: [instance({ override: { endpoint: 'ftp://host' } })] }, 'instances.0.override.endpoint'],
    [{ instances: [instance({ override: { endpoint: 'not a url' } })] }, 'instances.0.override.endpoint'],
    [{ instances: [instance({ provider: 'azure-openai' })] }, 'instances.0.override.endpoint'],
    [
      { instances: [instance({ provider: 'openai-compatible', override: {} })] },
      'instances.0.override.endpoint',
    ],
    [{ instances: [instance({ provider: 'anthropic-compatible' })] }, 'instances.0.override.endpoint'],
    [{ balancer: { algorithm: 'semantic' } }, 'balancer.algorithm'],
    [{ balancer: { algorithm: 'chash', key: 'x-user' } }, 'balancer.hash_on'],
    [{ balancer: { algorithm: 'chash', hash_on: 'vars', key: 'x-user' } }, 'balancer.hash_on'],
    [{ balancer: { algorithm: 'chash', hash_on: 'header' } }, 'balancer.key'],
    [{ balancer: 'roundrobin' }, 'balancer'],
    [{ fallback_strategy: 'http_404' }, 'fallback_strategy'],
    [{ fallback_strategy: ['http_404'] }, 'fallback_strategy'],
    [{ fallback_strategy: 7 }, 'fallback_strategy'],
    [{ fallback_http_statuses: [399] }, 'fallback_http_statuses'],
    [{ fallback_http_statuses: [600] }, 'fallback_http_statuses'],
    [{ fallback_http_statuses: [401.5] }, 'fallback_http_statuses'],
    [{ fallback_http_statuses: 401 }, 'fallback_http_statuses'],
    [{ max_retries: -1 }, 'max_retries'],
    [{ max_retries: 1.5 }, 'max_retries'],
    [{ timeout: 0 }, 'timeout'],
    [{ timeout: '30000' }, 'timeout'],
    [{ first_byte_timeout: 0 }, 'first_byte_timeout'],
    [{ total_timeout: -5 }, 'total_timeout'],
    [{ circuit_breaker: { failure_threshold: 0 } }, 'circuit_breaker.failure_threshold'],
    [{ circuit_breaker: { cooldown: 0 } }, 'circuit_breaker.cooldown'],
    [{ circuit_breaker: { cooldown: 10, typo: 1 } }, 'circuit_breaker.typo'],
    [{ fallback_strategys: ['http_429'] }, 'fallback_strategys'],
    [{ instances: [instance({ wieght: 2 })] }, 'instances.0.wieght'],
    [
      { instances: [instance({ override: { endpoint: 'https://a.test', path: '/x' } })] },
      'instances.0.override.path',
    ],
  ])('rejects %j at %s', (overrides, path) => {
    expect(paths(body(overrides))).toContain(path);
  });

  it('names unknown fields as unknown', () => {
    expect(errorsOf(body({ colour: 'red' }))).toEqual([
      { path: 'colour', message: 'unknown field "colour"' },
    ]);
  });

  it('lists every invalid field at once', () => {
    const found = paths(
      body({
        models: [],
        timeout: 0,
        instances: [instance({ weight: -1 }), instance({ name: 'east', provider: 'nope' })],
      }),
    );
    expect(found).toEqual(
      expect.arrayContaining([
        'models',
        'timeout',
        'instances.0.weight',
        'instances.1.provider',
        'instances.1.name',
      ]),
    );
  });

  it('rejects duplicate instance names with both positions', () => {
    const details = errorsOf(body({ instances: [instance(), instance({ provider: 'deepseek' })] }));
    expect(details).toEqual([
      { path: 'instances.1.name', message: 'duplicate instance name "east" (also at instances.0)' },
    ]);
  });

  it('says what hash_on is supported', () => {
    const details = errorsOf(body({ balancer: { algorithm: 'chash', hash_on: 'cookie', key: 'k' } }));
    expect(details[0].message).toMatch(/hash_on "cookie" is not supported: only "header"/);
  });

  it.each(['not an object', null, [], 3])('rejects a non-object body %j', (raw) => {
    expect(paths(raw)).toEqual(['']);
  });
});

describe('validateRouteBody with a "__proto__" field', () => {
  it('rejects it instead of letting it change any prototype', () => {
    const raw = JSON.parse(
      '{"name":"r","models":["m"],"instances":[{"name":"a","provider":"openai"}],"__proto__":{"enabled":false}}',
    );
    expect(errorsOf(raw)).toEqual([
      { path: '__proto__', message: 'the field name "__proto__" is not allowed' },
    ]);
    const nested = JSON.parse(
      '{"name":"r","models":["m"],"instances":[{"name":"a","provider":"openai","options":{"__proto__":{}}}]}',
    );
    expect(errorsOf(nested).map((detail) => detail.path)).toEqual(['instances.0.options.__proto__']);
    expect(({} as { enabled?: boolean }).enabled).toBeUndefined();
  });
});

describe('validateRouteBody: advertise', () => {
  const withAdvertise = (advertise: unknown, models: string[] = ['claude-sonnet-*', 'exact-one']) => ({
    name: 'adv',
    models,
    advertise,
    instances: [{ name: 'a', provider: 'anthropic', auth: { header: { 'x-api-key': 'k' } } }],
  });

  it('keeps exact names that one of the route globs matches', () => {
    expect(validateRouteBody(withAdvertise(['claude-sonnet-4-5'])).route.advertise).toEqual([
      'claude-sonnet-4-5',
    ]);
  });

  it('rejects globs, names no model matches, duplicates and non-strings, one message each', () => {
    expect(errorsOf(withAdvertise(['claude-*', 'gpt-4o']))).toEqual([
      { path: 'advertise.0', message: '"claude-*" is a glob: advertise lists exact model names' },
      { path: 'advertise.1', message: '"gpt-4o" matches none of the route\'s models' },
    ]);
    expect(errorsOf(withAdvertise(['claude-sonnet-4', 'claude-sonnet-4']))).toEqual([
      { path: 'advertise', message: "All advertise's elements must be unique" },
    ]);
    expect(errorsOf(withAdvertise('claude-sonnet-4'))).toEqual([
      { path: 'advertise', message: 'advertise must be an array' },
    ]);
  });
});
