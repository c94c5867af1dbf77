/** Socket-level failures: the server is down, unreachable or went away. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/**
 * SQLSTATEs meaning "not now" rather than "wrong query": connection exceptions (08…), operator intervention
 * (57P01-57P05: shutdown, crash, cannot connect now), too many connections (53300), statement timeout (57014).
 */
const UNAVAILABLE_SQLSTATES = /^(08...|57P0[1-5]|53300|57014)$/;

/** node-postgres' own messages when a connection or a read times out or the socket closes under it. */
const DRIVER_MESSAGES =
  /timeout exceeded when trying to connect|Connection terminated|Query read timeout|Client has encountered a connection error|connection timeout/i;

/** True when an error (or the driver error a TypeORM error wraps) means the database cannot answer now. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, hops = 0; typeof current === 'object' && current !== null && hops < 4; hops++) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATES.test(code)))
      return true;
    if (typeof message === 'string' && DRIVER_MESSAGES.test(message)) return true;
    const inner = current as { driverError?: unknown; cause?: unknown };
    current = inner.driverError ?? inner.cause;
  }
  return false;
}
