import { openAiErrorBody } from '../openai-chat/openai-chat.errors';
import type { ResponsesErrorBody } from './responses.types';

/** Gateway-originated Responses errors (responses-spec §5.1), in OpenAI's `ErrorResponse` shape. */

export function previousResponseNotFoundBody(id: string): ResponsesErrorBody {
  return openAiErrorBody({
    type: 'invalid_request_error',
    code: 'previous_response_not_found',
    param: 'previous_response_id',
    message: `Previous response with id '${id}' not found.`,
  }) as ResponsesErrorBody;
}

export function responseNotFoundBody(id: string): ResponsesErrorBody {
  return openAiErrorBody({
    type: 'invalid_request_error',
    message: `Response with id '${id}' not found.`,
  }) as ResponsesErrorBody;
}

export function itemNotFoundBody(id: string): ResponsesErrorBody {
  return openAiErrorBody({
    type: 'invalid_request_error',
    param: 'input',
    message: `Item with id '${id}' not found.`,
  }) as ResponsesErrorBody;
}

/** OpenAI error type → the `Response.error.code` enum value a failed response carries. */
export function responseErrorCodeForType(type: string): 'rate_limit_exceeded' | 'server_error' {
  return type === 'rate_limit_error' ? 'rate_limit_exceeded' : 'server_error';
}
