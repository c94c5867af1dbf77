/**
 * Telemetry answers in the shapes of libs/telemetry/src/admin (telemetry-response.dto.ts), plus what the real app
 * cannot produce in this build yet: a consumer key on requests and in stats (keys branch), `cost`/`cost_usd`
 * (model catalogue), a stale replica, and the keys API as issue 13 specifies it.
 */

const group = (dims: Record<string, string | null>, requests: number, scale = 1) => ({
  group: dims,
  requests,
  errors: { '4xx': Math.round(6 * scale), '5xx': Math.round(4 * scale), '429': Math.round(3 * scale) },
  fallbacks: Math.round(5 * scale),
  latency_ms: { p50: 420 * scale, p95: 1800 * scale, p99: 3100 * scale },
  ttfb_ms: { p50: 180 * scale, p95: 650 * scale, p99: 900 * scale },
  tokens: {
    input: 52_000 * scale,
    output: 12_500 * scale,
    cache_read: 8_000 * scale,
    cache_creation: 0,
    reasoning: 0,
  },
  cost: Math.round(12.5 * scale * 100) / 100,
});

export function statsFixture(groupBy: string) {
  const base = {
    since: new Date(Date.now() - 3_600_000).toISOString(),
    until: new Date().toISOString(),
    group_by: groupBy,
  };
  switch (groupBy) {
    case 'route':
      return {
        ...base,
        groups: [group({ route: 'gpt-main' }, 900), group({ route: 'claude-foundry' }, 334, 0.4)],
      };
    case 'model':
      return {
        ...base,
        groups: [group({ model: 'gpt-4o-mini' }, 900), group({ model: 'claude-sonnet-4-5' }, 334)],
      };
    case 'instance':
      return {
        ...base,
        groups: [
          group({ route: 'gpt-main', instance: 'openai-east' }, 700),
          group({ route: 'gpt-main', instance: 'azure-west' }, 200, 2),
        ],
      };
    case 'key':
      return {
        ...base,
        groups: [
          group({ key_id: 'k1', key_name: 'team-search' }, 1000),
          // A key deleted since: its name is gone, its id stays.
          group({ key_id: 'k-deleted-7', key_name: null }, 234, 0.2),
        ],
      };
    default:
      return { ...base, groups: [group({}, 1234)] };
  }
}

export function timeseriesFixture(since: string, until: string, stepSeconds: number) {
  const start = Math.ceil(Date.parse(since) / 1000 / stepSeconds) * stepSeconds;
  const end = Date.parse(until) / 1000;
  const buckets = [];
  for (let time = start, i = 0; time < end; time += stepSeconds, i++) {
    const wave = 1 + 0.5 * Math.sin(i / 5);
    buckets.push({
      start: new Date(time * 1000).toISOString(),
      groups: [group({}, Math.round(20 * wave), wave)],
    });
  }
  const step = stepSeconds === 3600 ? '1h' : stepSeconds === 300 ? '5m' : '1m';
  return { since, until, step, group_by: 'none', buckets };
}

const attempt = (instance: string, outcome: string, status: number | null, duration: number) => ({
  instance,
  provider: instance.startsWith('claude') ? 'anthropic' : 'openai',
  upstream_protocol: instance.startsWith('claude') ? 'anthropic-messages' : 'openai-chat',
  outcome,
  status,
  duration_ms: duration,
  ttfb_ms: status === 200 ? 140 : null,
  error_code: outcome === 'success' ? null : 'UPSTREAM_ERROR',
});

export const FALLBACK_REQUEST = {
  request_id: 'req-fallback-1',
  started_at: new Date(Date.now() - 60_000).toISOString(),
  client_protocol: 'openai-chat',
  endpoint: 'chat_completions',
  stream: false,
  model: 'claude-sonnet-4-5',
  route_id: '5f0c1a52-8d3e-4c6f-9b7a-2e1d0c9b8a70',
  route: 'claude-foundry',
  instance: 'gpt-west',
  upstream_model: 'gpt-4o-mini',
  status: 200,
  error: null,
  attempts: [attempt('claude-east', 'http_5xx', 503, 220), attempt('gpt-west', 'success', 200, 610)],
  usage: { input: 120, output: 48, cache_read: 64, cache_creation: 0, reasoning: 0 },
  duration_ms: 845,
  ttfb_ms: 380,
  key: { id: 'k1', name: 'team-search' },
  attempt_count: 2,
  cost_usd: 0.000412,
};

export const FAILED_REQUEST = {
  ...FALLBACK_REQUEST,
  request_id: 'req-failed-2',
  status: 502,
  instance: 'gpt-west',
  error: { code: 'UPSTREAM_ERROR', message: 'All instances failed: gpt-west answered 500 "internal error"' },
  attempts: [attempt('claude-east', 'http_5xx', 503, 210), attempt('gpt-west', 'http_5xx', 500, 95)],
  usage: null,
  cost_usd: null,
  // Its key was deleted since: the log keeps the id, the name is gone.
  key: { id: 'k-deleted-7', name: null },
};

/** The list carries `attempt_count`, never `attempts` (those come with one request). */
function listed<T extends { attempts: unknown[] }>(request: T): Omit<T, 'attempts'> {
  const { attempts, ...entry } = request;
  return { ...entry, attempt_count: attempts.length };
}

export const requestsFixture = () => ({
  items: [listed(FALLBACK_REQUEST), listed(FAILED_REQUEST)],
  total: 2,
  page: 1,
  page_size: 50,
});

export const replicasFixture = () => ({
  items: [
    {
      id: 'sb-1',
      host: 'gw-a',
      pid: 4242,
      version: '0.1.0',
      started_at: new Date(Date.now() - 86_400_000).toISOString(),
      last_seen: new Date(Date.now() - 4_000).toISOString(),
      route_table_revision: 42,
      requests_served: 120_345,
      stale: false,
    },
    {
      id: 'sb-2',
      host: 'gw-b',
      pid: 4243,
      version: '0.1.0',
      started_at: new Date(Date.now() - 86_400_000).toISOString(),
      last_seen: new Date(Date.now() - 95_000).toISOString(),
      route_table_revision: 41,
      requests_served: 98_002,
      stale: true,
    },
  ],
});

export const KEY = {
  id: 'k1',
  name: 'team-search',
  key_prefix: 'sk-sb-AbC1',
  models: ['gpt-*'],
  rpm: 600,
  tpm: 200_000,
  budget: { tokens: 5_000_000, period: 'month' },
  expires_at: null,
  enabled: true,
  last_used_at: new Date(Date.now() - 30_000).toISOString(),
  usage: { requests: 1000, tokens: 64_500 },
  created_at: new Date(Date.now() - 7 * 86_400_000).toISOString(),
};

export const CREATED_KEY_SECRET = 'sk-sb-0123456789abcdefghijABCDEFGHIJklmnop';
