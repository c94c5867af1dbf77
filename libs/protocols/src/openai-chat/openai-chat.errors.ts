import type { OpenAiErrorBody, OpenAiErrorObject } from './openai-chat.types';

export interface OpenAiErrorFields {
  message: string;
  type: string;
  param?: string | null;
  code?: string | null;
}

/** `{"error":{message,type,param,code}}`: all four keys present, as the OpenAI `ErrorResponse` schema requires. */
export function openAiErrorBody(fields: OpenAiErrorFields): OpenAiErrorBody {
  const error: OpenAiErrorObject = {
    message: fields.message,
    type: fields.type,
    param: fields.param ?? null,
    code: fields.code ?? null,
  };
  return { error };
}

/** OpenAI status → error `type`/`code` used when Switchboard writes an OpenAI error itself. */
export function openAiErrorTypeForStatus(status: number): { type: string; code: string | null } {
  switch (status) {
    case 400:
    case 404:
    case 413:
    case 422:
      return { type: 'invalid_request_error', code: null };
    case 401:
      return { type: 'authentication_error', code: 'invalid_api_key' };
    case 402:
      return { type: 'billing_error', code: 'insufficient_quota' };
    case 403:
      return { type: 'permission_error', code: null };
    case 409:
      return { type: 'conflict_error', code: null };
    case 429:
      return { type: 'rate_limit_error', code: 'rate_limit_exceeded' };
    case 504:
      return { type: 'timeout_error', code: 'timeout' };
    default:
      return status >= 500
        ? { type: 'server_error', code: null }
        : { type: 'invalid_request_error', code: null };
  }
}

/** True when `body` already has the OpenAI error shape (`error.message` string and `error.type` string). */
export function isOpenAiErrorBody(body: unknown): body is OpenAiErrorBody {
  if (typeof body !== 'object' || body === null) return false;
  const error = (body as { error?: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { message?: unknown }).message === 'string' &&
    typeof (error as { type?: unknown }).type === 'string'
  );
}
