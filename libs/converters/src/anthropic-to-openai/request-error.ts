import { GatewayError, GatewayErrorCode } from '@switchboard/common/errors';

/** A client-side mistake in the Anthropic request: 400 `invalid_request_error` naming the field. */
export function invalidRequest(path: string, message: string): GatewayError {
  return new GatewayError(GatewayErrorCode.INVALID_REQUEST, `${path}: ${message}`, {
    param: path,
    details: [{ path, message }],
  });
}
