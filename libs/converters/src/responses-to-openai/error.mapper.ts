import { isOpenAiErrorBody, openAiErrorBody, openAiErrorTypeForStatus } from '@switchboard/protocols';
import type { ConvertedError } from '../converter.interface';
import { upstreamErrorCode, upstreamErrorMessage } from '../shared/upstream-error-message';

/**
 * Chat Completions upstream error → Responses client error. Both speak OpenAI's `ErrorResponse`: a well-formed
 * body is normalised to its four keys, anything else (HTML, text, foreign JSON) wrapped with the status's type.
 */
export function mapError(status: number, body: unknown): ConvertedError {
  const httpStatus = Number.isInteger(status) && status >= 400 && status <= 599 ? status : 502;
  if (isOpenAiErrorBody(body)) {
    const { message, type, param, code } = body.error;
    return {
      status: httpStatus,
      body: openAiErrorBody({
        message,
        type,
        param: typeof param === 'string' ? param : null,
        code: typeof code === 'string' ? code : null,
      }) as unknown as Record<string, unknown>,
    };
  }
  const { type, code } = openAiErrorTypeForStatus(httpStatus);
  return {
    status: httpStatus,
    body: openAiErrorBody({
      message: upstreamErrorMessage(httpStatus, body),
      type,
      code: upstreamErrorCode(body) ?? code,
    }) as unknown as Record<string, unknown>,
  };
}
