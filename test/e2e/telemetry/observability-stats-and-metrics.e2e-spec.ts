import { processTelemetry } from '@switchboard/telemetry';
import { eventually } from '../../support/eventually';
import { parsePrometheusText } from '../../support/prometheus-text';
import { observabilitySuite, type Json } from './support/observability-suite';

/** The usage rollups of both replicas in /admin/stats, each process's /metrics, the OpenAPI document. */
describe('observability: rollups, stats, metrics, OpenAPI', () => {
  const suite = observabilitySuite();
  const { model, startedAt, admin } = suite;

  it('adds both replicas rollups up in /admin/stats, grouped and as a timeseries', async () => {
    const window = `since=${startedAt}&until=${new Date(Date.now() + 120_000).toISOString()}`;
    const total = await eventually(
      () => admin(suite.b, `/admin/stats?${window}`),
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

    const byInstance = await admin(suite.a, `/admin/stats?${window}&group_by=instance`);
    expect(byInstance.groups).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ group: { route: `route-${model}`, instance: 'secondary' }, requests: 5 }),
        expect.objectContaining({ group: { route: null, instance: null }, requests: 1 }),
      ]),
    );
    const byModel = await admin(suite.a, `/admin/stats?${window}&group_by=model`);
    expect(byModel.groups.find((g: Json) => g.group.model === model).requests).toBe(5);

    const series = await admin(suite.a, `/admin/stats/timeseries?${window}&step=1m&group_by=route`);
    expect(series.step).toBe('1m');
    const perRoute = (series.buckets as Json[])
      .flatMap((bucket) => bucket.groups as Json[])
      .filter((group) => group.group.route === `route-${model}`)
      .reduce((sum, group) => sum + group.requests, 0);
    expect(perRoute).toBe(5);
    expect(series.buckets.length).toBeGreaterThanOrEqual(3);

    const bad = await admin(
      suite.a,
      '/admin/stats?group_by=colour&since=2026-01-02T00:00:00Z&until=2026-01-01T00:00:00Z',
      400,
    );
    expect(bad.error.details.map((detail: Json) => detail.path).sort()).toEqual(['group_by', 'since']);
    await admin(suite.a, '/admin/stats/timeseries?step=1m&since=2020-01-01T00:00:00Z', 400);
  });

  it('exposes the traffic of each process on its own /metrics', async () => {
    const url = await processTelemetry(suite.a.core).metricsUrl();
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

    const other = await (await fetch(`${await processTelemetry(suite.b.core).metricsUrl()}/metrics`)).text();
    const parsed = parsePrometheusText(other);
    expect(parsed.sum('switchboard_requests_total', { route: 'none', status_code: '404' })).toBe(1);
    // An unknown model never becomes a label value of its own.
    expect(other).not.toContain('no-such-model-anywhere');
    expect((await fetch(`${url}/other`)).status).toBe(404);
  });

  it('documents the endpoints in the OpenAPI document', async () => {
    const document = await admin(suite.a, '/admin/openapi.json');
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
