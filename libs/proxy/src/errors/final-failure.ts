import { GatewayError, GatewayErrorCode } from '@switchboard/common/errors';
import type { Protocol } from '@switchboard/protocols';
import { describeFailure, type AttemptFailure } from '../fallback/attempt-failure';
import { attemptErrorCode } from './attempt-error-code';

export interface TriedInstance {
  name: string;
  failure: AttemptFailure;
}

/**
 * What the client gets when no attempt succeeded: the last failure's status if it is 429 or 5xx (retry-after
 * kept; 529 becomes 503 toward OpenAI Chat and Responses clients), 504 for a timeout, 502 for a refused or reset connection or any
 * other status. The message names every instance tried.
 */
export function finalFailure(tried: readonly TriedInstance[], clientProtocol: Protocol): GatewayError {
  const last = tried[tried.length - 1].failure;
  const attempts = tried.map((t) => `${t.name} (${describeFailure(t.failure)}${upstreamMessage(t.failure)})`);
  const lead =
    tried.length === 1 ? 'The upstream request failed' : `All ${tried.length} upstream attempts failed`;
  const message = `${lead}: ${attempts.join(', ')}`;
  if (last.kind !== 'status') return new GatewayError(attemptErrorCode(last), message);
  if (last.status === 429 || (last.status >= 500 && last.status <= 599)) {
    return new GatewayError(GatewayErrorCode.UPSTREAM_ERROR, message, {
      upstreamStatus: last.status === 529 && clientProtocol !== 'anthropic-messages' ? 503 : last.status,
      headers: last.retryAfter === undefined ? undefined : { 'retry-after': last.retryAfter },
    });
  }
  // Any other status is the upstream's answer to the gateway, not to the client: a bad gateway.
  return new GatewayError(
    last.status === 401 || last.status === 403
      ? GatewayErrorCode.UPSTREAM_AUTH_FAILED
      : GatewayErrorCode.UPSTREAM_ERROR,
    message,
  );
}

function upstreamMessage(failure: AttemptFailure): string {
  if (failure.kind !== 'status') return '';
  const body = failure.body as { error?: { message?: unknown } } | string | null | undefined;
  let text: unknown;
  if (typeof body === 'string') text = body;
  else if (body && typeof body === 'object' && body.error && typeof body.error === 'object') {
    text = body.error.message;
  }
  if (typeof text !== 'string' || text.length === 0) return '';
  const clipped = text.length > 200 ? `${text.slice(0, 200)}…` : text;
  return `: ${clipped}`;
}

/**
 * No instance of the route could be tried at all. `unreadableSecrets`: enabled instances left out because their
 * stored secret cannot be decrypted, named so the operator sees the cause (a wrong or missing SECRETS_KEY).
 */
export function noInstanceError(
  route: string,
  endpoint: string,
  unreadableSecrets: readonly string[] = [],
): GatewayError {
  const cause =
    unreadableSecrets.length === 0
      ? ''
      : ` (left out: ${unreadableSecrets.map((name) => `'${name}'`).join(', ')}, whose stored secret no ` +
        'SECRETS_KEY or SECRETS_KEY_PREVIOUS decrypts)';
  return endpoint === 'count_tokens'
    ? new GatewayError(
        GatewayErrorCode.NO_COMPATIBLE_INSTANCE,
        `Route '${route}' has no anthropic-messages instance to count tokens with${cause}.`,
      )
    : new GatewayError(
        GatewayErrorCode.NO_AVAILABLE_INSTANCE,
        `Route '${route}' has no instance that can take traffic${cause}.`,
      );
}
