import { isJsonObject } from '../json/json-value';

/** The answer and the reasoning an OpenAI-protocol `message.content` or stream `delta.content` carries. */
export interface OpenAiContentText {
  text: string;
  thinking: string;
}

function thinkingText(thinking: unknown): string {
  if (typeof thinking === 'string') return thinking;
  if (!Array.isArray(thinking)) return '';
  let out = '';
  for (const part of thinking) {
    if (isJsonObject(part) && typeof part.text === 'string') out += part.text;
  }
  return out;
}

/**
 * `content` as a string, or as an array of parts: `text` parts are the answer; `thinking` parts (Mistral and
 * Magistral: `{type:"thinking", thinking:[{type:"text", text}]}`) are reasoning. Other parts carry neither.
 */
export function openAiContentText(content: unknown): OpenAiContentText {
  if (typeof content === 'string') return { text: content, thinking: '' };
  if (!Array.isArray(content)) return { text: '', thinking: '' };
  let text = '';
  let thinking = '';
  for (const part of content) {
    if (!isJsonObject(part)) continue;
    if (part.type === 'text' && typeof part.text === 'string') text += part.text;
    else if (part.type === 'thinking') thinking += thinkingText(part.thinking);
  }
  return { text, thinking };
}
