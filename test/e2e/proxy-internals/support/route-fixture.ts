import type { InstanceConfig, RouteConfig } from '@switchboard/routes';

let counter = 0;

/** A route as the RouteTable would hold it, with the admin API's defaults. */
export function routeFixture(
  fields: Partial<Omit<RouteConfig, 'instances'>> & {
    instances: Array<Partial<InstanceConfig> & { name: string }>;
  },
): RouteConfig {
  counter++;
  const { instances, ...rest } = fields;
  return {
    id: `route-${counter}`,
    name: `route-${counter}`,
    models: ['test-model'],
    enabled: true,
    balancer: { algorithm: 'roundrobin' },
    fallback_strategy: ['http_429', 'http_5xx'],
    fallback_http_statuses: [],
    max_retries: null,
    timeout: 30000,
    first_byte_timeout: null,
    total_timeout: null,
    circuit_breaker: { failure_threshold: 3, cooldown: 30000 },
    extras: {},
    version: 1,
    created_at: new Date(0).toISOString(),
    updated_at: new Date(0).toISOString(),
    ...rest,
    instances: instances.map((instance) => ({
      provider: 'openai-compatible',
      protocol: 'openai-chat',
      weight: 1,
      priority: 0,
      auth: { header: { authorization: 'Bearer upstream-key' }, query: {} },
      options: {},
      defaults: {},
      conversion: {},
      override: {},
      enabled: true,
      extras: {},
      ...instance,
    })),
  };
}
