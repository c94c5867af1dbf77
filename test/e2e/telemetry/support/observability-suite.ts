import OpenAI from 'openai';
import { DataPlaneTelemetry } from '@switchboard/telemetry';
import { createTestDatabase, type TestDatabase } from '../../../support/database';
import { eventually } from '../../../support/eventually';
import { reply, startAnthropicMock, type AnthropicMock } from '../../../support/mock-upstreams';
import { startSwitchboard, type RunningSwitchboard } from '../../../support/switchboard';
import { anthropicInstance, routeFor, uniqueModel } from '../../data-plane/support/route-builders';

export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const USAGE = { input: 11, output: 7, cacheRead: 0, cacheWrite: 0 };

/** `a` and `b` are filled in by the suite's beforeAll: read them in hooks and tests, never at describe time. */
export interface ObservabilitySuite {
  a: RunningSwitchboard;
  b: RunningSwitchboard;
  /** The model of the one route: primary (failing with 503) first, then secondary. */
  model: string;
  /** A minute before the traffic was sent. */
  startedAt: string;
  admin(sb: RunningSwitchboard, path: string, expected?: number): Promise<Json>;
  /** `eventually`, saying where each replica's request-log records are when the window is missed. */
  visibleWithin<T>(probe: () => Promise<T>, done: (value: T) => boolean, ms: number): Promise<T>;
}

/**
 * Issue 12 end to end: two gateway processes on ONE Postgres database serve known traffic (a, b: three and two
 * requests on the route, each falling back once; one request for a model nowhere on b) before the tests run.
 */
export function observabilitySuite(): ObservabilitySuite {
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

  return {
    get a() {
      return a;
    },
    get b() {
      return b;
    },
    model,
    startedAt,
    admin,
    visibleWithin,
  };
}
