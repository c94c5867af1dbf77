import {
  isJsonObject,
  type JsonObject,
  type OpenAiImagePart,
  type OpenAiTextPart,
  type OpenAiUserContentPart,
} from '@switchboard/protocols';
import { invalidRequest } from './request-error';

/** User-side content parts an OpenAI upstream accepts (text, image_url, file). */
export type UserPart = OpenAiUserContentPart;

export const isBlank = (text: string): boolean => text.trim().length === 0;

export function textPart(text: string): OpenAiTextPart {
  return { type: 'text', text };
}

/** Anthropic `image` block → `image_url` part (base64 → data URL, url → url). */
export function imagePart(block: JsonObject, path: string): OpenAiImagePart {
  const source = block.source;
  if (!isJsonObject(source)) throw invalidRequest(`${path}.source`, 'image source must be an object');
  if (source.type === 'base64') {
    if (typeof source.media_type !== 'string' || typeof source.data !== 'string') {
      throw invalidRequest(`${path}.source`, 'base64 image needs string media_type and data');
    }
    return { type: 'image_url', image_url: { url: `data:${source.media_type};base64,${source.data}` } };
  }
  if (source.type === 'url') {
    if (typeof source.url !== 'string' || source.url.length === 0) {
      throw invalidRequest(`${path}.source.url`, 'url image needs a url');
    }
    return { type: 'image_url', image_url: { url: source.url } };
  }
  throw invalidRequest(
    `${path}.source.type`,
    `image source type ${JSON.stringify(source.type)} cannot be sent to an OpenAI upstream (only base64 and url)`,
  );
}

/** Text of a `content` array made of text blocks (and anything else that has text). */
function textsOf(content: unknown): string[] {
  if (typeof content === 'string') return [content];
  if (!Array.isArray(content)) return [];
  return content
    .filter(isJsonObject)
    .map((b) => (typeof b.text === 'string' ? b.text : ''))
    .filter((t) => !isBlank(t));
}

/** Anthropic `document` block → OpenAI `file` part (PDF) or text parts (text / content sources). */
export function documentParts(block: JsonObject, path: string): UserPart[] {
  const source = block.source;
  if (!isJsonObject(source)) throw invalidRequest(`${path}.source`, 'document source must be an object');
  const title = typeof block.title === 'string' && !isBlank(block.title) ? block.title : undefined;
  if (source.type === 'base64') {
    if (source.media_type !== 'application/pdf' || typeof source.data !== 'string') {
      throw invalidRequest(`${path}.source`, 'base64 documents must be application/pdf with string data');
    }
    const filename = title ? `${title.replace(/[\\/]/g, '_')}.pdf` : 'document.pdf';
    return [{ type: 'file', file: { filename, file_data: `data:application/pdf;base64,${source.data}` } }];
  }
  if (source.type === 'text' || source.type === 'content') {
    const texts = source.type === 'text' ? textsOf(source.data) : textsOf(source.content);
    if (texts.length === 0) return [];
    const body = texts.join('\n');
    return [textPart(title ? `${title}\n\n${body}` : body)];
  }
  throw invalidRequest(
    `${path}.source.type`,
    `document source type ${JSON.stringify(source.type)} cannot be sent to an OpenAI upstream (only base64 PDF, text and content)`,
  );
}

/** Anthropic `search_result` block → one text part (title, source, content). */
export function searchResultParts(block: JsonObject): UserPart[] {
  const lines = [block.title, block.source].filter((v): v is string => typeof v === 'string' && !isBlank(v));
  const texts = textsOf(block.content);
  if (texts.length === 0 && lines.length === 0) return [];
  return [textPart([...lines, ...texts].join('\n'))];
}

/** Anthropic-hosted (server) blocks that mean nothing to an OpenAI upstream: dropped from history. */
export const SERVER_BLOCK_TYPES: ReadonlySet<string> = new Set([
  'server_tool_use',
  'web_search_tool_result',
  'web_fetch_tool_result',
  'code_execution_tool_result',
  'bash_code_execution_tool_result',
  'text_editor_code_execution_tool_result',
  'tool_search_tool_result',
  'container_upload',
  'mcp_tool_use',
  'mcp_tool_result',
]);
