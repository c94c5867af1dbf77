import type { Converter } from '../converter.interface';
import { mapError } from './error.mapper';
import { mapRequest } from './request.mapper';
import { mapResponse } from './response.mapper';
import { mapStream } from './stream.operator';

/**
 * Anthropic Messages client → OpenAI Chat Completions upstream: the request is converted A→O; the response,
 * the stream and errors come back O→A. Per-instance options: see ./options.ts and docs/conversion-matrix.md.
 */
export const anthropicToOpenAiConverter: Converter = {
  from: 'anthropic-messages',
  to: 'openai-chat',
  convertRequest: mapRequest,
  convertResponse: mapResponse,
  convertStream: mapStream,
  convertError: mapError,
};

export { readOptions as readAnthropicToOpenAiOptions, type AnthropicToOpenAiOptions } from './options';
export { TOOL_ERROR_PREFIX } from './user-turn.mapper';
