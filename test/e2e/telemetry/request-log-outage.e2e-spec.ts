import { processTelemetry } from '@switchboard/telemetry';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { eventually } from '../../support/eventually';
import { reply, startAnthropicMock, type AnthropicMock } from '../../support/mock-upstreams';
import { parsePrometheusText } from '../../support/prometheus-text';
import { startSwitchboard, type RunningSwitchboard } from '../../support/switchboard';
import { startTcpProxy, type TcpProxy } from '../../support/tcp-proxy';
import { anthropicInstance, routeFor, uniqueModel } from '../data-plane/support/route-builders';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The request log while Postgres is unreachable: the gateway's database connection goes through a loopback
 * TCP proxy that the test cuts and restores. Serving continues, the queue (REQUEST_LOG_QUEUE_SIZE=5) keeps
 * the newest records and counts the dropped ones, and writing resumes once the database is back.
 */
describe('request log under a Postgres outage', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let upstream: AnthropicMock;
  let sb: RunningSwitchboard;
  const model = uniqueModel('outage');

  const admin = async (path: string): Promise<Json> => {
    const response = await fetch(`${sb.adminUrl}${path}`, {
      headers: { authorization: `Bearer ${sb.adminToken}` },
    });
    return (await response.json()) as Json;
  };
  const send = (requestId: string) =>
    fetch(`${sb.gatewayUrl}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': requestId },
      body: JSON.stringify({ model, messages: [{ role: 'user', content: 'hi' }] }),
    });
  const dropped = async () => {
    const text = await (await fetch(`${await processTelemetry(sb.core).metricsUrl()}/metrics`)).text();
    return parsePrometheusText(text).sum('switchboard_request_log_dropped_total');
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    const url = new URL(database.url);
    proxy = await startTcpProxy(url.hostname, Number(url.port || 5432));
    url.host = `127.0.0.1:${proxy.port}`;
    upstream = await startAnthropicMock();
    upstream.reply(reply.text('ok'));
    sb = await startSwitchboard({
      env: {
        DATABASE_URL: url.toString(),
        ...(database.embedded ? { DB_POOL_SIZE: '1' } : {}),
        REQUEST_LOG_QUEUE_SIZE: '5',
        TELEMETRY_FLUSH_INTERVAL_MS: '200',
        LOG_LEVEL: 'fatal',
      },
    });
    const created = await fetch(`${sb.adminUrl}/admin/routes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sb.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(routeFor(model, [anthropicInstance('only', upstream.url)])),
    });
    expect(created.status).toBe(201);
  }, 60_000);

  afterAll(async () => {
    proxy?.restore();
    await sb?.close();
    await Promise.allSettled([proxy?.close(), upstream?.close(), database?.drop()]);
  });

  it('keeps serving, drops the oldest records beyond the queue, counts them, and resumes writing', async () => {
    for (const id of ['before-1', 'before-2']) expect((await send(id)).status).toBe(200);
    await eventually(
      () => admin(`/admin/requests?model=${model}`),
      (body) => body.total === 2,
      3_000,
    );

    proxy.cut();
    const during = Array.from({ length: 8 }, (_, i) => `during-${i + 1}`);
    for (const id of during) expect((await send(id)).status).toBe(200);
    expect(await eventually(dropped, (count) => count === 3)).toBe(3);

    proxy.restore();
    const logged = await eventually(
      () => admin(`/admin/requests?model=${model}&page_size=100`),
      (body) => body.total === 7,
      10_000,
    );
    const ids = (logged.items as Json[]).map((item) => item.request_id).sort();
    // The three oldest of the outage were dropped; the five newest waited in the queue.
    expect(ids).toEqual(['before-1', 'before-2', ...during.slice(3)].sort());
    expect((await send('after-1')).status).toBe(200);
    await eventually(
      () => admin(`/admin/requests?request_id=after-1`),
      (body) => body.total === 1,
      3_000,
    );
    expect(await dropped()).toBe(3);
  });
});
