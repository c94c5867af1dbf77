import { GatewayError, GatewayErrorCode } from '@switchboard/common/errors';
import { isJsonObject, type JsonObject } from '@switchboard/protocols';

/**
 * A client-side mistake in an OpenAI-client request (Chat or Responses): 400 naming the field in `param`, the
 * message as the client wrote it.
 */
export function invalidRequest(param: string, message: string): GatewayError {
  return new GatewayError(GatewayErrorCode.INVALID_REQUEST, message, {
    param,
    details: [{ path: param, message }],
  });
}

/** A request field the upstream protocol cannot express: UNSUPPORTED_CONVERSION naming the field. */
export function unsupported(param: string, message: string): GatewayError {
  return new GatewayError(GatewayErrorCode.UNSUPPORTED_CONVERSION, message, {
    param,
    details: [{ path: param, message }],
  });
}

/** The first check of a Chat Completions request: a JSON object that names a model. */
export function assertChatRequest(body: unknown): asserts body is JsonObject & { model: string } {
  if (!isJsonObject(body)) throw invalidRequest('body', 'The request body must be a JSON object.');
  if (typeof body.model !== 'string' || body.model.length === 0) {
    throw invalidRequest('model', 'model is required.');
  }
}
