import type { Converter } from '../converter.interface';
import { mapError } from './error.mapper';
import { mapRequest } from './request.mapper';
import { mapResponse } from './response.mapper';
import { mapStream } from './stream.operator';

/**
 * OpenAI Responses client → Anthropic Messages upstream (the path Codex takes to Claude), composed of two tested
 * steps: Responses → Chat, then the Chat → Anthropic direction; back the same way.
 */
export const responsesToAnthropicConverter: Converter = {
  from: 'openai-responses',
  to: 'anthropic-messages',
  convertRequest: mapRequest,
  convertResponse: mapResponse,
  convertStream: mapStream,
  convertError: mapError,
};
