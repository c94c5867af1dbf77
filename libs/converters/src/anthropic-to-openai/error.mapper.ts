import {
  anthropicErrorBody,
  anthropicErrorForOpenAiStatus,
  type AnthropicErrorBody,
} from '@switchboard/protocols';
import type { ConvertedError } from '../converter.interface';
import { upstreamErrorCode, upstreamErrorMessage, upstreamErrorType } from '../shared/upstream-error-message';

/**
 * OpenAI upstream error (status + parsed JSON, raw text or anything) → Anthropic error body. The status is
 * kept (both SDKs pick their exception class from it); the Anthropic `type` comes from the status and the
 * OpenAI `type`/`code` (conversion-spec §8.3: 502/503 → overloaded_error, insufficient_quota → billing_error).
 */
export function mapError(status: number, body: unknown): ConvertedError {
  const httpStatus = Number.isInteger(status) && status >= 400 && status <= 599 ? status : 502;
  const { type } = anthropicErrorForOpenAiStatus(
    httpStatus,
    upstreamErrorType(body) ?? null,
    upstreamErrorCode(body) ?? null,
  );
  const out: AnthropicErrorBody = anthropicErrorBody(type, upstreamErrorMessage(httpStatus, body));
  return { status: httpStatus, body: out as unknown as Record<string, unknown> };
}
