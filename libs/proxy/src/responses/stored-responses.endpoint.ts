import type { IncomingMessage, ServerResponse } from 'node:http';
import { GatewayError, GatewayErrorCode, isGatewayError } from '@switchboard/common/errors';
import { responseNotFound, type ResponsesStore } from '@switchboard/responses';
import { writeGatewayError, writeJson } from '../errors/error.writer';

/** `/v1/responses/{id}` and `/v1/responses/{id}/input_items` (ids are `resp_…`: no slash, no dot). */
const PATH = /^\/v1\/responses\/([A-Za-z0-9_-]{1,200})(\/input_items)?$/;
const MAX_PAGE = 100;

export interface StoredResponsePath {
  id: string;
  inputItems: boolean;
  query: URLSearchParams;
}

export function storedResponsePath(req: IncomingMessage): StoredResponsePath | undefined {
  const url = req.url ?? '/';
  const queryAt = url.indexOf('?');
  const match = PATH.exec(queryAt === -1 ? url : url.slice(0, queryAt));
  if (match === null) return undefined;
  return {
    id: match[1],
    inputItems: match[2] !== undefined,
    query: new URLSearchParams(queryAt === -1 ? '' : url.slice(queryAt + 1)),
  };
}

/**
 * GET (the stored `Response`), DELETE (`{id, object, deleted}`) and GET input_items (a cursor page) of a stored
 * response, scoped to the caller's owner key. Every failure goes through the one error writer, OpenAI-shaped.
 */
export async function answerStoredResponse(
  req: IncomingMessage,
  res: ServerResponse,
  path: StoredResponsePath,
  store: ResponsesStore | undefined,
  owner: string | null,
  headers: Record<string, string>,
): Promise<void> {
  req.resume();
  try {
    const allowed = path.inputItems ? 'GET' : 'GET, DELETE';
    if (!allowed.split(', ').includes(req.method ?? '')) {
      throw new GatewayError(
        GatewayErrorCode.METHOD_NOT_ALLOWED,
        `Method ${req.method} is not allowed here; use ${allowed}.`,
        {
          headers: { allow: allowed },
        },
      );
    }
    const page = path.inputItems ? pageQuery(path.query) : undefined;
    if (store === undefined) throw responseNotFound(path.id);
    if (req.method === 'DELETE') {
      if (!(await store.delete(path.id, owner))) throw responseNotFound(path.id);
      writeJson(res, 200, JSON.stringify({ id: path.id, object: 'response', deleted: true }), headers);
      return;
    }
    const stored = await store.find(path.id, owner);
    if (stored === undefined) throw responseNotFound(path.id);
    const body = page !== undefined ? store.inputItemsPage(stored, page) : stored.response;
    writeJson(res, 200, JSON.stringify(body), headers);
  } catch (error) {
    const gatewayError = isGatewayError(error)
      ? error
      : new GatewayError(GatewayErrorCode.INTERNAL, 'The response store could not be read.', {
          cause: error,
        });
    writeGatewayError(res, 'openai-responses', gatewayError, headers);
  }
}

function pageQuery(query: URLSearchParams): { after?: string; limit: number; order: 'asc' | 'desc' } {
  const limitText = query.get('limit');
  const limit = limitText === null ? 20 : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
    throw new GatewayError(
      GatewayErrorCode.INVALID_REQUEST,
      `limit must be an integer from 1 to ${MAX_PAGE}.`,
      {
        param: 'limit',
      },
    );
  }
  const order = query.get('order') ?? 'desc';
  if (order !== 'asc' && order !== 'desc') {
    throw new GatewayError(GatewayErrorCode.INVALID_REQUEST, "order must be 'asc' or 'desc'.", {
      param: 'order',
    });
  }
  return { after: query.get('after') ?? undefined, limit, order };
}
