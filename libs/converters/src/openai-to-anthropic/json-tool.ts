import type { OpenAiToAnthropicMemo } from './conversion-memo';
import { isJsonObject, tryParseJson } from '@switchboard/protocols';

/** The JSON-mode tool's input as the message content the client asked for. */
export function jsonToolContent(input: unknown, memo: OpenAiToAnthropicMemo): string {
  const value = memo.jsonUnwrap && isJsonObject(input) ? input.value : input;
  return JSON.stringify(value ?? {});
}

/** Same, from the streamed argument text of the tool. */
export function jsonToolContentFromText(text: string, memo: OpenAiToAnthropicMemo): string {
  const parsed = text.trim().length === 0 ? {} : tryParseJson(text);
  if (parsed === undefined) return text;
  return jsonToolContent(parsed, memo);
}
