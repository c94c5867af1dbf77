import OpenAI from 'openai';
import { DataPlaneTelemetry, processTelemetry } from '@switchboard/telemetry';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { eventually } from '../../support/eventually';
import { reply, startAnthropicMock, type AnthropicMock } from '../../support/mock-upstreams';
import { parsePrometheusText } from '../../support/prometheus-text';
import { startSwitchboard, type RunningSwitchboard } from '../../support/switchboard';
import { anthropicInstance, routeFor, uniqueModel } from '../data-plane/support/route-builders';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const USAGE = { input: 11, output: 7, cacheRead: 0, cacheWrite: 0 };

/**
 * Issue 12 end to end: two gateway processes on ONE Postgres database serve known traffic; the request log,
 * the usage rollups (which must add up across replicas), the replicas' heartbeats and each process's /metrics
 * are checked against what was sent.
 */
describe('observability: request log, rollups, stats, replicas, metrics', () => {
  let database: TestDatabase;
  let upstream: AnthropicMock;
  let flaky: AnthropicMock;
  let a: RunningSwitchboard;
  let b: RunningSwitchboard;
  const model = uniqueModel('obs');
  const startedAt = new Date(Date.now() - 60_000).toISOString();

  const admin = async (sb: RunningSwitchboard, path: string, expected = 200): Promise<Json> => {
    const response = await fetch(`${sb.adminUrl}${path}`, {
      headers: { authorization: `Bearer ${sb.adminToken}` },
    });
    const body = (await response.json()) as Json;
    if (response.status !== expected)
      throw new Error(`${path} → ${response.status}: ${JSON.stringify(body)}`);
    return body;
  };
  /** Where each replica's records are (served, queued, written, dropped): said when a visibility window is missed. */
  const writerStates = () =>
    JSON.stringify(
      Object.fromEntries(
        Object.entries({ a, b }).map(([name, sb]) => {
          const telemetry = sb.gatewayApp.get(DataPlaneTelemetry);
          const log = telemetry.requestLog;
          return [
            name,
            {
              served: telemetry.requestsServed,
              queued: log.queued,
              written: log.writtenRows,
              dropped: log.dropped,
            },
          ];
        }),
      ),
    );
  const visibleWithin = <T>(probe: () => Promise<T>, done: (value: T) => boolean, ms: number) =>
    eventually(probe, done, ms).catch((error: Error) => {
      throw new Error(`${error.message}\nrequest-log writers: ${writerStates()}`);
    });
  const client = (sb: RunningSwitchboard) =>
    new OpenAI({ apiKey: 'sk-client', baseURL: `${sb.gatewayUrl}/v1`, maxRetries: 0 });
  const ask = (sb: RunningSwitchboard, requestId: string, stream = false) =>
    client(sb).chat.completions.create(
      { model, messages: [{ role: 'user', content: 'hi' }], stream } as never,
      { headers: { 'x-request-id': requestId } },
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    [upstream, flaky] = await Promise.all([startAnthropicMock(), startAnthropicMock()]);
    upstream.reply(reply.text('hello', { usage: USAGE }));
    const env = {
      DATABASE_URL: database.url,
      ...(database.embedded ? { DB_POOL_SIZE: '1' } : {}),
      TELEMETRY_FLUSH_INTERVAL_MS: '300',
      ROUTE_REFRESH_INTERVAL_MS: '100',
    };
    a = await startSwitchboard({ env });
    b = await startSwitchboard({ env });
    const response = await fetch(`${a.adminUrl}/admin/routes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${a.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(
        routeFor(model, [
          anthropicInstance('primary', flaky.url, { priority: 1 }),
          anthropicInstance('secondary', upstream.url, { priority: 0 }),
        ]),
      ),
    });
    expect(response.status).toBe(201);
    // The primary fails every call with a 503: each request falls back to the secondary once.
    flaky.reply(reply.error(503));
    await eventually(
      () => fetch(`${b.gatewayUrl}/v1/models`).then((r) => r.json() as Promise<Json>),
      (list) => (list.data as Json[]).some((entry) => entry.id === model),
    );

    await ask(a, 'obs-a-1');
    await ask(a, 'obs-a-2');
    const stream = (await ask(a, 'obs-a-stream', true)) as unknown as AsyncIterable<unknown>;
    for await (const _chunk of stream) void _chunk;
    await ask(b, 'obs-b-1');
    await ask(b, 'obs-b-2');
    const missing = await fetch(`${b.gatewayUrl}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'obs-b-missing' },
      body: JSON.stringify({ model: 'no-such-model-anywhere', messages: [{ role: 'user', content: 'x' }] }),
    });
    expect(missing.status).toBe(404);
  }, 60_000);

  afterAll(async () => {
    await Promise.allSettled([a?.close(), b?.close()]);
    await Promise.allSettled([upstream?.close(), flaky?.close(), database?.drop()]);
  });

  it('logs every request of both replicas in /admin/requests, newest first, with its attempts', async () => {
    const list = await visibleWithin(
      () => admin(a, `/admin/requests?since=${startedAt}`),
      (body) => body.total === 6,
      3_000,
    );
    expect(list.items.map((item: Json) => item.request_id).sort()).toEqual(
      ['obs-a-1', 'obs-a-2', 'obs-a-stream', 'obs-b-1', 'obs-b-2', 'obs-b-missing'].sort(),
    );
    const times = list.items.map((item: Json) => Date.parse(item.started_at));
    expect([...times].sort((x, y) => y - x)).toEqual(times);

    const one = await admin(a, '/admin/requests/obs-a-1');
    expect(one).toMatchObject({
      request_id: 'obs-a-1',
      client_protocol: 'openai-chat',
      endpoint: 'chat_completions',
      stream: false,
      model,
      route: `route-${model}`,
      instance: 'secondary',
      status: 200,
      error: null,
      usage: { input: 11, output: 7, cache_read: 0, cache_creation: 0, reasoning: 0 },
      key: null,
      attempt_count: 2,
    });
    expect(one.attempts).toEqual([
      expect.objectContaining({
        instance: 'primary',
        provider: 'anthropic',
        outcome: 'http_5xx',
        status: 503,
      }),
      expect.objectContaining({ instance: 'secondary', provider: 'anthropic', outcome: 'success' }),
    ]);
    expect(one.duration_ms).toBeGreaterThan(0);

    const refused = await admin(a, '/admin/requests/obs-b-missing');
    expect(refused).toMatchObject({ status: 404, route: null, error: { code: 'MODEL_NOT_FOUND' } });
    await admin(a, '/admin/requests/never-sent', 404);
  });

  it('filters /admin/requests by route, instance, model, status code and class, time, id, and pages', async () => {
    const ids = async (query: string) =>
      ((await admin(b, `/admin/requests?${query}`)).items as Json[]).map((item) => item.request_id).sort();
    await visibleWithin(
      () => admin(b, '/admin/requests'),
      (body) => body.total === 6,
      3_000,
    );
    expect(await ids(`route=route-${model}`)).toHaveLength(5);
    expect(await ids('instance=secondary')).toHaveLength(5);
    expect(await ids(`model=${model}`)).toHaveLength(5);
    expect(await ids('status=404')).toEqual(['obs-b-missing']);
    expect(await ids('status=4xx')).toEqual(['obs-b-missing']);
    expect(await ids('status=2xx')).toHaveLength(5);
    expect(await ids('request_id=obs-a-stream')).toEqual(['obs-a-stream']);
    expect(await ids(`until=${startedAt}`)).toEqual([]);
    expect(await ids('key=nobody')).toEqual([]);
    const page = await admin(b, '/admin/requests?page=2&page_size=4');
    expect(page).toMatchObject({ total: 6, page: 2, page_size: 4 });
    expect(page.items).toHaveLength(2);

    const bad = await admin(b, '/admin/requests?status=abc&page_size=500&since=yesterday', 400);
    expect(bad.error.code).toBe('VALIDATION_FAILED');
    expect(bad.error.details.map((detail: Json) => detail.path).sort()).toEqual([
      'page_size',
      'since',
      'status',
    ]);
  });

  it('adds both replicas rollups up in /admin/stats, grouped and as a timeseries', async () => {
    const window = `since=${startedAt}&until=${new Date(Date.now() + 120_000).toISOString()}`;
    const total = await eventually(
      () => admin(b, `/admin/stats?${window}`),
      (body) => body.groups[0]?.requests === 6,
      15_000,
    );
    expect(total.groups).toHaveLength(1);
    expect(total.groups[0]).toMatchObject({
      group: {},
      requests: 6,
      errors: { '4xx': 1, '5xx': 0, '429': 0 },
      fallbacks: 5,
      tokens: { input: 55, output: 35, cache_read: 0, cache_creation: 0, reasoning: 0 },
    });
    expect(total.groups[0].latency_ms.p50).toBeGreaterThan(0);
    expect(total.groups[0].latency_ms.p99).toBeGreaterThanOrEqual(total.groups[0].latency_ms.p50);

    const byInstance = await admin(a, `/admin/stats?${window}&group_by=instance`);
    expect(byInstance.groups).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ group: { route: `route-${model}`, instance: 'secondary' }, requests: 5 }),
        expect.objectContaining({ group: { route: null, instance: null }, requests: 1 }),
      ]),
    );
    const byModel = await admin(a, `/admin/stats?${window}&group_by=model`);
    expect(byModel.groups.find((g: Json) => g.group.model === model).requests).toBe(5);

    const series = await admin(a, `/admin/stats/timeseries?${window}&step=1m&group_by=route`);
    expect(series.step).toBe('1m');
    const perRoute = (series.buckets as Json[])
      .flatMap((bucket) => bucket.groups as Json[])
      .filter((group) => group.group.route === `route-${model}`)
      .reduce((sum, group) => sum + group.requests, 0);
    expect(perRoute).toBe(5);
    expect(series.buckets.length).toBeGreaterThanOrEqual(3);

    const bad = await admin(
      a,
      '/admin/stats?group_by=colour&since=2026-01-02T00:00:00Z&until=2026-01-01T00:00:00Z',
      400,
    );
    expect(bad.error.details.map((detail: Json) => detail.path).sort()).toEqual(['group_by', 'since']);
    await admin(a, '/admin/stats/timeseries?step=1m&since=2020-01-01T00:00:00Z', 400);
  });

  it('lists both replicas with their heartbeat', async () => {
    const replicas = await eventually(
      () => admin(a, '/admin/replicas'),
      (body) => body.items.length === 2 && body.items.every((r: Json) => r.requests_served === 3),
    );
    for (const replica of replicas.items as Json[]) {
      expect(replica).toMatchObject({ pid: process.pid, stale: false, version: expect.any(String) });
      expect(replica.route_table_revision).toBeGreaterThanOrEqual(1);
    }

    // A process that stopped heartbeating (killed) stays listed, marked stale.
    await a.core.dataSource.query(
      `INSERT INTO replicas (id, host, pid, version, started_at, last_seen, route_table_revision, requests_served)
       VALUES ('gone', 'old-host', 1, '0.0.1', now() - interval '1 hour', now() - interval '5 minutes', 1, 9)`,
    );
    const withGone = await admin(b, '/admin/replicas');
    expect(withGone.items).toHaveLength(3);
    expect(withGone.items.find((r: Json) => r.id === 'gone')).toMatchObject({
      stale: true,
      requests_served: 9,
    });
  });

  it('exposes the traffic of each process on its own /metrics', async () => {
    const url = await processTelemetry(a.core).metricsUrl();
    const text = await (await fetch(`${url}/metrics`)).text();
    const metrics = parsePrometheusText(text);
    const route = `route-${model}`;
    expect(metrics.types.get('gen_ai_server_request_duration_seconds')).toBe('histogram');
    expect(
      metrics.sum('switchboard_requests_total', {
        route,
        client_protocol: 'openai-chat',
        status_code: '200',
      }),
    ).toBe(3);
    expect(
      metrics.sum('switchboard_upstream_attempts_total', { route, instance: 'primary', outcome: 'http_5xx' }),
    ).toBe(3);
    expect(metrics.sum('switchboard_fallbacks_total', { route })).toBe(3);
    const genai = {
      route,
      gen_ai_operation_name: 'chat',
      gen_ai_provider_name: 'anthropic',
      gen_ai_request_model: model,
    };
    expect(metrics.sum('gen_ai_server_request_duration_seconds_count', genai)).toBe(3);
    expect(metrics.sum('gen_ai_client_token_usage_sum', { ...genai, gen_ai_token_type: 'input' })).toBe(33);
    expect(metrics.sum('gen_ai_client_token_usage_sum', { ...genai, gen_ai_token_type: 'output' })).toBe(21);
    // 11 input tokens per request: the le=4 bucket holds none, le=16 all three.
    expect(
      metrics.sum('gen_ai_client_token_usage_bucket', { ...genai, gen_ai_token_type: 'input', le: '4' }),
    ).toBe(0);
    expect(
      metrics.sum('gen_ai_client_token_usage_bucket', { ...genai, gen_ai_token_type: 'input', le: '16' }),
    ).toBe(3);
    expect(metrics.sum('gen_ai_server_time_to_first_token_seconds_count', genai)).toBe(1);
    const attempts = metrics.find('gen_ai_client_operation_duration_seconds_count', {
      ...genai,
      server_address: '127.0.0.1',
    });
    expect(attempts.reduce((sum, sample) => sum + sample.value, 0)).toBe(6);
    expect(attempts.find((sample) => sample.labels.instance === 'primary')?.labels.error_type).toBeDefined();
    expect(metrics.sum('switchboard_circuit_breaker_state', { route, instance: 'secondary' })).toBe(0);
    expect(metrics.find('switchboard_route_table_revision')[0].value).toBeGreaterThanOrEqual(1);
    expect(metrics.find('switchboard_request_log_dropped_total')[0].value).toBe(0);
    expect(metrics.find('process_cpu_user_seconds_total')).toHaveLength(1);
    expect(metrics.find('nodejs_eventloop_lag_seconds')).toHaveLength(1);

    const other = await (await fetch(`${await processTelemetry(b.core).metricsUrl()}/metrics`)).text();
    const parsed = parsePrometheusText(other);
    expect(parsed.sum('switchboard_requests_total', { route: 'none', status_code: '404' })).toBe(1);
    // An unknown model never becomes a label value of its own.
    expect(other).not.toContain('no-such-model-anywhere');
    expect((await fetch(`${url}/other`)).status).toBe(404);
  });

  it('documents the endpoints in the OpenAPI document', async () => {
    const document = await admin(a, '/admin/openapi.json');
    for (const path of [
      '/admin/requests',
      '/admin/requests/{request_id}',
      '/admin/stats',
      '/admin/stats/timeseries',
      '/admin/replicas',
    ]) {
      expect(document.paths[path]?.get).toBeDefined();
    }
    const names = (document.paths['/admin/requests'].get.parameters as Json[]).map((p) => p.name).sort();
    expect(names).toEqual([
      'instance',
      'key',
      'model',
      'page',
      'page_size',
      'request_id',
      'route',
      'since',
      'status',
      'until',
    ]);
  });
});
