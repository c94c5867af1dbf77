import {
  isJsonObject,
  type JsonObject,
  type OpenAiUserContentPart,
  type ResponsesInputContent,
} from '@switchboard/protocols';
import { documentParts, imagePart, isBlank, searchResultParts } from '../anthropic-to-openai/content.mapper';
import { TOOL_ERROR_PREFIX } from '../anthropic-to-openai/user-turn.mapper';
import { invalidRequest } from '../anthropic-to-openai/request-error';

/**
 * Anthropic user-side blocks → Responses input content parts. The block rules are anthropic-to-openai's
 * (content.mapper.ts: base64 → data URL, Files API sources → 400, text documents → text); only the part shapes
 * differ, plus one source Responses can take that Chat cannot: a PDF `document` by `url` → `input_file.file_url`.
 */

function fromChatPart(part: OpenAiUserContentPart): ResponsesInputContent {
  switch (part.type) {
    case 'text':
      return { type: 'input_text', text: part.text };
    case 'image_url':
      return { type: 'input_image', image_url: part.image_url.url, detail: 'auto' };
    case 'file':
      return {
        type: 'input_file',
        ...(part.file.filename !== undefined ? { filename: part.file.filename } : {}),
        ...(part.file.file_data !== undefined ? { file_data: part.file.file_data } : {}),
      };
  }
}

export function inputText(text: string): ResponsesInputContent {
  return { type: 'input_text', text };
}

export function imageInput(block: JsonObject, path: string): ResponsesInputContent {
  return fromChatPart(imagePart(block, path));
}

export function documentInputs(block: JsonObject, path: string): ResponsesInputContent[] {
  const source = block.source;
  if (isJsonObject(source) && source.type === 'url' && typeof source.url === 'string' && source.url) {
    return [{ type: 'input_file', file_url: source.url }];
  }
  return documentParts(block, path).map(fromChatPart);
}

export function searchResultInputs(block: JsonObject): ResponsesInputContent[] {
  return searchResultParts(block).map(fromChatPart);
}

/** `tool_result.content` → `function_call_output.output`: text as anthropic-to-openai flattens it, media kept. */
export function toolResultOutput(block: JsonObject, path: string): string | ResponsesInputContent[] {
  const content = block.content;
  const texts: string[] = [];
  const media: ResponsesInputContent[] = [];
  if (typeof content === 'string') texts.push(content);
  else if (Array.isArray(content)) {
    content.forEach((item, i) => {
      const itemPath = `${path}.content.${i}`;
      if (!isJsonObject(item)) throw invalidRequest(itemPath, 'must be a content block object');
      if (item.type === 'text' && typeof item.text === 'string') {
        if (!isBlank(item.text)) texts.push(item.text);
      } else if (item.type === 'image') media.push(imageInput(item, itemPath));
      else if (item.type === 'document') {
        for (const part of documentInputs(item, itemPath)) {
          if (part.type === 'input_text') texts.push(part.text);
          else media.push(part);
        }
      } else if (item.type === 'search_result') {
        for (const part of searchResultInputs(item)) if (part.type === 'input_text') texts.push(part.text);
      } else if (item.type !== 'tool_reference') {
        throw invalidRequest(
          `${itemPath}.type`,
          `unsupported tool_result content type ${JSON.stringify(item.type)}`,
        );
      }
    });
  } else if (content !== undefined && content !== null) {
    throw invalidRequest(`${path}.content`, 'must be a string or an array of content blocks');
  }
  const text = `${block.is_error === true ? TOOL_ERROR_PREFIX : ''}${texts.join('\n')}`;
  // Responses outputs may hold images and files (Chat tool messages cannot): they stay with their result.
  return media.length === 0 ? text : [...(text ? [inputText(text)] : []), ...media];
}
