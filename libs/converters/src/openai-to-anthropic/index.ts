import type { Converter } from '../converter.interface';
import { mapError } from './error.mapper';
import { mapRequest } from './request.mapper';
import { mapResponse } from './response.mapper';
import { mapStream } from './stream.operator';

/**
 * OpenAI Chat Completions client → Anthropic Messages upstream: the request goes O→A; the response, the stream
 * and errors come back A→O. Per-instance options (`target.conversion`) are listed in docs/conversion-matrix.md.
 */
export const openAiToAnthropicConverter: Converter = {
  from: 'openai-chat',
  to: 'anthropic-messages',
  convertRequest: mapRequest,
  convertResponse: mapResponse,
  convertStream: mapStream,
  convertError: mapError,
};

export { readOptions as readOpenAiToAnthropicOptions, type OpenAiToAnthropicOptions } from './options';
