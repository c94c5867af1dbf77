import type {
  ConversionClock,
  ConversionMemo,
  Converter,
  ResponseHooks,
  UpstreamTarget,
} from '../converter.interface';
import { mapChatError } from './error.mapper';
import { mapResponsesRequest } from './request.mapper';
import { mapChatResponse } from './response.mapper';
import { flush, step } from './stream.reducer';
import { failResponsesStream, initialChatToResponsesState, responsesStreamOperator } from './stream.operator';

/**
 * OpenAI Responses client → Chat Completions upstream: the request goes R→C; the response, the stream and errors
 * come back C→R. Options (`target.conversion.builtin_tools`) are listed in docs/conversion-matrix.md.
 */
export const responsesToOpenAiConverter: Converter = {
  from: 'openai-responses',
  to: 'openai-chat',
  convertRequest: (body: Record<string, unknown>, target: UpstreamTarget, clock: ConversionClock) =>
    mapResponsesRequest(body, target, clock, { keepThinking: false }),
  convertResponse: mapChatResponse,
  convertStream: (memo: ConversionMemo, clock: ConversionClock, hooks?: ResponseHooks) =>
    responsesStreamOperator(
      { initial: initialChatToResponsesState, step, flush, fail: failResponsesStream, view: (s) => s },
      memo,
      clock,
      hooks,
    ),
  convertError: mapChatError,
};

export {
  droppedToolsOf,
  fromMemo as responsesClientMemoFrom,
  type ResponsesClientMemo,
} from './conversion-memo';
export { mapResponsesRequest } from './request.mapper';
export { mapChatResponse } from './response.mapper';
export { applyChatChunk } from './stream.reducer';
export { StreamDraft, initialResponsesStreamState, type ResponsesStreamState } from './stream.state';
export { failResponsesStream, responsesStreamOperator, type ResponsesReducer } from './stream.operator';
