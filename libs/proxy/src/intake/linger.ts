import type { IncomingMessage } from 'node:http';

/** How long, and how many bytes, a refused upload is still read (and discarded) before the socket closes. */
export const LINGER_MS = 5_000;
export const LINGER_BYTES = 64 << 20;

/**
 * Lingering close, as nginx does after an early 413: keep reading and discarding the rest of the request body,
 * for a bounded time and size, so that a client still sending (Node's fetch, the SDKs) can finish its write and
 * then read the answer instead of getting a reset. Calls `done` when the body ended or a bound was hit.
 */
export function drainThen(req: IncomingMessage, done: () => void): void {
  if (req.complete) {
    done();
    return;
  }
  let seen = 0;
  let finished = false;
  const finish = (): void => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    req.off('data', onData);
    req.off('end', finish);
    req.off('close', finish);
    done();
  };
  const onData = (chunk: Buffer): void => {
    seen += chunk.length;
    if (seen > LINGER_BYTES) finish();
  };
  const timer = setTimeout(finish, LINGER_MS);
  req.on('data', onData);
  req.once('end', finish);
  req.once('close', finish);
  req.resume();
}
