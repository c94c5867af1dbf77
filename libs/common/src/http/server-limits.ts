import { type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type Socket } from 'node:net';
import { lingerOnSocket } from './lingering-close';

export interface ServerLimits {
  requestTimeoutMs: number;
  headersTimeoutMs: number;
  /** Silence allowed while a request body is being read. */
  bodyIdleTimeoutMs: number;
  maxConnections: number;
}

/** The JSON error body for a request that failed before routing, in the shape its path implies. */
export type EarlyErrorBody = (path: string, status: number, message: string) => unknown;

/** Node's parser errors and what the client is told. */
const CLIENT_ERRORS: Record<string, { status: number; reason: string; message: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    reason: 'Request Header Fields Too Large',
    message: 'Request headers are too large.',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    reason: 'Request Timeout',
    message: 'The request was not received in time.',
  },
};
const answered = new WeakSet<Socket>();
/** Sockets whose last answer said `Connection: close`: nothing after it is processed (RFC 9112 §9.6). */
const closing = new WeakSet<Socket>();
const BAD_REQUEST = { status: 400, reason: 'Bad Request', message: 'The request is not valid HTTP.' };

/**
 * Timeouts, a connection cap and JSON answers to what Node rejects before any handler runs (oversized headers,
 * malformed requests): instead of an empty body, the client gets an error it can read, then a lingering close.
 */
export function applyServerLimits(
  server: Server,
  limits: ServerLimits,
  earlyErrorBody: EarlyErrorBody,
): void {
  server.requestTimeout = limits.requestTimeoutMs;
  server.headersTimeout = limits.headersTimeoutMs;
  server.maxConnections = limits.maxConnections;
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    watchBodyIdle(request, limits.bodyIdleTimeoutMs);
    response.once('finish', () => {
      if (!response.shouldKeepAlive) closing.add(request.socket);
    });
  });
  server.on('clientError', (error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Socket) =>
    answerClientError(error, socket, earlyErrorBody),
  );
}

/** A body that stops arriving closes the connection after `idleMs`; once read, the socket has no idle limit. */
function watchBodyIdle(request: IncomingMessage, idleMs: number): void {
  if (request.complete) return;
  const socket = request.socket;
  socket.setTimeout(idleMs);
  request.once('end', () => socket.setTimeout(0));
  request.once('close', () => socket.setTimeout(0));
}

function answerClientError(
  error: NodeJS.ErrnoException & { rawPacket?: Buffer },
  socket: Socket,
  earlyErrorBody: EarlyErrorBody,
): void {
  if (error.code === 'ECONNRESET' || !socket.writable || answered.has(socket)) {
    socket.destroy();
    return;
  }
  answered.add(socket);
  if (closing.has(socket) || closingResponse(socket)) {
    // A request pipelined behind one already answered with `Connection: close`: RFC 9112 says it is not
    // processed, so it gets no answer of its own; the connection closes once the earlier answer is out.
    socket.removeAllListeners('data');
    socket.on('data', () => undefined);
    return;
  }
  // The HTTP parser is done with this socket: what still arrives is discarded by the lingering close.
  socket.removeAllListeners('data');
  const known = CLIENT_ERRORS[error.code ?? ''] ?? BAD_REQUEST;
  const body = JSON.stringify(earlyErrorBody(requestPath(error.rawPacket), known.status, known.message));
  socket.write(
    `HTTP/1.1 ${known.status} ${known.reason}\r\n` +
      'Content-Type: application/json\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
  lingerOnSocket(socket, { maxMs: 2000, maxBytes: 1024 * 1024 });
}

/** The response this socket is still writing, when it ends the connection (`Connection: close`). */
function closingResponse(socket: Socket): boolean {
  const current = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
  return current != null && !current.writableFinished && !current.shouldKeepAlive;
}

/** The request target of the first line of what was received, or '' when it cannot be read. */
function requestPath(raw: Buffer | undefined): string {
  if (raw === undefined) return '';
  const firstLine = raw.subarray(0, Math.min(raw.length, 8192)).toString('latin1').split('\r\n', 1)[0];
  const target = firstLine.split(' ')[1] ?? '';
  if (target.startsWith('/')) return target;
  try {
    return new URL(target).pathname;
  } catch {
    return '';
  }
}
