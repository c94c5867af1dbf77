import type { ConversionClock, ConversionMemo, ResponseHooks } from '../converter.interface';
import { openAiToAnthropicConverter } from '../openai-to-anthropic';
import { mapChatResponse } from '../responses-to-openai';
import { chatMemoOf } from './conversion-memo';

/** Anthropic message → Chat completion (thinking blocks keep their signatures) → `Response`. */
export function mapAnthropicToResponsesResponse(
  body: unknown,
  memo: ConversionMemo,
  clock: ConversionClock,
  hooks?: ResponseHooks,
): Record<string, unknown> {
  const chat = openAiToAnthropicConverter.convertResponse(body, chatMemoOf(memo), clock, hooks);
  return mapChatResponse(chat, memo, clock);
}
