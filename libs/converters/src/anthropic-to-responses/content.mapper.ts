import {
  isJsonObject,
  type JsonObject,
  type OpenAiUserContentPart,
  type ResponsesInputContent,
} from '@switchboard/protocols';
import { documentParts, imagePart, searchResultParts } from '../anthropic-to-openai/content.mapper';

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
