import type { Converter } from '../converter.interface';
import { readMemo } from './conversion-memo';
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
  convertRequest: (body, target) => mapRequest(body, target),
  convertResponse: (body, memo, clock, hooks) =>
    mapResponse(body, readMemo(memo), clock, hooks) as unknown as Record<string, unknown>,
  convertStream: (memo, clock, hooks) =>
    mapStream(readMemo(memo), `msg_${clock.newId()}`, hooks),
  convertError: (status, body) => mapError(status, body),
};

export { RAW_ARGUMENTS_KEY, NON_OBJECT_ARGUMENTS_KEY } from './tool-arguments';
export { TOOL_ERROR_PREFIX } from './messages.mapper';
export type { AnthropicToOpenAiOptions } from './options';
