import type { Converter } from '../converter.interface';
import { openAiToAnthropicConverter } from '../openai-to-anthropic';
import { responsesStreamOperator } from '../responses-to-openai';
import { mapResponsesToAnthropicRequest } from './request.mapper';
import { mapAnthropicToResponsesResponse } from './response.mapper';
import { fail, flush, initialComposedState, step } from './stream.reducer';

/**
 * OpenAI Responses client → Anthropic Messages upstream (the path Codex takes to Claude). Errors: Anthropic's
 * error bodies become OpenAI `ErrorResponse`s with the Chat direction's status and type tables.
 */
export const responsesToAnthropicConverter: Converter = {
  from: 'openai-responses',
  to: 'anthropic-messages',
  convertRequest: mapResponsesToAnthropicRequest,
  convertResponse: mapAnthropicToResponsesResponse,
  convertStream: (memo, clock, hooks) =>
    responsesStreamOperator(
      { initial: initialComposedState, step, flush, fail, view: (s) => s.responses },
      memo,
      clock,
      hooks,
    ),
  convertError: openAiToAnthropicConverter.convertError,
};
