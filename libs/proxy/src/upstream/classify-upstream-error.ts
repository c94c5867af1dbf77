import type { AttemptFailure } from '../fallback/attempt-failure';

/** Why the gateway itself cut an attempt short (its own timers and the client going away). */
export type AbortCause = 'total' | 'first_byte' | 'client' | 'shutdown';

const TIMEOUT_CODES: Readonly<Record<string, 'connect' | 'first_byte' | 'idle'>> = {
  UND_ERR_CONNECT_TIMEOUT: 'connect',
  UND_ERR_HEADERS_TIMEOUT: 'first_byte',
  UND_ERR_BODY_TIMEOUT: 'idle',
  ETIMEDOUT: 'connect',
};

const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'ECONNABORTED']);

function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'UND_ERR_ABORTED') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Turn an undici/network error (or the gateway's own abort) into an attempt failure. */
export function classifyUpstreamError(error: unknown, abortCause: AbortCause | undefined): AttemptFailure {
  if (abortCause === 'total') return { kind: 'timeout', phase: 'total', message: 'total timeout' };
  if (abortCause === 'shutdown')
    return { kind: 'network', reason: 'other', message: 'the gateway is shutting down' };
  if (abortCause === 'first_byte')
    return { kind: 'timeout', phase: 'first_byte', message: 'first-byte timeout' };
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  if (code !== undefined) {
    const phase = TIMEOUT_CODES[code];
    if (phase !== undefined) return { kind: 'timeout', phase, message };
    if (code === 'ECONNREFUSED') return { kind: 'network', reason: 'refused', message };
    if (RESET_CODES.has(code)) return { kind: 'network', reason: 'reset', message };
  }
  return { kind: 'network', reason: 'other', message };
}
