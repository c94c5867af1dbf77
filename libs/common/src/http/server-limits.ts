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
/** The last request each socket's parser emitted, with its response: the one a body parse error belongs to. */
const latest = new WeakMap<Socket, { request: IncomingMessage; response: ServerResponse }>();
/**
 * After a parser error the rest of the upload is read and discarded within the same bounds as any early refusal
 * (5 s, 64 MiB): a tighter byte cap resets a client still sending a body the server would have accepted, before
 * it reads the answer.
 */
const LINGER = {};
const BAD_REQUEST = { status: 400, reason: 'Bad Request', message: 'The request is not valid HTTP.' };

/** Node's own fields: the response now owning the socket, and whether it ends the connection. */
type SocketWithMessage = Socket & { _httpMessage?: (ServerResponse & { _last?: boolean }) | null };

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
    latest.set(request.socket, { request, response });
    watchBodyIdle(request, limits.bodyIdleTimeoutMs);
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

/**
 * The parser failed on this socket. Answers in order, as pipelining requires: the answers to earlier requests go
 * out first; when one of them says `Connection: close`, nothing after it is processed (RFC 9112 §9.6), so the
 * broken request gets no answer. When the error is in the body of a request the app already received and has
 * not answered yet, the error is its answer (the app's response is detached); one it already started stands.
 */
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
  // The HTTP parser is done with this socket: what still arrives is discarded.
  socket.removeAllListeners('data');
  socket.on('data', () => undefined);
  afterEarlierAnswers(socket as SocketWithMessage, (pending) => {
    if (!socket.writable) return;
    const last = latest.get(socket);
    // The broken request's own response: still to be written, or already written before the parser failed.
    const owner = pending ?? (last !== undefined && !last.request.complete ? last.response : undefined);
    if (owner?.headersSent) {
      if (owner.writableFinished) lingerOnSocket(socket, LINGER);
      else owner.once('finish', () => lingerOnSocket(socket, LINGER));
      return;
    }
    if (owner !== undefined && (socket as SocketWithMessage)._httpMessage === owner)
      owner.detachSocket(socket);
    const known = CLIENT_ERRORS[error.code ?? ''] ?? BAD_REQUEST;
    const body = JSON.stringify(earlyErrorBody(requestPath(error.rawPacket), known.status, known.message));
    socket.write(
      `HTTP/1.1 ${known.status} ${known.reason}\r\n` +
        'Content-Type: application/json\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
    lingerOnSocket(socket, LINGER);
  });
}

/**
 * Calls `then` once every response to a complete earlier request has finished, with the response now owning the
 * socket when it belongs to the request the parser failed in (the only one whose body is incomplete); not at all
 * when an earlier answer closed the connection (`Connection: close`) or the socket went away.
 */
function afterEarlierAnswers(socket: SocketWithMessage, then: (pending?: ServerResponse) => void): void {
  const current = socket._httpMessage;
  if (current == null || !current.req.complete) {
    then(current ?? undefined);
    return;
  }
  let settled = false;
  const next = (): void => {
    if (settled) return;
    settled = true;
    if (current._last === true || socket.destroyed) return;
    afterEarlierAnswers(socket, then);
  };
  current.once('finish', next);
  current.once('close', next);
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
