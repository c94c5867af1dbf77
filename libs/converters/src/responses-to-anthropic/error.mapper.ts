import type { ConvertedError } from '../converter.interface';
import { mapError as mapAnthropicToChatError } from '../openai-to-anthropic/error.mapper';

/**
 * Anthropic error → OpenAI `ErrorResponse` (the Responses API's error shape is the Chat one), with the Chat
 * direction's status and type tables (529 → 503 `overloaded`, etc.).
 */
export function mapError(status: number, body: unknown): ConvertedError {
  return mapAnthropicToChatError(status, body);
}
