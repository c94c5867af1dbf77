import { eventually } from '../../support/eventually';
import { observabilitySuite, type Json } from './support/observability-suite';

/** The request log of both replicas in /admin/requests (order, attempts, filters, pages) and the replicas' heartbeats. */
describe('observability: the request log and the replicas', () => {
  const suite = observabilitySuite();
  const { model, startedAt, admin, visibleWithin } = suite;

  it('logs every request of both replicas in /admin/requests, newest first, with its attempts', async () => {
    const list = await visibleWithin(
      () => admin(suite.a, `/admin/requests?since=${startedAt}`),
      (body) => body.total === 6,
      3_000,
    );
    expect(list.items.map((item: Json) => item.request_id).sort()).toEqual(
      ['obs-a-1', 'obs-a-2', 'obs-a-stream', 'obs-b-1', 'obs-b-2', 'obs-b-missing'].sort(),
    );
    const times = list.items.map((item: Json) => Date.parse(item.started_at));
    expect([...times].sort((x, y) => y - x)).toEqual(times);

    const one = await admin(suite.a, '/admin/requests/obs-a-1');
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

    const refused = await admin(suite.a, '/admin/requests/obs-b-missing');
    expect(refused).toMatchObject({ status: 404, route: null, error: { code: 'MODEL_NOT_FOUND' } });
    await admin(suite.a, '/admin/requests/never-sent', 404);
  });

  it('filters /admin/requests by route, instance, model, status code and class, time, id, and pages', async () => {
    const ids = async (query: string) =>
      ((await admin(suite.b, `/admin/requests?${query}`)).items as Json[])
        .map((item) => item.request_id)
        .sort();
    await visibleWithin(
      () => admin(suite.b, '/admin/requests'),
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
    const page = await admin(suite.b, '/admin/requests?page=2&page_size=4');
    expect(page).toMatchObject({ total: 6, page: 2, page_size: 4 });
    expect(page.items).toHaveLength(2);

    const bad = await admin(suite.b, '/admin/requests?status=abc&page_size=500&since=yesterday', 400);
    expect(bad.error.code).toBe('VALIDATION_FAILED');
    expect(bad.error.details.map((detail: Json) => detail.path).sort()).toEqual([
      'page_size',
      'since',
      'status',
    ]);
  });

  it('lists both replicas with their heartbeat', async () => {
    const replicas = await eventually(
      () => admin(suite.a, '/admin/replicas'),
      (body) => body.items.length === 2 && body.items.every((r: Json) => r.requests_served === 3),
    );
    for (const replica of replicas.items as Json[]) {
      expect(replica).toMatchObject({ pid: process.pid, stale: false, version: expect.any(String) });
      expect(replica.route_table_revision).toBeGreaterThanOrEqual(1);
    }

    // A process that stopped heartbeating (killed) stays listed, marked stale.
    await suite.a.core.dataSource.query(
      `INSERT INTO replicas (id, host, pid, version, started_at, last_seen, route_table_revision, requests_served)
       VALUES ('gone', 'old-host', 1, '0.0.1', now() - interval '1 hour', now() - interval '5 minutes', 1, 9)`,
    );
    const withGone = await admin(suite.b, '/admin/replicas');
    expect(withGone.items).toHaveLength(3);
    expect(withGone.items.find((r: Json) => r.id === 'gone')).toMatchObject({
      stale: true,
      requests_served: 9,
    });
  });
});
