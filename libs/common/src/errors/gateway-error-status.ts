import { assertUnreachable } from './assert-unreachable';
import { GatewayErrorCode } from './gateway-error-code.enum';
import { type GatewayError } from './gateway.error';

/** The HTTP status a GatewayError is answered with, on the data plane and the admin API alike. */
export function gatewayErrorStatus(error: Pick<GatewayError, 'code' | 'upstreamStatus'>): number {
  const code = error.code;
  switch (code) {
    case GatewayErrorCode.INVALID_REQUEST:
    case GatewayErrorCode.VALIDATION_FAILED:
    case GatewayErrorCode.UNSUPPORTED_CONVERSION:
    case GatewayErrorCode.NO_COMPATIBLE_INSTANCE:
      return 400;
    case GatewayErrorCode.UNAUTHORIZED:
      return 401;
    case GatewayErrorCode.NOT_FOUND:
    case GatewayErrorCode.MODEL_NOT_FOUND:
      return 404;
    case GatewayErrorCode.METHOD_NOT_ALLOWED:
      return 405;
    case GatewayErrorCode.CONFLICT:
      return 409;
    case GatewayErrorCode.PAYLOAD_TOO_LARGE:
      return 413;
    case GatewayErrorCode.UNSUPPORTED_MEDIA_TYPE:
      return 415;
    case GatewayErrorCode.CLIENT_CLOSED:
      return 499;
    case GatewayErrorCode.INTERNAL:
      return 500;
    case GatewayErrorCode.UPSTREAM_ERROR:
      return isErrorStatus(error.upstreamStatus) ? error.upstreamStatus : 502;
    case GatewayErrorCode.UPSTREAM_AUTH_FAILED:
    case GatewayErrorCode.UPSTREAM_UNREACHABLE:
    case GatewayErrorCode.UPSTREAM_STREAM_CUT:
    case GatewayErrorCode.INSTANCE_MISCONFIGURED:
      return 502;
    case GatewayErrorCode.NO_AVAILABLE_INSTANCE:
    case GatewayErrorCode.NOT_READY:
    case GatewayErrorCode.SHUTTING_DOWN:
      return 503;
    case GatewayErrorCode.UPSTREAM_TIMEOUT:
      return 504;
    default:
      return assertUnreachable(code, 'GatewayErrorCode');
  }
}

function isErrorStatus(status: number | undefined): status is number {
  return status !== undefined && Number.isInteger(status) && status >= 400 && status <= 599;
}
