import {
  anthropicErrorTypeForStatus,
  isJsonObject,
  openAiErrorBody,
  openAiErrorForAnthropicType,
  openAiStatusForAnthropicStatus,
} from '@switchboard/protocols';
import type { ConvertedError } from '../converter.interface';
import { upstreamErrorMessage } from '../shared/upstream-error-message';

const KNOWN_ANTHROPIC_TYPES = new Set([
  'invalid_request_error',
  'authentication_error',
  'billing_error',
  'permission_error',
  'not_found_error',
  'conflict_error',
  'request_too_large',
  'rate_limit_error',
  'api_error',
  'timeout_error',
  'overloaded_error',
]);

/** Anthropic error status + body → OpenAI status + `{"error":{message,type,param,code}}` (conversion-spec §8.2). */
export function mapError(status: number, body: unknown): ConvertedError {
  const error = isJsonObject(body) && isJsonObject(body.error) ? body.error : undefined;
  const upstreamType = typeof error?.type === 'string' ? error.type : undefined;
  const type =
    upstreamType && KNOWN_ANTHROPIC_TYPES.has(upstreamType)
      ? upstreamType
      : anthropicErrorTypeForStatus(status);
  const fields = openAiErrorForAnthropicType(type, upstreamErrorMessage(status, body));
  return {
    status: openAiStatusForAnthropicStatus(status),
    body: openAiErrorBody(fields) as unknown as Record<string, unknown>,
  };
}
