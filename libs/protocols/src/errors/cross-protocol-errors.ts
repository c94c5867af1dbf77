import { anthropicErrorTypeForStatus } from '../anthropic-messages/anthropic-messages.errors';
import type { OpenAiErrorFields } from '../openai-chat/openai-chat.errors';

/**
 * Cross-protocol error tables (conversion-spec §8.2 and §8.3). Statuses are kept, except Anthropic's 529
 * (overloaded) which OpenAI clients receive as 503.
 */

const ANTHROPIC_TO_OPENAI_TYPE: Readonly<Record<string, { type: string; code: string | null }>> = {
  invalid_request_error: { type: 'invalid_request_error', code: null },
  authentication_error: { type: 'authentication_error', code: 'invalid_api_key' },
  billing_error: { type: 'billing_error', code: 'insufficient_quota' },
  permission_error: { type: 'permission_error', code: null },
  not_found_error: { type: 'invalid_request_error', code: 'model_not_found' },
  conflict_error: { type: 'conflict_error', code: null },
  request_too_large: { type: 'invalid_request_error', code: 'request_too_large' },
  rate_limit_error: { type: 'rate_limit_error', code: 'rate_limit_exceeded' },
  api_error: { type: 'server_error', code: null },
  timeout_error: { type: 'timeout_error', code: 'timeout' },
  overloaded_error: { type: 'server_error', code: 'overloaded' },
};

/** Status an OpenAI client receives for an Anthropic upstream status. */
export function openAiStatusForAnthropicStatus(status: number): number {
  return status === 529 ? 503 : status;
}

/** Anthropic error `type` → OpenAI `type`/`code`; unknown types become `api_error` with the original as code. */
export function openAiErrorForAnthropicType(anthropicType: string, message: string): OpenAiErrorFields {
  const mapped = ANTHROPIC_TO_OPENAI_TYPE[anthropicType];
  if (mapped) return { message, type: mapped.type, param: null, code: mapped.code };
  return { message, type: 'api_error', param: null, code: anthropicType || null };
}

/** OpenAI upstream status (+ `type`/`code`) → Anthropic status and error type. */
export function anthropicErrorForOpenAiStatus(
  status: number,
  openAiType?: string | null,
  openAiCode?: string | null,
): { status: number; type: string } {
  if (openAiType === 'insufficient_quota' || openAiCode === 'insufficient_quota') {
    return { status: 402, type: 'billing_error' };
  }
  if (status === 422) return { status: 400, type: 'invalid_request_error' };
  if (status === 502 || status === 503) return { status: 529, type: 'overloaded_error' };
  return { status, type: anthropicErrorTypeForStatus(status) };
}
