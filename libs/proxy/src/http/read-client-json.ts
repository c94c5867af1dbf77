import type { IncomingMessage } from 'node:http';
import { readStream } from '../upstream/read-stream';
import { ClientError } from './client-error';

const TOO_LARGE = Symbol('too large');

/** True for a missing content type or `application/json` with any parameters. */
export function isJsonContentType(contentType: string | undefined): boolean {
  if (contentType === undefined || contentType === '') return true;
  const semicolon = contentType.indexOf(';');
  const mediaType = (semicolon === -1 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase();
  return mediaType === 'application/json';
}

/**
 * The request body as a JSON object: 415 for a non-JSON content type, 413 over `maxBodySize` (checked against
 * content-length first, then while reading), 400 for invalid JSON or a non-object.
 */
export async function readClientJson(
  req: IncomingMessage,
  maxBodySize: number,
): Promise<Record<string, unknown>> {
  if (!isJsonContentType(req.headers['content-type'])) {
    throw new ClientError(
      415,
      `Unsupported content type '${req.headers['content-type']}': send application/json.`,
    );
  }
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > maxBodySize) {
    throw new ClientError(413, `Request body exceeds the ${maxBodySize}-byte limit.`);
  }
  let raw: Buffer;
  try {
    raw = await readStream(req, maxBodySize, () =>
      Object.assign(new Error('too large'), { [TOO_LARGE]: true }),
    );
  } catch (error) {
    if (error && typeof error === 'object' && TOO_LARGE in error) {
      throw new ClientError(413, `Request body exceeds the ${maxBodySize}-byte limit.`);
    }
    throw error;
  }
  if (raw.length === 0) throw new ClientError(400, 'Request body is empty: send a JSON object.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch (error) {
    throw new ClientError(400, `Invalid JSON in request body: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ClientError(400, 'Request body must be a JSON object.');
  }
  return parsed as Record<string, unknown>;
}
