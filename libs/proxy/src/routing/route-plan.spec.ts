import type { InstanceConfig, RouteConfig } from '@switchboard/routes';
import { InstanceHealthRegistry } from '../health/instance-health.registry';
import { RoutePlan } from './route-plan';

function route(
  instances: Array<Partial<InstanceConfig> & { name: string }>,
  extra: Partial<RouteConfig> = {},
): RouteConfig {
  return {
    id: 'r',
    name: 'r',
    models: ['m'],
    enabled: true,
    balancer: { algorithm: 'roundrobin' },
    fallback_strategy: ['http_429', 'http_5xx'],
    fallback_http_statuses: [],
    max_retries: null,
    timeout: 30000,
    first_byte_timeout: null,
    total_timeout: null,
    circuit_breaker: { failure_threshold: 2, cooldown: 1000 },
    extras: {},
    version: 1,
    created_at: '',
    updated_at: '',
    ...extra,
    instances: instances.map((i) => ({
      provider: 'openai',
      protocol: 'openai-chat',
      weight: 1,
      priority: 0,
      auth: { header: {}, query: {} },
      options: {},
      defaults: {},
      conversion: {},
      override: {},
      enabled: true,
      extras: {},
      ...i,
    })),
  };
}

const none = new Set<number>();

describe('RoutePlan.pick', () => {
  it('walks priority groups from the highest, untried instances first', () => {
    const plan = new RoutePlan(
      route([
        { name: 'low', priority: 0 },
        { name: 'high-a', priority: 5 },
        { name: 'high-b', priority: 5 },
      ]),
      new InstanceHealthRegistry(() => 0),
    );
    const tried = new Set<number>();
    const order: string[] = [];
    for (let next = plan.pick(tried, undefined); next; next = plan.pick(tried, undefined)) {
      order.push(next.name);
      tried.add(next.index);
    }
    expect(order.slice(0, 2).sort()).toEqual(['high-a', 'high-b']);
    expect(order[2]).toBe('low');
  });

  it('shares traffic by weight inside a group (within 3 points over 1,000 picks)', () => {
    const plan = new RoutePlan(
      route([
        { name: 'a', weight: 3 },
        { name: 'b', weight: 1 },
        { name: 'off', weight: 0 },
      ]),
      new InstanceHealthRegistry(() => 0),
    );
    const counts: Record<string, number> = { a: 0, b: 0, off: 0 };
    for (let i = 0; i < 1000; i++) counts[plan.pick(none, undefined)!.name]++;
    expect(Math.abs(counts.a / 1000 - 0.75)).toBeLessThanOrEqual(0.03);
    expect(Math.abs(counts.b / 1000 - 0.25)).toBeLessThanOrEqual(0.03);
    expect(counts.off).toBe(0);
    expect(plan.hasCapacity).toBe(true);
    expect(new RoutePlan(route([{ name: 'z', weight: 0 }]), new InstanceHealthRegistry()).hasCapacity).toBe(
      false,
    );
  });

  it('skips open circuits, sends one half-open probe, and still tries when all are open', () => {
    let now = 0;
    const health = new InstanceHealthRegistry(() => now);
    const plan = new RoutePlan(route([{ name: 'a' }, { name: 'b' }]), health);
    const a = plan.instances[0];
    a.breaker.onFailure(now, plan.breakerSettings);
    a.breaker.onFailure(now, plan.breakerSettings);
    for (let i = 0; i < 10; i++) expect(plan.pick(none, undefined)!.name).toBe('b');
    // all open: still try rather than refuse
    plan.instances[1].breaker.onFailure(now, plan.breakerSettings);
    plan.instances[1].breaker.onFailure(now, plan.breakerSettings);
    expect(plan.pick(none, undefined)).toBeDefined();
    // cooldown over: exactly one request probes each
    now = 1000;
    const probes = [plan.pick(none, undefined)!.name, plan.pick(none, undefined)!.name].sort();
    expect(probes).toEqual(['a', 'b']);
    expect(health.report('r', ['a', 'b']).map((h) => h.state)).toEqual(['half_open', 'half_open']);
  });

  it('hashes the chash header to a stable instance and falls back to round robin without it', () => {
    const config = route([{ name: 'a' }, { name: 'b' }, { name: 'c' }], {
      balancer: { algorithm: 'chash', hash_on: 'header', key: 'X-Session' },
    });
    const plan = new RoutePlan(config, new InstanceHealthRegistry(() => 0));
    expect(plan.hashHeader).toBe('x-session');
    for (const key of ['u1', 'u2', 'u3', 'u4']) {
      const first = plan.pick(none, key)!.name;
      for (let i = 0; i < 5; i++) expect(plan.pick(none, key)!.name).toBe(first);
      expect(new RoutePlan(config, new InstanceHealthRegistry(() => 0)).pick(none, key)!.name).toBe(first);
    }
    const spread = new Set(Array.from({ length: 6 }, () => plan.pick(none, undefined)!.name));
    expect(spread.size).toBe(3);
  });

  it('keeps a misconfigured instance in the plan with the reason', () => {
    const plan = new RoutePlan(
      route([{ name: 'x', provider: 'openai-compatible' }]),
      new InstanceHealthRegistry(),
    );
    expect(plan.instances[0].upstream).toBeUndefined();
    expect(plan.instances[0].compileError).toMatch(/requires override.endpoint/);
  });
});
