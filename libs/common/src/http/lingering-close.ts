import { type IncomingMessage, type ServerResponse } from 'node:http';
import { type Socket } from 'node:net';

/** How long and how much of an unwanted request body is read and thrown away before the socket is closed. */
export interface LingerLimits {
  /** Default 5000 ms (nginx lingering_timeout is 5 s). */
  maxMs?: number;
  /** Default 64 MiB. */
  maxBytes?: number;
}

const DEFAULT_MAX_MS = 5000;
const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

/**
 * For an early error sent before the request body was read (413, 401…): marks the response `Connection: close`,
 * then, instead of Node's close-at-once (which makes the kernel answer the body still in flight with a reset,
 * so http clients, fetch and the SDKs never read the error), half-closes the socket after the response and reads
 * and discards the rest of the body within the limits, as nginx's lingering close does. Call it before writing.
 */
export function lingeringClose(
  request: IncomingMessage,
  response: ServerResponse,
  limits: LingerLimits = {},
): void {
  if (!response.headersSent) response.setHeader('Connection', 'close');
  const socket = request.socket;
  // Node ends a `Connection: close` response with socket.destroySoon(): half-close instead, and linger.
  socket.destroySoon = () => lingerOnSocket(socket, limits);
  request.on('error', () => undefined);
  request.resume();
}

/**
 * Half-closes a socket (our side is done) and discards what the peer still sends, until it closes its side,
 * `maxBytes` arrive or `maxMs` pass; then destroys it. Also for raw sockets (errors written before HTTP parsing).
 */
export function lingerOnSocket(socket: Socket, limits: LingerLimits = {}): void {
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_BYTES;
  let discarded = 0;
  const done = () => {
    clearTimeout(timer);
    socket.destroy();
  };
  const timer = setTimeout(done, limits.maxMs ?? DEFAULT_MAX_MS);
  timer.unref();
  socket.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > maxBytes) done();
  });
  socket.once('end', done);
  socket.once('close', () => clearTimeout(timer));
  socket.on('error', done);
  if (socket.writable) socket.end();
  socket.resume();
}
