import { isJsonObject, type JsonObject } from '@switchboard/protocols';
import { invalidRequest, unsupported } from '../shared/request-error';

/** Chat content parts → Responses input content (responses-spec §9.1). */

const DETAILS = new Set(['low', 'high', 'auto']);

function imagePart(part: JsonObject, path: string): JsonObject {
  const image = part.image_url;
  const url = isJsonObject(image) ? image.url : image;
  if (typeof url !== 'string' || url.length === 0)
    throw invalidRequest(`${path}.image_url.url`, 'image_url.url must be a non-empty string.');
  const detail = isJsonObject(image) && DETAILS.has(image.detail as string) ? image.detail : 'auto';
  return { type: 'input_image', image_url: url, detail };
}

function filePart(part: JsonObject, path: string): JsonObject {
  const file = part.file;
  if (!isJsonObject(file)) throw invalidRequest(`${path}.file`, 'file must be an object.');
  const out: JsonObject = { type: 'input_file' };
  if (typeof file.file_data === 'string' && file.file_data.length > 0) out.file_data = file.file_data;
  else if (typeof file.file_id === 'string' && file.file_id.length > 0) out.file_id = file.file_id;
  else throw invalidRequest(`${path}.file`, 'file needs file_data or file_id.');
  if (typeof file.filename === 'string' && file.filename.length > 0) out.filename = file.filename;
  return out;
}

/** User content: a string stays a string; parts become input_text / input_image / input_file. */
export function userContent(content: unknown, path: string): string | JsonObject[] | undefined {
  if (content === undefined || content === null) return undefined;
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) throw invalidRequest(path, 'content must be a string or an array of parts.');
  return content.map((part, k) => {
    const at = `${path}[${k}]`;
    if (!isJsonObject(part)) throw invalidRequest(at, 'Each content part must be an object.');
    switch (part.type) {
      case 'text':
        if (typeof part.text !== 'string') throw invalidRequest(`${at}.text`, 'text must be a string.');
        return { type: 'input_text', text: part.text };
      case 'image_url':
        return imagePart(part, at);
      case 'file':
        return filePart(part, at);
      case 'input_audio':
        throw unsupported(at, 'Audio input is not supported by Responses upstreams.');
      default:
        throw invalidRequest(`${at}.type`, `Unsupported content part type ${JSON.stringify(part.type)}.`);
    }
  });
}

/** Text-only content (system, developer, assistant, tool): a string, or text/refusal parts joined. */
export function textOf(content: unknown, path: string): string {
  if (content === undefined || content === null) return '';
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) throw invalidRequest(path, 'content must be a string or an array of parts.');
  return content
    .map((part, k) => {
      if (!isJsonObject(part)) throw invalidRequest(`${path}[${k}]`, 'Each content part must be an object.');
      if (part.type === 'text' && typeof part.text === 'string') return part.text;
      if (part.type === 'refusal' && typeof part.refusal === 'string') return part.refusal;
      throw invalidRequest(`${path}[${k}].type`, 'Only text parts are allowed here.');
    })
    .join('');
}
