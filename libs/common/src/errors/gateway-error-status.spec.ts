import { GatewayErrorCode } from './gateway-error-code.enum';
import { gatewayErrorStatus } from './gateway-error-status';
import { GatewayError } from './gateway.error';

describe('gatewayErrorStatus', () => {
  it.each([
    [GatewayErrorCode.INVALID_REQUEST, 400],
    [GatewayErrorCode.VALIDATION_FAILED, 400],
    [GatewayErrorCode.UNSUPPORTED_CONVERSION, 400],
    [GatewayErrorCode.NO_COMPATIBLE_INSTANCE, 400],
    [GatewayErrorCode.METHOD_NOT_ALLOWED, 405],
    [GatewayErrorCode.CLIENT_CLOSED, 499],
    [GatewayErrorCode.INSTANCE_MISCONFIGURED, 502],
    [GatewayErrorCode.UNAUTHORIZED, 401],
    [GatewayErrorCode.NOT_FOUND, 404],
    [GatewayErrorCode.MODEL_NOT_FOUND, 404],
    [GatewayErrorCode.CONFLICT, 409],
    [GatewayErrorCode.PAYLOAD_TOO_LARGE, 413],
    [GatewayErrorCode.UNSUPPORTED_MEDIA_TYPE, 415],
    [GatewayErrorCode.INTERNAL, 500],
    [GatewayErrorCode.UPSTREAM_AUTH_FAILED, 502],
    [GatewayErrorCode.UPSTREAM_UNREACHABLE, 502],
    [GatewayErrorCode.UPSTREAM_STREAM_CUT, 502],
    [GatewayErrorCode.NO_AVAILABLE_INSTANCE, 503],
    [GatewayErrorCode.NOT_READY, 503],
    [GatewayErrorCode.UPSTREAM_TIMEOUT, 504],
  ])('%s → %d', (code, status) => {
    expect(gatewayErrorStatus(new GatewayError(code, 'x'))).toBe(status);
  });

  it('covers every code', () => {
    for (const code of Object.values(GatewayErrorCode)) {
      expect(gatewayErrorStatus(new GatewayError(code, 'x', { upstreamStatus: 429 }))).toBeGreaterThanOrEqual(
        400,
      );
    }
  });

  it('answers UPSTREAM_ERROR with the upstream status, 502 when it is missing or not an error status', () => {
    const upstream = (upstreamStatus?: number) =>
      gatewayErrorStatus(new GatewayError(GatewayErrorCode.UPSTREAM_ERROR, 'x', { upstreamStatus }));
    expect(upstream(429)).toBe(429);
    expect(upstream(503)).toBe(503);
    expect(upstream(undefined)).toBe(502);
    expect(upstream(200)).toBe(502);
    expect(upstream(999)).toBe(502);
  });
});
