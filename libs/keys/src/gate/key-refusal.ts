import { GatewayErrorCode, gatewayErrorStatus, type GatewayError } from '@switchboard/common/errors';
import type { Protocol } from '@switchboard/protocols';

export interface KeyRefusal {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

/**
 * A gate refusal in the client's protocol. OpenAI: 401 `invalid_api_key`, 403 `model_not_allowed`, 429
 * `rate_limit_exceeded` (type `requests`/`tokens`) or type and code `insufficient_quota`. Anthropic:
 * `authentication_error`, `permission_error`, `rate_limit_error`.
 */
export function keyRefusal(protocol: Protocol, error: GatewayError): KeyRefusal {
  const status = gatewayErrorStatus(error);
  const headers = { ...error.headers };
  if (status === 401) headers['www-authenticate'] = 'Bearer realm="switchboard"';
  if (protocol === 'anthropic-messages') {
    return {
      status,
      headers,
      body: { type: 'error', error: { type: anthropicType(status), message: error.message } },
    };
  }
  const { type, code } = openAiTypeAndCode(error);
  return { status, headers, body: { error: { message: error.message, type, param: null, code } } };
}

function anthropicType(status: number): string {
  if (status === 401) return 'authentication_error';
  if (status === 403) return 'permission_error';
  return 'rate_limit_error';
}

function openAiTypeAndCode(error: GatewayError): { type: string; code: string } {
  switch (error.code) {
    case GatewayErrorCode.MODEL_NOT_ALLOWED:
      return { type: 'invalid_request_error', code: 'model_not_allowed' };
    case GatewayErrorCode.RATE_LIMITED:
      return { type: error.upstreamType ?? 'requests', code: 'rate_limit_exceeded' };
    case GatewayErrorCode.QUOTA_EXCEEDED:
      return { type: 'insufficient_quota', code: 'insufficient_quota' };
    default:
      return { type: 'invalid_request_error', code: 'invalid_api_key' };
  }
}
