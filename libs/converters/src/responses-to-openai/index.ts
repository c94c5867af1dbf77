import type { ConversionClock, Converter, UpstreamTarget } from '../converter.interface';
import { mapError } from './error.mapper';
import { mapRequest } from './request.mapper';
import { mapResponse } from './response.mapper';
import { mapStream } from './stream.operator';

/**
 * OpenAI Responses client → Chat Completions upstream: the request goes R→C; the response, the stream and errors
 * come back C→R. Options (`target.conversion.builtin_tools`) are listed in docs/conversion-matrix.md.
 */
export const responsesToOpenAiConverter: Converter = {
  from: 'openai-responses',
  to: 'openai-chat',
  convertRequest: (body: Record<string, unknown>, target: UpstreamTarget, clock: ConversionClock) =>
    mapRequest(body, target, clock, { keepThinking: false }),
  convertResponse: mapResponse,
  convertStream: mapStream,
  convertError: mapError,
};

export {
  droppedToolsOf,
  fromMemo as responsesClientMemoFrom,
  type ResponsesClientMemo,
} from './conversion-memo';
export { mapRequest as mapResponsesToChatRequest } from './request.mapper';
export { mapResponse as mapChatToResponsesResponse } from './response.mapper';
export { mapError as mapChatToResponsesError } from './error.mapper';
export { applyChatChunk } from './stream.reducer';
export { StreamDraft } from './stream-draft';
export { initialResponsesStreamState, type ResponsesStreamState } from './stream.state';
export { failResponsesStream, responsesStreamOperator, type ResponsesReducer } from './stream.operator';
