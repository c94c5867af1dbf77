import { request as httpRequest } from 'node:http';
import { connect, type Socket } from 'node:net';
import { startSwitchboard, type RunningSwitchboard } from '../../support/switchboard';

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Node's http client, as the SDKs use it: a reset before the answer is read rejects instead of resolving. */
function send(
  url: string,
  path: string,
  options: { headers?: Record<string, string>; body?: Buffer },
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      `${url}${path}`,
      { method: options.body ? 'POST' : 'GET', headers: options.headers },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

const port = (url: string) => Number(new URL(url).port);
const closed = (socket: Socket) => new Promise<void>((resolve) => socket.once('close', () => resolve()));
const opened = (socket: Socket) => new Promise<void>((resolve) => socket.once('connect', () => resolve()));

describe('server limits on both listeners', () => {
  let sb: RunningSwitchboard;
  const hugeHeader = { 'x-filler': 'x'.repeat(20_000) };

  beforeAll(async () => {
    sb = await startSwitchboard({
      env: { MAX_BODY_SIZE: '64kb', BODY_IDLE_TIMEOUT_MS: '1000', MAX_CONNECTIONS: '20' },
    });
  });
  afterAll(() => sb?.close());

  it('answers oversized headers with 431 and a JSON body in the shape the path names', async () => {
    const anthropic = await send(sb.gatewayUrl, '/v1/messages', { headers: hugeHeader });
    expect(anthropic.status).toBe(431);
    expect(anthropic.headers['content-type']).toBe('application/json');
    expect(JSON.parse(anthropic.body)).toEqual({
      type: 'error',
      error: { type: 'invalid_request_error', message: 'Request headers are too large.' },
    });

    const openai = await send(sb.gatewayUrl, '/v1/chat/completions', { headers: hugeHeader });
    expect(openai.status).toBe(431);
    expect(JSON.parse(openai.body)).toEqual({
      error: {
        message: 'Request headers are too large.',
        type: 'invalid_request_error',
        param: null,
        code: 'request_headers_too_large',
      },
    });

    const admin = await send(sb.adminUrl, '/admin/routes', { headers: hugeHeader });
    expect(admin.status).toBe(431);
    expect(JSON.parse(admin.body)).toEqual({
      error: { code: 'REQUEST_HEADERS_TOO_LARGE', message: 'Request headers are too large.', details: [] },
    });
  });

  it('lets a client without the admin token read its 401 while it is still sending a large body', async () => {
    const answer = await send(sb.adminUrl, '/admin/routes', {
      headers: { 'content-type': 'application/json' },
      body: Buffer.alloc(8 * 1024 * 1024, 0x20),
    });
    expect(answer.status).toBe(401);
    expect(answer.headers.connection).toBe('close');
    expect(JSON.parse(answer.body).error.code).toBe('UNAUTHORIZED');
  });

  it('lets a client read the admin 413 for a body over MAX_BODY_SIZE', async () => {
    const answer = await send(sb.adminUrl, '/admin/routes', {
      headers: { 'content-type': 'application/json', authorization: `Bearer ${sb.adminToken}` },
      body: Buffer.alloc(4 * 1024 * 1024, 0x20),
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('closes a connection whose body stops arriving after BODY_IDLE_TIMEOUT_MS', async () => {
    const socket = connect(port(sb.adminUrl), '127.0.0.1');
    await opened(socket);
    const started = Date.now();
    socket.write(
      'POST /admin/routes HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
        `Authorization: Bearer ${sb.adminToken}\r\nContent-Length: 100\r\n\r\n{"name":`,
    );
    await closed(socket);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses connections past MAX_CONNECTIONS and serves again once they close', async () => {
    const sockets: Socket[] = [];
    for (let index = 0; index < 20; index++) {
      const socket = connect(port(sb.gatewayUrl), '127.0.0.1');
      socket.on('error', () => undefined);
      sockets.push(socket);
      await opened(socket);
    }
    const extra = connect(port(sb.gatewayUrl), '127.0.0.1');
    extra.on('error', () => undefined);
    await closed(extra);
    await Promise.all(sockets.map((socket) => (socket.destroy(), closed(socket))));
    const health = await fetch(`${sb.gatewayUrl}/healthz`);
    expect(health.status).toBe(200);
  });
});
