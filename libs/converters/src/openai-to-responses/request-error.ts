import { GatewayError, GatewayErrorCode } from '@switchboard/common/errors';

export function invalidRequest(param: string, message: string): GatewayError {
  return new GatewayError(GatewayErrorCode.INVALID_REQUEST, message, {
    param,
    details: [{ path: param, message }],
  });
}

export function unsupported(param: string, message: string): GatewayError {
  return new GatewayError(GatewayErrorCode.UNSUPPORTED_CONVERSION, message, {
    param,
    details: [{ path: param, message }],
  });
}
