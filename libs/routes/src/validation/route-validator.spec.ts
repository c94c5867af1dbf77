import { GatewayError, GatewayErrorCode } from '@switchboard/common/errors';
import { foundryRoute } from '@switchboard/testing/foundry-route.fixture';
import { validateRouteBody } from './route-validator';

function instance(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { name: 'east', provider: 'openai', auth: { header: { authorization: 'Bearer k' } }, ...overrides };
}

function body(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { name: 'r1', models: ['gpt-4o'], instances: [instance()], ...overrides };
}

function errorsOf(raw: unknown): { path: string; message: string }[] {
  try {
    validateRouteBody(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(GatewayError);
    expect((error as GatewayError).code).toBe(GatewayErrorCode.VALIDATION_FAILED);
    return (error as GatewayError).details;
  }
  throw new Error('expected a validation error');
}

function paths(raw: unknown): string[] {
  return errorsOf(raw).map((detail) => detail.path);
}

describe('validateRouteBody', () => {
  it('fills every default', () => {
    const { route, warnings } = validateRouteBody(
      body({
        instances: [
          { name: 'a', provider: 'anthropic' },
          { name: 'b', provider: 'deepseek' },
        ],
      }),
    );
    expect(warnings).toEqual([]);
    expect(route).toEqual({
      name: 'r1',
      models: ['gpt-4o'],
      advertise: [],
      enabled: true,
      instances: [
        {
          name: 'a',
          provider: 'anthropic',
          protocol: 'anthropic-messages',
          weight: 1,
          priority: 0,
          auth: { header: {}, query: {} },
          options: {},
          defaults: {},
          conversion: {},
          override: {},
          enabled: true,
          extras: {},
        },
        expect.objectContaining({ name: 'b', provider: 'deepseek', protocol: 'openai-chat' }),
      ],
      balancer: { algorithm: 'roundrobin' },
      fallback_strategy: ['http_429', 'http_5xx'],
      fallback_http_statuses: [],
      max_retries: null,
      timeout: 30000,
      first_byte_timeout: null,
      total_timeout: null,
      circuit_breaker: { failure_threshold: 3, cooldown: 30000 },
      extras: {},
    });
  });

  it.each([
    ['openai', 'openai-chat'],
    ['azure-openai', 'openai-chat'],
    ['openai-compatible', 'openai-chat'],
    ['deepseek', 'openai-chat'],
    ['anthropic', 'anthropic-messages'],
    ['anthropic-compatible', 'anthropic-messages'],
  ])('defaults the protocol of provider %s to %s', (provider, protocol) => {
    const { route } = validateRouteBody(
      body({ instances: [instance({ provider, override: { endpoint: 'https://example.test' } })] }),
    );
    expect(route.instances[0].protocol).toBe(protocol);
  });

  it('keeps an explicit protocol and every explicit value', () => {
    const { route } = validateRouteBody(
      body({
        id: 'my.route_1',
        enabled: false,
        instances: [
          instance({
            provider: 'anthropic',
            protocol: 'openai-chat',
            weight: 0,
            priority: -2,
            options: { model: 'x', max_tokens: 5 },
            defaults: { temperature: 0 },
            conversion: { expose_reasoning: false },
            auth: { header: { 'x-api-key': 's' }, query: { key: 'q' } },
            enabled: false,
          }),
        ],
        balancer: { algorithm: 'chash', hash_on: 'header', key: 'x-user' },
        fallback_strategy: 'http_429',
        fallback_http_statuses: [401, 402],
        max_retries: 0,
        timeout: 1000,
        first_byte_timeout: 500,
        total_timeout: 9000,
        circuit_breaker: { failure_threshold: 1, cooldown: 10 },
      }),
    );
    expect(route).toMatchObject({
      id: 'my.route_1',
      enabled: false,
      balancer: { algorithm: 'chash', hash_on: 'header', key: 'x-user' },
      fallback_strategy: ['http_429'],
      fallback_http_statuses: [401, 402],
      max_retries: 0,
      timeout: 1000,
      first_byte_timeout: 500,
      total_timeout: 9000,
      circuit_breaker: { failure_threshold: 1, cooldown: 10 },
    });
    expect(route.instances[0]).toMatchObject({
      protocol: 'openai-chat',
      weight: 0,
      priority: -2,
      options: { model: 'x', max_tokens: 5 },
      defaults: { temperature: 0 },
      conversion: { expose_reasoning: false },
      auth: { header: { 'x-api-key': 's' }, query: { key: 'q' } },
      enabled: false,
    });
  });

  it('accepts openai-responses on the OpenAI providers only', () => {
    for (const provider of ['openai', 'azure-openai', 'openai-compatible']) {
      const extra = provider === 'openai' ? {} : { override: { endpoint: 'https://gw.example/v1' } };
      const { route } = validateRouteBody(
        body({ instances: [instance({ provider, protocol: 'openai-responses', ...extra })] }),
      );
      expect(route.instances[0].protocol).toBe('openai-responses');
    }
    expect(
      paths(body({ instances: [instance({ provider: 'anthropic', protocol: 'openai-responses' })] })),
    ).toEqual(['instances.0.protocol']);
  });

  it('lets anthropic instances speak openai-chat (its OpenAI-compatible API) and says what a provider speaks', () => {
    const { route } = validateRouteBody(
      body({ instances: [instance({ provider: 'anthropic', protocol: 'openai-chat' })] }),
    );
    expect(route.instances[0].protocol).toBe('openai-chat');
    expect(errorsOf(body({ instances: [instance({ protocol: 'anthropic-messages' })] }))).toEqual([
      {
        path: 'instances.0.protocol',
        message:
          'provider "openai" does not speak anthropic-messages (it speaks openai-chat, openai-responses)',
      },
    ]);
  });

  it('fills a partial circuit_breaker', () => {
    const { route } = validateRouteBody(body({ circuit_breaker: { cooldown: 5 } }));
    expect(route.circuit_breaker).toEqual({ failure_threshold: 3, cooldown: 5 });
  });

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

  it('reads instance_health_and_rate_limiting as both triggers with a warning', () => {
    const { route, warnings } = validateRouteBody(
      body({ fallback_strategy: 'instance_health_and_rate_limiting' }),
    );
    expect(route.fallback_strategy).toEqual(['http_429', 'http_5xx']);
    expect(warnings).toEqual([expect.stringContaining('instance_health_and_rate_limiting')]);
  });

  it('drops rate_limiting from an array with a warning', () => {
    const { route, warnings } = validateRouteBody(body({ fallback_strategy: ['rate_limiting', 'http_5xx'] }));
    expect(route.fallback_strategy).toEqual(['http_5xx']);
    expect(warnings).toEqual([expect.stringContaining('rate_limiting')]);
  });

  it('accepts, keeps and warns about unimplemented ai-proxy-multi fields at every level', () => {
    const { route, warnings } = validateRouteBody(
      body({
        keepalive: true,
        keepalive_timeout: 60000,
        keepalive_pool: 30,
        ssl_verify: false,
        logging: { summaries: true },
        max_req_body_size: 1024,
        instances: [
          instance({
            provider_conf: { region: 'us' },
            checks: { active: { type: 'https' } },
            override: { endpoint: 'https://a.test', llm_options: { max_tokens: 10 } },
          }),
        ],
      }),
    );
    expect(route.extras).toEqual({
      keepalive: true,
      keepalive_timeout: 60000,
      keepalive_pool: 30,
      ssl_verify: false,
      logging: { summaries: true },
      max_req_body_size: 1024,
    });
    expect(route.instances[0].extras).toEqual({
      provider_conf: { region: 'us' },
      checks: { active: { type: 'https' } },
    });
    expect(route.instances[0].override).toEqual({
      endpoint: 'https://a.test',
      llm_options: { max_tokens: 10 },
    });
    expect(warnings.map((warning) => warning.split(' ')[0])).toEqual([
      'keepalive',
      'keepalive_timeout',
      'keepalive_pool',
      'ssl_verify',
      'logging',
      'max_req_body_size',
      'instances.0.provider_conf',
      'instances.0.checks',
      'instances.0.override.llm_options',
    ]);
  });

  it('ignores the read-only fields a GET returns', () => {
    const { route } = validateRouteBody(
      body({ version: 3, created_at: 'x', updated_at: 'y', warnings: ['w'] }),
    );
    expect(route).not.toHaveProperty('version');
    expect(route).not.toHaveProperty('warnings');
  });

  it('accepts the issue example verbatim', () => {
    const { route, warnings } = validateRouteBody(foundryRoute());
    expect(warnings).toEqual([]);
    expect(route.instances[0].auth.header).toEqual({ 'x-api-key': 'secret' });
    expect(route.max_retries).toBe(2);
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
