import {
  isJsonObject,
  type AnthropicCacheControl,
  type AnthropicDocumentBlock,
  type AnthropicImageBlock,
  type AnthropicTextBlock,
} from '@switchboard/protocols';
import { invalidRequest, unsupported } from '../shared/request-error';

/** OpenAI content parts → Anthropic blocks (conversion-spec §2.4, user content parts). */

export type UserBlock = AnthropicTextBlock | AnthropicImageBlock | AnthropicDocumentBlock;

const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);
const DATA_URL = /^data:([^;,]+)(?:;[^,]*)?;base64,(.*)$/s;

export const hasText = (text: string): boolean => text.trim().length > 0;

function cacheControlOf(part: Record<string, unknown>): AnthropicCacheControl | undefined {
  const value = part.cache_control;
  if (!isJsonObject(value) || value.type !== 'ephemeral') return undefined;
  return value.ttl === '5m' || value.ttl === '1h'
    ? { type: 'ephemeral', ttl: value.ttl }
    : { type: 'ephemeral' };
}

export function textBlock(text: string, part?: Record<string, unknown>): AnthropicTextBlock | undefined {
  if (!hasText(text)) return undefined;
  const cacheControl = part ? cacheControlOf(part) : undefined;
  return cacheControl ? { type: 'text', text, cache_control: cacheControl } : { type: 'text', text };
}

function imageBlock(url: string, path: string): UserBlock {
  const match = DATA_URL.exec(url);
  if (match) {
    const mediaType = match[1]!.toLowerCase();
    const data = match[2]!;
    if (data.length === 0) throw invalidRequest(path, 'The image data URL is empty.');
    if (mediaType === 'application/pdf') {
      return { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data } };
    }
    if (!IMAGE_TYPES.has(mediaType)) {
      throw unsupported(
        path,
        `Image media type ${mediaType} is not supported; use jpeg, png, gif, webp or a PDF.`,
      );
    }
    return { type: 'image', source: { type: 'base64', media_type: mediaType, data } };
  }
  if (/^https?:\/\//i.test(url)) return { type: 'image', source: { type: 'url', url } };
  throw invalidRequest(path, 'image_url.url must be an http(s) URL or a base64 data URL.');
}

function fileBlock(file: Record<string, unknown>, path: string): UserBlock {
  if (typeof file.file_id === 'string' && file.file_data === undefined) {
    throw unsupported(
      `${path}.file.file_id`,
      'OpenAI file ids cannot be sent to an Anthropic upstream; send file_data.',
    );
  }
  const raw = file.file_data;
  if (typeof raw !== 'string' || raw.length === 0)
    throw invalidRequest(`${path}.file.file_data`, 'file_data is required.');
  const match = DATA_URL.exec(raw);
  const filename = typeof file.filename === 'string' ? file.filename.toLowerCase() : '';
  const mediaType = match
    ? match[1]!.toLowerCase()
    : filename.endsWith('.txt')
      ? 'text/plain'
      : 'application/pdf';
  const data = match ? match[2]! : raw;
  if (mediaType === 'application/pdf') {
    return { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data } };
  }
  if (mediaType === 'text/plain') {
    const text = Buffer.from(data, 'base64').toString('utf8');
    return { type: 'document', source: { type: 'text', media_type: 'text/plain', data: text } };
  }
  if (IMAGE_TYPES.has(mediaType))
    return { type: 'image', source: { type: 'base64', media_type: mediaType, data } };
  throw unsupported(
    `${path}.file`,
    `File media type ${mediaType} is not supported; send a PDF, plain text or an image.`,
  );
}

/** One user content part → a block (undefined when it is empty text). */
export function userPartToBlock(part: unknown, path: string): UserBlock | undefined {
  if (!isJsonObject(part)) throw invalidRequest(path, 'Each content part must be an object.');
  switch (part.type) {
    case 'text':
      if (typeof part.text !== 'string') throw invalidRequest(`${path}.text`, 'text must be a string.');
      return textBlock(part.text, part);
    case 'image_url': {
      const image = part.image_url;
      const url = isJsonObject(image) ? image.url : image;
      if (typeof url !== 'string')
        throw invalidRequest(`${path}.image_url.url`, 'image_url.url must be a string.');
      return imageBlock(url, `${path}.image_url.url`);
    }
    case 'file':
      if (!isJsonObject(part.file)) throw invalidRequest(`${path}.file`, 'file must be an object.');
      return fileBlock(part.file, path);
    case 'input_audio':
      throw unsupported(path, 'Audio input is not supported by Anthropic upstreams.');
    default:
      throw invalidRequest(`${path}.type`, `Unsupported content part type ${JSON.stringify(part.type)}.`);
  }
}

/** Text-only content (system, developer, tool, assistant): string or text/refusal parts → the texts. */
export function textsOf(content: unknown, path: string): { text: string; part?: Record<string, unknown> }[] {
  if (content === undefined || content === null) return [];
  if (typeof content === 'string') return [{ text: content }];
  if (!Array.isArray(content)) throw invalidRequest(path, 'content must be a string or an array of parts.');
  return content.map((part, i) => {
    if (!isJsonObject(part)) throw invalidRequest(`${path}.${i}`, 'Each content part must be an object.');
    if (part.type === 'text' && typeof part.text === 'string') return { text: part.text, part };
    if (part.type === 'refusal' && typeof part.refusal === 'string') return { text: part.refusal };
    throw invalidRequest(`${path}.${i}.type`, 'Only text parts are allowed here.');
  });
}
