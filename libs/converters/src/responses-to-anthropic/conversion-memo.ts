import { isJsonObject } from '@switchboard/protocols';
import type { ConversionMemo } from '../converter.interface';

/**
 * Responses client → Anthropic upstream goes through the Chat Completions shape: the memo is the Responses-side
 * memo (read by the data plane: `responseId`, `droppedTools`) plus the Chat → Anthropic memo under `chat`.
 */
export function combineMemo(responses: ConversionMemo, chat: ConversionMemo): ConversionMemo {
  return { ...responses, chat };
}

export function chatMemoOf(memo: ConversionMemo | undefined): ConversionMemo {
  const chat = (memo as { chat?: unknown } | undefined)?.chat;
  return isJsonObject(chat) ? chat : {};
}
