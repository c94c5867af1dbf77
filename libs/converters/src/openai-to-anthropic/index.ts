import type { Converter } from '../converter.interface';
import { convertAnthropicError } from './error.mapper';
import { convertOpenAiRequest } from './request.mapper';
import { convertAnthropicResponse } from './response.mapper';
import { anthropicEventsToOpenAiChunks } from './stream.operator';

/**
 * OpenAI Chat Completions client → Anthropic Messages upstream: the request goes O→A; the response, the stream
 * and errors come back A→O. Per-instance options (`target.conversion`) are listed in docs/conversion-matrix.md.
 */
export const openAiToAnthropicConverter: Converter = {
  from: 'openai-chat',
  to: 'anthropic-messages',
  convertRequest: convertOpenAiRequest,
  convertResponse: convertAnthropicResponse,
  convertStream: anthropicEventsToOpenAiChunks,
  convertError: convertAnthropicError,
};

export {
  readOptions as readOpenAiToAnthropicOptions,
  type OpenAiToAnthropicOptions,
} from './conversion-options';
export {
  step as anthropicToOpenAiStreamStep,
  flush as anthropicToOpenAiStreamFlush,
  initialStreamState,
} from './stream.reducer';
