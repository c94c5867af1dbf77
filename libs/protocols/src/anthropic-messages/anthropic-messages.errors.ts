import type { AnthropicErrorBody } from './anthropic-messages.types';

/** `{"type":"error","error":{type,message}}`. */
export function anthropicErrorBody(type: string, message: string): AnthropicErrorBody {
  return { type: 'error', error: { type, message } };
}

/** Anthropic status → error `type` (conversion-spec §8). */
export function anthropicErrorTypeForStatus(status: number): string {
  switch (status) {
    case 400:
    case 422:
      return 'invalid_request_error';
    case 401:
      return 'authentication_error';
    case 402:
      return 'billing_error';
    case 403:
      return 'permission_error';
    case 404:
      return 'not_found_error';
    case 409:
      return 'conflict_error';
    case 413:
      return 'request_too_large';
    case 429:
      return 'rate_limit_error';
    case 504:
      return 'timeout_error';
    case 502:
    case 503:
    case 529:
      return 'overloaded_error';
    default:
      return status >= 500 ? 'api_error' : 'invalid_request_error';
  }
}

/** True when `body` already has the Anthropic error shape. */
export function isAnthropicErrorBody(body: unknown): body is AnthropicErrorBody {
  if (typeof body !== 'object' || body === null) return false;
  const { type, error } = body as { type?: unknown; error?: unknown };
  return (
    type === 'error' &&
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { type?: unknown }).type === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}
