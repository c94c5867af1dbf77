import { type EarlyErrorBody } from '@switchboard/common/http';
import { clientErrorBody, type Protocol } from '@switchboard/protocols';

/**
 * The error body for a data-plane request Node rejected before any handler ran (oversized headers, malformed
 * HTTP), in the protocol its path names: Anthropic for /v1/messages…, OpenAI for the rest of the data plane.
 */
export const gatewayEarlyErrorBody: EarlyErrorBody = (path, status, message) => {
  const protocol: Protocol = /^\/+v1\/messages(\/|\?|$)/.test(path) ? 'anthropic-messages' : 'openai-chat';
  return clientErrorBody(protocol, status, message, {
    type: status === 408 ? 'timeout_error' : 'invalid_request_error',
    code: status === 431 ? 'request_headers_too_large' : null,
  });
};
