import { GatewayError, GatewayErrorCode } from '@switchboard/common/errors';

/**
 * Stored-response lookups that failed, as GatewayErrors: the data plane's one error writer answers them 404 in
 * OpenAI's shape with `param` and `code` (responses-spec §5.1).
 */
export function previousResponseNotFound(id: string): GatewayError {
  return new GatewayError(GatewayErrorCode.NOT_FOUND, `Previous response with id '${id}' not found.`, {
    param: 'previous_response_id',
    clientCode: 'previous_response_not_found',
  });
}

export function itemNotFound(id: string): GatewayError {
  return new GatewayError(GatewayErrorCode.NOT_FOUND, `Item with id '${id}' not found.`, { param: 'input' });
}

export function responseNotFound(id: string): GatewayError {
  return new GatewayError(GatewayErrorCode.NOT_FOUND, `Response with id '${id}' not found.`, {
    param: 'response_id',
  });
}
