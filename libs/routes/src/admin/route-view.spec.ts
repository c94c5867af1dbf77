import type { RouteConfig } from '../route.types';
import { toRouteView } from './route-view';

const route: RouteConfig = {
  id: 'r',
  name: 'r',
  models: ['m'],
  enabled: true,
  instances: [
    {
      name: 'i',
      provider: 'openai',
      protocol: 'openai-chat',
      weight: 1,
      priority: 0,
      auth: { header: { authorization: 'Bearer k' }, query: { key: 'q' } },
      options: {},
      defaults: {},
      conversion: {},
      override: { llm_options: { max_tokens: 1 } },
      enabled: true,
      extras: { checks: { active: {} } },
    },
  ],
  balancer: { algorithm: 'roundrobin' },
  fallback_strategy: ['http_429', 'http_5xx'],
  fallback_http_statuses: [],
  max_retries: null,
  timeout: 30000,
  first_byte_timeout: null,
  total_timeout: null,
  circuit_breaker: { failure_threshold: 3, cooldown: 30000 },
  extras: { keepalive: true },
  version: 4,
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-02T00:00:00.000Z',
};

describe('toRouteView', () => {
  it('redacts every auth value and puts extras back in place', () => {
    const view = toRouteView(route, true) as { instances: Record<string, unknown>[] } & Record<
      string,
      unknown
    >;
    expect(view.instances[0].auth).toEqual({ header: { authorization: '******' }, query: { key: '******' } });
    expect(view.instances[0].checks).toEqual({ active: {} });
    expect(view.instances[0]).not.toHaveProperty('extras');
    expect(view.keepalive).toBe(true);
    expect(view).not.toHaveProperty('extras');
    expect(Object.keys(view).slice(-3)).toEqual(['version', 'created_at', 'updated_at']);
    expect(route.instances[0].auth.header.authorization).toBe('Bearer k');
  });

  it('keeps real values when not redacting (the PATCH base)', () => {
    const view = toRouteView(route, false) as { instances: { auth: unknown }[] };
    expect(view.instances[0].auth).toEqual({ header: { authorization: 'Bearer k' }, query: { key: 'q' } });
  });
});
