import { GatewayErrorCode } from '@switchboard/common/errors';
import type { AttemptFailure } from '../fallback/attempt-failure';

/** The gateway code an attempt failure is recorded and answered under. */
export function attemptErrorCode(failure: AttemptFailure): GatewayErrorCode {
  switch (failure.kind) {
    case 'status':
      return failure.status === 401 || failure.status === 403
        ? GatewayErrorCode.UPSTREAM_AUTH_FAILED
        : GatewayErrorCode.UPSTREAM_ERROR;
    case 'network':
      return GatewayErrorCode.UPSTREAM_UNREACHABLE;
    case 'timeout':
      return GatewayErrorCode.UPSTREAM_TIMEOUT;
    case 'misconfigured':
      return GatewayErrorCode.INSTANCE_MISCONFIGURED;
  }
}
