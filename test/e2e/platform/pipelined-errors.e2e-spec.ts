import { connect, type Socket } from 'node:net';
import { exchange, parseResponses, type RawResponse } from '../../fuzz/raw-http';
import { startSwitchboard, type RunningSwitchboard } from '../../support/switchboard';

const port = (url: string) => Number(new URL(url).port);
const BAD_CHUNK = 'Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n';

/** Everything the server sends on one connection until it closes it. */
function readUntilClosed(socket: Socket): Promise<RawResponse[]> {
  return new Promise((resolve) => {
    let received = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => (received = Buffer.concat([received, chunk])));
    socket.on('error', () => undefined);
    socket.once('close', () => resolve(parseResponses(received)));
  });
}

/** Resolves once `count` complete responses arrived on the socket. */
function responsesArrived(socket: Socket, count: number): Promise<void> {
  return new Promise((resolve) => {
    let received = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (parseResponses(received).length < count) return;
      socket.off('data', onData);
      resolve();
    };
    socket.on('data', onData);
  });
}

describe('early errors on a connection carrying more than one request', () => {
  let sb: RunningSwitchboard;

  beforeAll(async () => {
    sb = await startSwitchboard();
  });
  afterAll(() => sb?.close());

  it('answers a bad chunk size in a request the admin refuses early with one 400, then closes', async () => {
    const result = await exchange(
      port(sb.adminUrl),
      [
        Buffer.from(
          `PATCH /admin/routes/%00 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${sb.adminToken}\r\n` +
            'Content-Type: application/json\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n',
        ),
        Buffer.from('zz\r\n{}\r\n0\r\n\r\n'),
      ],
      1,
    );
    expect(result.failure).toBeUndefined();
    expect(result.responses.map((response) => response.status)).toEqual([400]);
    expect(result.responses[0].headers.connection).toBe('close');
    const body = JSON.parse(result.responses[0].body) as { error: Record<string, unknown> };
    expect(body.error).toEqual(
      expect.objectContaining({ code: expect.any(String), message: expect.any(String), details: [] }),
    );
  });

  it('lets a client that reads only after sending its whole body read the 431 for its oversized headers', async () => {
    const socket = connect(port(sb.gatewayUrl), '127.0.0.1');
    socket.pause();
    const everything = readUntilClosed(socket);
    socket.write(
      `POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nx-filler: ${'y'.repeat(35_000)}\r\n` +
        'Content-Type: application/json\r\nConnection: close\r\nContent-Length: 4000000\r\n\r\n',
    );
    socket.write(Buffer.alloc(4_000_000, 0x20), () => socket.resume());
    const responses = await everything;
    expect(responses.map((response) => response.status)).toEqual([431]);
    expect(JSON.parse(responses[0].body).error.code).toBe('request_headers_too_large');
  });

  it('answers earlier pipelined requests before the 400 for a later malformed one', async () => {
    const result = await exchange(
      port(sb.adminUrl),
      [
        Buffer.from(
          `GET /admin/routes HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${sb.adminToken}\r\n\r\n` +
            `POST /admin/routes HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${sb.adminToken}\r\n` +
            `Content-Type: application/json\r\n${BAD_CHUNK}`,
        ),
      ],
      2,
    );
    expect(result.failure).toBeUndefined();
    expect(result.responses.map((response) => response.status)).toEqual([200, 400]);
    expect(result.responses[1].headers.connection).toBe('close');
  });

  it('does not answer a malformed request pipelined behind a data-plane refusal that closes', async () => {
    const socket = connect(port(sb.gatewayUrl), '127.0.0.1');
    const everything = readUntilClosed(socket);
    const firstAnswer = responsesArrived(socket, 1);
    const body = Buffer.alloc(200_000, 0x78);
    socket.write(
      'POST /v1/messages HTTP/1.1\r\nHost: x\r\nx-api-key: k\r\nanthropic-version: 2023-06-01\r\n' +
        `Content-Type: multipart/form-data; boundary=x\r\nContent-Length: ${body.length}\r\n\r\n`,
    );
    socket.write(body.subarray(0, 1000));
    // The 415 is sent while the upload is still arriving; the rest of it, and a broken request behind it, follow.
    await firstAnswer;
    socket.write(body.subarray(1000));
    socket.write(`POST /v1/messages HTTP/1.1\r\nHost: x\r\nx-api-key: k\r\n${BAD_CHUNK}`);
    const responses = await everything;
    expect(responses.map((response) => response.status)).toEqual([415]);
    expect(responses[0].headers.connection).toBe('close');
    expect(JSON.parse(responses[0].body)).toEqual({
      type: 'error',
      error: { type: 'invalid_request_error', message: expect.any(String) },
    });
  });
});
