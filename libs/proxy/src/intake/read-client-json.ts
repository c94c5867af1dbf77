import type { IncomingMessage } from 'node:http';
import { readStream } from '../upstream/read-stream';
import { GatewayError, GatewayErrorCode } from '@switchboard/common/errors';

/** True for a missing content type or `application/json` with any parameters. */
export function isJsonContentType(contentType: string | undefined): boolean {
  if (contentType === undefined || contentType === '') return true;
  const semicolon = contentType.indexOf(';');
  const mediaType = (semicolon === -1 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase();
  return mediaType === 'application/json';
}

/**
 * The request body as a JSON object, else a GatewayError: 415 for a non-JSON content type, 413 over `maxBodySize` (checked against
 * content-length first, then while reading), 400 for invalid JSON or a non-object.
 */
export async function readClientJson(
  req: IncomingMessage,
  maxBodySize: number,
): Promise<Record<string, unknown>> {
  if (!isJsonContentType(req.headers['content-type'])) {
    throw new GatewayError(
      GatewayErrorCode.UNSUPPORTED_MEDIA_TYPE,
      `Unsupported content type '${req.headers['content-type']}': send application/json.`,
    );
  }
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > maxBodySize) {
    throw tooLarge(maxBodySize);
  }
  // A socket error while reading is not a GatewayError: the caller drops the connection.
  const raw = await readStream(req, maxBodySize, () => tooLarge(maxBodySize));
  if (raw.length === 0) throw invalid('Request body is empty: send a JSON object.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch (error) {
    throw invalid(`Invalid JSON in request body: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw invalid('Request body must be a JSON object.');
  }
  return parsed as Record<string, unknown>;
}

function invalid(message: string): GatewayError {
  return new GatewayError(GatewayErrorCode.INVALID_REQUEST, message);
}

/** The connection is closed after the 413: the rest of the upload is never read. */
function tooLarge(maxBodySize: number): GatewayError {
  return new GatewayError(
    GatewayErrorCode.PAYLOAD_TOO_LARGE,
    `Request body exceeds the ${maxBodySize}-byte limit.`,
    {
      headers: { connection: 'close' },
    },
  );
}
