import { asString, isJsonObject } from '@switchboard/protocols';

const MAX_RAW_MESSAGE = 500;

/**
 * A human-readable message from whatever an upstream sent with its error status: a protocol error body, a
 * `{message}` object, or raw text (an HTML page from a load balancer is cut short).
 */
export function upstreamErrorMessage(status: number, body: unknown): string {
  if (isJsonObject(body)) {
    const error = body.error;
    if (isJsonObject(error)) {
      const message = asString(error.message);
      if (message) return message;
    }
    if (typeof error === 'string' && error.length > 0) return error;
    const message = asString(body.message) ?? asString(body.detail);
    if (message) return message;
  }
  if (typeof body === 'string') {
    const text = body.trim();
    if (text.length > 0) {
      return text.length > MAX_RAW_MESSAGE ? `${text.slice(0, MAX_RAW_MESSAGE)}…` : text;
    }
  }
  return `Upstream returned HTTP ${status}`;
}

/** The upstream's own error `type` (either protocol), when it sent one. */
export function upstreamErrorType(body: unknown): string | undefined {
  if (!isJsonObject(body)) return undefined;
  const error = body.error;
  return isJsonObject(error) ? asString(error.type) : undefined;
}

export function upstreamErrorCode(body: unknown): string | undefined {
  if (!isJsonObject(body)) return undefined;
  const error = body.error;
  if (!isJsonObject(error)) return undefined;
  const code = error.code;
  return typeof code === 'string' ? code : typeof code === 'number' ? String(code) : undefined;
}
