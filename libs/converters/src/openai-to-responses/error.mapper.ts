import type { ConvertedError } from '../converter.interface';
import { mapError as normaliseOpenAiError } from '../responses-to-openai/error.mapper';

/**
 * Responses upstream error → Chat client error. Both speak OpenAI's `ErrorResponse`, so this is the opposite
 * direction's normaliser: a well-formed body keeps its status, message, type, param and code; anything else
 * (HTML, text, foreign JSON) is wrapped with the status's type.
 */
export function mapError(status: number, body: unknown): ConvertedError {
  return normaliseOpenAiError(status, body);
}
