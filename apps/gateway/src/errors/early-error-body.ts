import { type EarlyErrorBody } from '@switchboard/common/http';

/**
 * The error body for a data-plane request Node rejected before any handler ran (oversized headers, malformed
 * HTTP), in the protocol its path names: Anthropic for /v1/messages…, OpenAI for the rest of the data plane.
 */
export const gatewayEarlyErrorBody: EarlyErrorBody = (path, status, message) => {
  const type = status === 408 ? 'timeout_error' : 'invalid_request_error';
  if (/^\/+v1\/messages(\/|\?|$)/.test(path)) {
    return { type: 'error', error: { type, message } };
  }
  return { error: { message, type, param: null, code: status === 431 ? 'request_headers_too_large' : null } };
};
