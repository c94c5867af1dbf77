import { type EarlyErrorBody } from '@switchboard/common/http';
import { clientErrorBody } from '@switchboard/protocols';
import { pathFamily } from '@switchboard/proxy';

/**
 * The error body for a data-plane request Node rejected before any handler ran (oversized headers, malformed
 * HTTP), in the shape the path names (see `pathFamily`): OpenAI for /v1/chat/completions…, /v1/responses… and
 * /v1/models…, Anthropic for /v1/messages…, and Anthropic's envelope (which both SDKs read) for any other path.
 */
export const gatewayEarlyErrorBody: EarlyErrorBody = (path, status, message) =>
  clientErrorBody(pathFamily(path) === 'openai' ? 'openai-chat' : 'anthropic-messages', status, message, {
    type: status === 408 ? 'timeout_error' : 'invalid_request_error',
    code: status === 431 ? 'request_headers_too_large' : null,
  });
