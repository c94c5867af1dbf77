import { foundryRoute } from '@switchboard/testing/foundry-route.fixture';
import { validateRouteBody } from './route-validator';
import { body, errorsOf, instance, paths } from './testing/route-bodies';

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
