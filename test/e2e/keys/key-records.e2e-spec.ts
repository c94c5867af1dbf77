import { RequestRecordBus, type RequestRecord } from '@switchboard/proxy';
import type { Subscription } from 'rxjs';
import { eventually } from '../../support/eventually';
import { reply, startOpenAiMock, type OpenAiMock } from '../../support/mock-upstreams';
import { openAiInstance, routeFor, uniqueModel } from '../data-plane/support/route-builders';
import { captureOutput } from './support/capture-output';
import { startKeysSwitchboard, type CreatedKey, type KeysHarness } from './support/keys-harness';

const RATE_HEADERS = [
  'x-ratelimit-limit-requests',
  'x-ratelimit-remaining-requests',
  'x-ratelimit-reset-requests',
  'x-ratelimit-limit-tokens',
  'x-ratelimit-remaining-tokens',
  'x-ratelimit-reset-tokens',
];

function rateHeaders(response: Response): Record<string, string | null> {
  return Object.fromEntries(RATE_HEADERS.map((name) => [name, response.headers.get(name)]));
}

describe('keyed requests: rate-limit headers on every answer, the key on every record', () => {
  let mock: OpenAiMock;
  let sb: KeysHarness;
  let model: string;
  let key: CreatedKey;
  const records: RequestRecord[] = [];
  let subscription: Subscription;
  const output = captureOutput();

  beforeAll(async () => {
    mock = await startOpenAiMock();
    sb = await startKeysSwitchboard({ TELEMETRY_FLUSH_INTERVAL_MS: '200', LOG_LEVEL: 'log' });
    subscription = sb.switchboard.gatewayApp
      .get(RequestRecordBus)
      .records$.subscribe((record) => records.push(record));
    model = uniqueModel('gpt-records');
    await sb.createRoute(routeFor(model, [openAiInstance('gpt-records', mock.url)]));
    key = await sb.createKey({ name: 'records-team', models: ['gpt-*'], rpm: 8, tpm: 100_000 });
  });
  afterAll(async () => {
    subscription?.unsubscribe();
    output.stop();
    await sb?.close();
    await mock?.close();
  });

  const post = (body: Record<string, unknown>, secret: string = key.key) =>
    fetch(`${sb.gatewayUrl}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'hi' }], ...body }),
    });
  const recordOf = (id: string | null) =>
    eventually(
      async () => records.find((record) => record.request_id === id),
      (record) => record !== undefined,
    ) as Promise<RequestRecord>;

  it('carries x-ratelimit-* on a success, a stream, an upstream error and an unknown model', async () => {
    mock.reply(reply.text('fine'));
    const plain = await post({ model });
    expect(plain.status).toBe(200);
    expect(rateHeaders(plain)).toEqual({
      'x-ratelimit-limit-requests': '8',
      'x-ratelimit-remaining-requests': '7',
      'x-ratelimit-reset-requests': expect.stringMatching(/^\d+s$/),
      'x-ratelimit-limit-tokens': '100000',
      'x-ratelimit-remaining-tokens': '100000',
      'x-ratelimit-reset-tokens': expect.stringMatching(/^\d+s$/),
    });
    await plain.text();

    const stream = await post({ model, stream: true });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    expect(stream.headers.get('x-ratelimit-remaining-requests')).toBe('6');
    expect(await stream.text()).toContain('data: [DONE]');

    mock.reply(reply.error(500, { message: 'upstream broke' }));
    const broken = await post({ model });
    expect(broken.status).toBeGreaterThanOrEqual(500);
    expect(broken.headers.get('x-ratelimit-remaining-requests')).toBe('5');
    expect(broken.headers.get('x-ratelimit-limit-tokens')).toBe('100000');
    await broken.text();

    const unknown = await post({ model: 'gpt-no-such-route' });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('x-ratelimit-remaining-requests')).toBe('4');
    await unknown.text();
    mock.reply(reply.text('fine'));
  });

  it('publishes a record for refused keyed requests: 401 without a key, 403 and 429 with it', async () => {
    const unauthorized = await post({ model }, 'sk-sb-not-a-real-key-000000000000000000');
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers.get('www-authenticate')).toBe('Bearer realm="switchboard"');
    expect(unauthorized.headers.get('x-ratelimit-limit-requests')).toBeNull();
    const unauthorizedRecord = await recordOf(unauthorized.headers.get('x-request-id'));
    expect(unauthorizedRecord).toMatchObject({
      status: 401,
      key: null,
      model,
      route: null,
      error: { code: 'INVALID_API_KEY' },
    });
    expect(unauthorizedRecord.attempts).toHaveLength(0);

    const forbidden = await post({ model: 'claude-elsewhere' });
    expect(forbidden.status).toBe(403);
    // Not counted (the 404 above left 4 of 8), but the windows are still reported.
    expect(forbidden.headers.get('x-ratelimit-remaining-requests')).toBe('4');
    expect(forbidden.headers.get('x-ratelimit-limit-tokens')).toBe('100000');
    expect(await forbidden.json()).toEqual({
      error: {
        message: "This key may not use the model 'claude-elsewhere'.",
        type: 'invalid_request_error',
        param: null,
        code: 'model_not_allowed',
      },
    });
    expect(await recordOf(forbidden.headers.get('x-request-id'))).toMatchObject({
      status: 403,
      key: { id: key.id, name: 'records-team' },
      error: { code: 'MODEL_NOT_ALLOWED' },
    });

    let limited: Response | undefined;
    for (let sent = 0; sent < 10 && limited === undefined; sent += 1) {
      const response = await post({ model, stream: true });
      if (response.status === 429) limited = response;
      else await response.text();
    }
    expect(limited).toBeDefined();
    expect(limited!.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(limited!.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(await limited!.json()).toMatchObject({
      error: { type: 'requests', code: 'rate_limit_exceeded', param: null },
    });
    const limitedRecord = await recordOf(limited!.headers.get('x-request-id'));
    expect(limitedRecord).toMatchObject({
      status: 429,
      stream: false,
      key: { id: key.id, name: 'records-team' },
      error: { code: 'RATE_LIMITED' },
    });
    expect(limitedRecord.attempts).toHaveLength(0);
  });

  it('shows the key name in the request log, in stats grouped by key, and in the access log line', async () => {
    const log = await eventually(
      () => sb.admin('GET', `/admin/requests?key=records-team&page_size=100`),
      (answer) =>
        answer.status === 200 &&
        (answer.body.items as { status: number }[]).some((item) => item.status === 429),
    );
    for (const item of log.body.items as { key: unknown }[])
      expect(item.key).toEqual({ id: key.id, name: 'records-team' });

    const stats = await eventually(
      () =>
        sb.admin('GET', `/admin/stats?group_by=key&since=${new Date(Date.now() - 3_600_000).toISOString()}`),
      (answer) => answer.status === 200 && JSON.stringify(answer.body).includes('"key_name":"records-team"'),
    );
    expect(JSON.stringify(stats.body)).toContain(`"key_id":"${key.id}"`);

    const accessLines = output
      .text()
      .split('\n')
      .filter((line) => line.includes('"context":"Access"') && line.includes('"key":"records-team"'));
    expect(accessLines.length).toBeGreaterThanOrEqual(4);

    // Usage and last use reach Postgres in batches, off the request path.
    const view = await eventually(
      () => sb.admin('GET', `/admin/keys/${key.id}`),
      (answer) => answer.body.last_used_at !== null && answer.body.usage.total > 0,
    );
    expect(Date.parse(view.body.last_used_at)).toBeGreaterThan(Date.now() - 60_000);
    const { day, month, total } = view.body.usage as { day: number; month: number; total: number };
    expect(day).toBeGreaterThan(0);
    expect(day <= month && month <= total).toBe(true);
    expect(output.text()).not.toContain(key.key);
  });
});
