import type { Converter } from '../converter.interface';
import { mapError } from './error.mapper';
import { mapRequest } from './request.mapper';
import { mapResponse } from './response.mapper';
import { mapStream } from './stream.operator';

/**
 * Anthropic Messages client → OpenAI Responses upstream (Claude Code reaching a GPT model served only on
 * `/v1/responses`): the request is converted A→R (stateless, `store: false`); the response, the stream and errors
 * come back R→A. Per-instance options: ./options.ts and docs/conversion-matrix.md.
 */
export const anthropicToResponsesConverter: Converter = {
  from: 'anthropic-messages',
  to: 'openai-responses',
  convertRequest: mapRequest,
  convertResponse: mapResponse,
  convertStream: mapStream,
  convertError: mapError,
};
