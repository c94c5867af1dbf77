import type { Converter } from '../converter.interface';
import { openAiToAnthropicConverter } from '../openai-to-anthropic';
import { mapResponse as mapChatToResponsesResponse } from '../responses-to-openai/response.mapper';
import { chatMemoOf } from './conversion-memo';

/** Anthropic message → Chat completion (thinking blocks keep their signatures) → `Response`. */
export const mapResponse: Converter['convertResponse'] = (body, memo, clock, hooks) => {
  const chat = openAiToAnthropicConverter.convertResponse(body, chatMemoOf(memo), clock, hooks);
  return mapChatToResponsesResponse(chat, memo, clock);
};
