import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface RawExchange {
  responses: RawResponse[];
  /** Set when the connection failed (reset, timeout) before every expected response arrived. */
  failure?: string;
}

/**
 * Writes `chunks` to a fresh loopback connection (one write per chunk, with a turn of the event loop between,
 * so chunk boundaries are real) and reads until the server closes, or `expected` responses are complete.
 */
export function exchange(
  port: number,
  chunks: Buffer[],
  expected: number,
  timeoutMs = 15_000,
): Promise<RawExchange> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let received = Buffer.alloc(0);
    let settled = false;
    const finish = (failure?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const responses = parseResponses(received);
      resolve({
        responses,
        failure:
          failure ??
          (responses.length < expected
            ? `connection closed after ${responses.length}/${expected} responses`
            : undefined),
      });
    };
    const timer = setTimeout(() => finish(`no complete answer within ${timeoutMs} ms`), timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (parseResponses(received).length >= expected) finish();
    });
    socket.on('end', () => finish());
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // A reset after every response arrived loses nothing the client needed.
      finish(parseResponses(received).length >= expected ? undefined : `${error.code ?? error.message}`);
    });
    socket.on('connect', async () => {
      for (const chunk of chunks) {
        if (socket.destroyed) return;
        socket.write(chunk);
        await new Promise((next) => setImmediate(next));
      }
    });
  });
}

/** Complete HTTP/1.1 responses at the start of `data` (Content-Length, chunked, or close-delimited at the end). */
export function parseResponses(data: Buffer): RawResponse[] {
  const responses: RawResponse[] = [];
  let offset = 0;
  while (offset < data.length) {
    const headerEnd = data.indexOf('\r\n\r\n', offset);
    if (headerEnd < 0) break;
    const [statusLine, ...lines] = data.subarray(offset, headerEnd).toString('latin1').split('\r\n');
    const status = Number(statusLine.split(' ')[1]);
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    let bodyStart = headerEnd + 4;
    let body: Buffer;
    if (headers['content-length'] !== undefined) {
      const end = bodyStart + Number(headers['content-length']);
      if (end > data.length) break;
      body = data.subarray(bodyStart, end);
      offset = end;
    } else if (/chunked/i.test(headers['transfer-encoding'] ?? '')) {
      const parts: Buffer[] = [];
      let complete = false;
      while (true) {
        const lineEnd = data.indexOf('\r\n', bodyStart);
        if (lineEnd < 0) break;
        const size = parseInt(data.subarray(bodyStart, lineEnd).toString('latin1'), 16);
        if (Number.isNaN(size)) break;
        if (size === 0) {
          const trailerEnd = data.indexOf('\r\n', lineEnd + 2);
          if (trailerEnd < 0) break;
          bodyStart = trailerEnd + 2;
          complete = true;
          break;
        }
        if (lineEnd + 2 + size + 2 > data.length) break;
        parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
        bodyStart = lineEnd + 2 + size + 2;
      }
      if (!complete) break;
      body = Buffer.concat(parts);
      offset = bodyStart;
    } else if (status === 204 || status === 304) {
      body = Buffer.alloc(0);
      offset = bodyStart;
    } else {
      break;
    }
    responses.push({ status, headers, body: body.toString('utf8') });
  }
  return responses;
}
