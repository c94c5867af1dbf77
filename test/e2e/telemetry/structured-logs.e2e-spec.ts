import { createTestDatabase, type TestDatabase } from '../../support/database';
import { eventually } from '../../support/eventually';
import { reply, startAnthropicMock, type AnthropicMock } from '../../support/mock-upstreams';
import { CompiledProcess, ENTRY, ensureBuilt } from '../platform/compiled-app';

jest.setTimeout(120_000);

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const SECRETS = {
  upstreamAuth: 'sk-upstream-SECRET-8f3a1c',
  adminToken: 'admin-token-SECRET-77b2e9d4',
  clientBearer: 'sk-client-bearer-SECRET-51d0',
  clientApiKey: 'sk-client-x-api-key-SECRET-a9c3',
  cookie: 'session-cookie-SECRET-0be4',
};

/**
 * A real compiled process (`npm start`'s entry point) at LOG_LEVEL=verbose with stdout a pipe: every line is
 * pino JSON, Nest's own included; exactly one access line per data-plane request; and no secret anywhere in
 * stdout or stderr.
 */
describe('structured logs of a real process', () => {
  let database: TestDatabase;
  let upstream: AnthropicMock;
  let child: CompiledProcess;
  const output = () => child.stdout + child.stderr;

  beforeAll(async () => {
    ensureBuilt();
    database = await createTestDatabase();
    upstream = await startAnthropicMock({ apiKey: SECRETS.upstreamAuth });
    upstream.reply(reply.text('fine', { usage: { input: 3, output: 2 } }));
  });
  afterAll(async () => {
    await child?.stop();
    await Promise.allSettled([upstream?.close(), database?.drop()]);
  });

  it('writes JSON lines, one access line per request, and never a secret', async () => {
    child = new CompiledProcess(ENTRY.switchboard, {
      DATABASE_URL: database.url,
      ...(database.embedded ? { DB_POOL_SIZE: '1' } : {}),
      GATEWAY_HOST: '127.0.0.1',
      GATEWAY_PORT: '0',
      ADMIN_PORT: '0',
      LOG_LEVEL: 'verbose',
      ADMIN_TOKEN: SECRETS.adminToken,
      DATA_DIR: `/tmp/switchboard-logs-${process.pid}`,
    });
    const [gatewayUrl, adminUrl] = await child.listening();
    const created = await fetch(`${adminUrl}/admin/routes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SECRETS.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'logs-route',
        models: ['logs-model'],
        instances: [
          {
            name: 'only',
            provider: 'anthropic',
            override: { endpoint: `${upstream.url}/v1/messages` },
            auth: { header: { 'x-api-key': SECRETS.upstreamAuth } },
          },
        ],
      }),
    });
    expect(created.status).toBe(201);
    expect(
      (await fetch(`${adminUrl}/admin/requests`, { headers: { 'x-api-key': SECRETS.adminToken } })).status,
    ).toBe(200);

    const headers = {
      'content-type': 'application/json',
      authorization: `Bearer ${SECRETS.clientBearer}`,
      'x-api-key': SECRETS.clientApiKey,
      cookie: `session=${SECRETS.cookie}`,
    };
    const send = (id: string, body: Json) =>
      fetch(`${gatewayUrl}/v1/chat/completions`, {
        method: 'POST',
        headers: { ...headers, 'x-request-id': id },
        body: JSON.stringify(body),
      }).then(async (response) => ({ status: response.status, text: await response.text() }));
    const messages = [{ role: 'user', content: 'hello' }];
    expect((await send('log-json', { model: 'logs-model', messages })).status).toBe(200);
    expect((await send('log-stream', { model: 'logs-model', messages, stream: true })).status).toBe(200);
    expect((await send('log-missing', { model: 'nope', messages })).status).toBe(404);

    const accessLines = () =>
      child.stdout
        .split('\n')
        .filter((line) => line.includes('"msg":"request"'))
        .map((line) => JSON.parse(line) as Json);
    await eventually(
      async () => accessLines(),
      (lines) => lines.length === 3,
    );
    await expect(child.stop()).resolves.toBe(0);

    const byId = new Map(accessLines().map((line) => [line.request_id, line]));
    expect([...byId.keys()].sort()).toEqual(['log-json', 'log-missing', 'log-stream']);
    expect(byId.get('log-json')).toMatchObject({
      level: 30,
      route: 'logs-route',
      instance: 'only',
      status: 200,
      error_code: null,
      client_protocol: 'openai-chat',
      stream: false,
      attempts: 1,
      input_tokens: 3,
      output_tokens: 2,
    });
    expect(byId.get('log-json')!.duration_ms).toBeGreaterThan(0);
    expect(byId.get('log-stream')).toMatchObject({ stream: true, status: 200 });
    expect(byId.get('log-stream')!.ttfb_ms).toBeGreaterThan(0);
    expect(byId.get('log-missing')).toMatchObject({
      status: 404,
      error_code: 'MODEL_NOT_FOUND',
      route: null,
    });

    const lines = child.stdout.split('\n').filter((line) => line !== '');
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    // Nest's own lines (framework contexts) go through pino too, debug ones (the request-record log) included.
    expect(lines.some((line) => line.includes('"context":"RoutesResolver"'))).toBe(true);
    expect(lines.some((line) => line.includes('"level":20') && line.includes('"context":"RequestRecord"'))).toBe(
      true,
    );

    for (const secret of Object.values(SECRETS)) expect(output()).not.toContain(secret);
    expect(upstream.requests.length).toBe(2);
  });

  it('prints readable lines with LOG_FORMAT=pretty', async () => {
    const pretty = new CompiledProcess(ENTRY.switchboard, {
      DATABASE_URL: database.url,
      GATEWAY_HOST: '127.0.0.1',
      GATEWAY_PORT: '0',
      ADMIN_PORT: '0',
      LOG_FORMAT: 'pretty',
      DATA_DIR: `/tmp/switchboard-logs-pretty-${process.pid}`,
    });
    try {
      await pretty.listening();
    } finally {
      await pretty.stop();
    }
    expect(pretty.stdout).toMatch(/INFO.*Listening: http/);
    expect(pretty.stdout.split('\n')[0].startsWith('{')).toBe(false);
  });
});
