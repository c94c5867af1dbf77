import type { ConvertedError } from '../converter.interface';
import { mapError as mapOpenAiErrorToAnthropic } from '../anthropic-to-openai/error.mapper';

/**
 * Responses upstream error → Anthropic error body. The Responses API's errors are OpenAI's `ErrorResponse`, so the
 * Chat direction's table applies unchanged: status kept, `type` from the status and the OpenAI `type`/`code`
 * (`insufficient_quota` → billing_error, 502/503 → overloaded_error, …), message from `error.message` or the text.
 */
export function mapError(status: number, body: unknown): ConvertedError {
  return mapOpenAiErrorToAnthropic(status, body);
}
