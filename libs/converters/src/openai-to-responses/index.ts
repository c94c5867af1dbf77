import type { Converter } from '../converter.interface';
import { mapError } from './error.mapper';
import { mapRequest } from './request.mapper';
import { mapResponse } from './response.mapper';
import { mapStream } from './stream.operator';

/**
 * OpenAI Chat Completions client → OpenAI Responses upstream: the request goes C→R (always `store: false`); the
 * response, the stream and errors come back R→C. Per-instance options (`target.conversion`) are listed in
 * docs/conversion-matrix.md.
 */
export const openAiToResponsesConverter: Converter = {
  from: 'openai-chat',
  to: 'openai-responses',
  convertRequest: mapRequest,
  convertResponse: mapResponse,
  convertStream: mapStream,
  convertError: mapError,
};

export { readOptions as readOpenAiToResponsesOptions, type OpenAiToResponsesOptions } from './options';
