import {
  type Json,
  IMAGE_MEDIA_TYPES,
  TOOL_NAME,
  TOOL_ID,
  isObject,
  hasText,
  type Problems,
} from './problems';

// Content blocks: one check per block type.

export function checkCacheControl(p: Problems, path: string, value: unknown): void {
  if (value === undefined) return;
  if (!isObject(value) || value.type !== 'ephemeral')
    return p.add(path, 'cache_control must be {type:"ephemeral"}');
  p.onlyKeys(path, value, ['type', 'ttl']);
  if (value.ttl !== undefined && value.ttl !== '5m' && value.ttl !== '1h')
    p.add(`${path}.ttl`, 'must be 5m or 1h');
}

export function checkTextBlock(p: Problems, path: string, block: Json): void {
  p.onlyKeys(path, block, ['type', 'text', 'cache_control', 'citations']);
  if (typeof block.text !== 'string') p.add(`${path}.text`, 'must be a string');
  else if (!hasText(block.text))
    p.add(`${path}.text`, 'text content blocks must contain non-whitespace text');
  checkCacheControl(p, `${path}.cache_control`, block.cache_control);
}

export function checkImageBlock(p: Problems, path: string, block: Json): void {
  p.onlyKeys(path, block, ['type', 'source', 'cache_control']);
  const source = block.source;
  if (!isObject(source)) return p.add(`${path}.source`, 'required object');
  if (source.type === 'base64') {
    p.onlyKeys(`${path}.source`, source, ['type', 'media_type', 'data']);
    if (typeof source.media_type !== 'string' || !IMAGE_MEDIA_TYPES.has(source.media_type)) {
      p.add(`${path}.source.media_type`, 'must be image/jpeg, image/png, image/gif or image/webp');
    }
    if (!hasText(source.data)) p.add(`${path}.source.data`, 'required non-empty base64');
  } else if (source.type === 'url') {
    p.onlyKeys(`${path}.source`, source, ['type', 'url']);
    if (typeof source.url !== 'string' || !/^https?:\/\//.test(source.url))
      p.add(`${path}.source.url`, 'must be an http(s) URL');
  } else {
    p.add(`${path}.source.type`, 'must be base64 or url');
  }
  checkCacheControl(p, `${path}.cache_control`, block.cache_control);
}

export function checkDocumentBlock(p: Problems, path: string, block: Json): void {
  p.onlyKeys(path, block, ['type', 'source', 'title', 'context', 'citations', 'cache_control']);
  const source = block.source;
  if (!isObject(source)) return p.add(`${path}.source`, 'required object');
  if (source.type === 'base64') {
    p.onlyKeys(`${path}.source`, source, ['type', 'media_type', 'data']);
    if (source.media_type !== 'application/pdf')
      p.add(`${path}.source.media_type`, 'must be application/pdf');
    if (!hasText(source.data)) p.add(`${path}.source.data`, 'required non-empty base64');
  } else if (source.type === 'text') {
    p.onlyKeys(`${path}.source`, source, ['type', 'media_type', 'data']);
    if (source.media_type !== 'text/plain') p.add(`${path}.source.media_type`, 'must be text/plain');
    if (typeof source.data !== 'string') p.add(`${path}.source.data`, 'must be a string');
  } else if (source.type === 'url') {
    p.onlyKeys(`${path}.source`, source, ['type', 'url']);
    if (typeof source.url !== 'string') p.add(`${path}.source.url`, 'must be a string');
  } else {
    p.add(`${path}.source.type`, 'must be base64, text or url');
  }
  if (block.title !== undefined && typeof block.title !== 'string')
    p.add(`${path}.title`, 'must be a string');
  checkCacheControl(p, `${path}.cache_control`, block.cache_control);
}

export function checkToolResultBlock(p: Problems, path: string, block: Json): void {
  p.onlyKeys(path, block, ['type', 'tool_use_id', 'content', 'is_error', 'cache_control']);
  if (typeof block.tool_use_id !== 'string' || !TOOL_ID.test(block.tool_use_id)) {
    p.add(`${path}.tool_use_id`, 'must match ^[a-zA-Z0-9_-]+$');
  }
  const content = block.content;
  if (Array.isArray(content)) {
    content.forEach((inner, i) => {
      const innerPath = `${path}.content.${i}`;
      if (!isObject(inner)) return p.add(innerPath, 'must be an object');
      if (inner.type === 'text') checkTextBlock(p, innerPath, inner);
      else if (inner.type === 'image') checkImageBlock(p, innerPath, inner);
      else if (inner.type === 'document') checkDocumentBlock(p, innerPath, inner);
      else p.add(`${innerPath}.type`, 'tool_result content must be text, image or document blocks');
    });
  } else if (content !== undefined && typeof content !== 'string') {
    p.add(`${path}.content`, 'must be a string or an array of blocks');
  }
  if (block.is_error !== undefined && typeof block.is_error !== 'boolean')
    p.add(`${path}.is_error`, 'must be a boolean');
  checkCacheControl(p, `${path}.cache_control`, block.cache_control);
}

export function checkToolUseBlock(p: Problems, path: string, block: Json): void {
  p.onlyKeys(path, block, ['type', 'id', 'name', 'input', 'cache_control']);
  if (typeof block.id !== 'string' || !TOOL_ID.test(block.id))
    p.add(`${path}.id`, 'must match ^[a-zA-Z0-9_-]+$');
  if (typeof block.name !== 'string' || !TOOL_NAME.test(block.name))
    p.add(`${path}.name`, 'must match ^[a-zA-Z0-9_-]{1,128}$');
  if (!isObject(block.input)) p.add(`${path}.input`, 'Input should be a valid dictionary');
  checkCacheControl(p, `${path}.cache_control`, block.cache_control);
}
