import { isJsonObject, type JsonObject, type OpenAiToolMessage } from '@switchboard/protocols';
import {
  documentParts,
  imagePart,
  isBlank,
  searchResultParts,
  textPart,
  type UserPart,
} from './content.mapper';
import { readUserTurn } from '../shared/anthropic-turns';
import type { MessageOut } from './messages-options';
import type { Turn } from './message-turns';
import { invalidRequest } from './request-error';

export const TOOL_ERROR_PREFIX = '[tool error] ';

/** `tool_result.content` → tool message text (text joined by newlines) and images moved to the user turn. */
function toolResultContent(block: JsonObject, path: string): { text: string; images: UserPart[] } {
  const content = block.content;
  const images: UserPart[] = [];
  let text = '';
  if (typeof content === 'string') {
    text = content;
  } else if (Array.isArray(content)) {
    const texts: string[] = [];
    content.forEach((item, i) => {
      const itemPath = `${path}.content.${i}`;
      if (!isJsonObject(item)) throw invalidRequest(itemPath, 'must be a content block object');
      if (item.type === 'text' && typeof item.text === 'string') {
        if (!isBlank(item.text)) texts.push(item.text);
      } else if (item.type === 'image') {
        images.push(imagePart(item, itemPath));
        texts.push('[image]');
      } else if (item.type === 'document') {
        for (const part of documentParts(item, itemPath)) {
          if (part.type === 'text') texts.push(part.text);
          else {
            images.push(part);
            texts.push('[document]');
          }
        }
      } else if (item.type === 'search_result') {
        for (const part of searchResultParts(item)) if (part.type === 'text') texts.push(part.text);
      } else if (item.type === 'tool_reference') {
        // Tool-search results point at Anthropic-side tool definitions: nothing an OpenAI model can use.
      } else {
        throw invalidRequest(
          `${itemPath}.type`,
          `unsupported tool_result content type ${JSON.stringify(item.type)}`,
        );
      }
    });
    text = texts.join('\n');
  } else if (content !== undefined && content !== null) {
    throw invalidRequest(`${path}.content`, 'must be a string or an array of content blocks');
  }
  if (block.is_error === true) text = `${TOOL_ERROR_PREFIX}${text}`;
  return { text, images };
}

/** A user turn → tool messages (its tool_results, which must answer `openCalls`) and a user message. */
export function userTurn(turn: Turn, openCalls: Set<string>, out: MessageOut[]): void {
  const parts: UserPart[] = [];
  const toolImages: UserPart[] = [];
  readUserTurn(turn, openCalls, {
    toolResult(id, block, path) {
      const { text, images } = toolResultContent(block, path);
      const tool: OpenAiToolMessage = { role: 'tool', tool_call_id: id, content: text };
      out.push(tool);
      toolImages.push(...images);
    },
    text: (text) => parts.push(textPart(text)),
    image: (block, path) => parts.push(imagePart(block, path)),
    document: (block, path) => parts.push(...documentParts(block, path)),
    searchResult: (block) => parts.push(...searchResultParts(block)),
  });
  // Images a tool returned cannot live in a tool message: they open the user message that follows the results.
  const all = [...toolImages, ...parts];
  if (all.length === 0) return;
  const content = all.length === 1 && all[0]?.type === 'text' ? all[0].text : all;
  const previous = out[out.length - 1];
  if (previous && previous.role === 'user') {
    const before = typeof previous.content === 'string' ? [textPart(previous.content)] : previous.content;
    previous.content = [...before, ...all];
    return;
  }
  out.push({ role: 'user', content });
}
