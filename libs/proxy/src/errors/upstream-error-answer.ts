import { GatewayError, GatewayErrorCode } from '@switchboard/common/errors';
import type { Converter } from '@switchboard/converters';
import type { AttemptFailure } from '../fallback/attempt-failure';

/** An upstream error status relayed to the client, converted to its protocol. */
export interface UpstreamErrorAnswer {
  status: number;
  payload: string;
  headers?: Record<string, string>;
}

/**
 * A failure outside the fallback triggers goes back to the client: an upstream status converted by the
 * attempt's converter; 401/403 and 404 become the gateway's own 502 (its credentials or its endpoint, not the
 * client's request, were refused);
 * anything else, or a body the converter cannot read, a gateway error.
 */
export function upstreamErrorAnswer(
  failure: AttemptFailure & { kind: 'status' },
  instance: string,
  converter: Converter | undefined,
): UpstreamErrorAnswer | GatewayError {
  const status = failure.status;
  if (status === 401 || status === 403) {
    return new GatewayError(
      GatewayErrorCode.UPSTREAM_AUTH_FAILED,
      `Upstream instance '${instance}' rejected the gateway's credentials (HTTP ${status}); check the instance's auth configuration.`,
    );
  }
  if (status === 404) {
    // The route's model exists; the upstream's 404 means the instance's endpoint (or deployment) is wrong.
    return new GatewayError(
      GatewayErrorCode.INSTANCE_MISCONFIGURED,
      `Upstream instance '${instance}' answered HTTP 404 for ${failure.path ?? 'its endpoint'}; check the instance's endpoint configuration.`,
    );
  }
  const headers = failure.retryAfter === undefined ? undefined : { 'retry-after': failure.retryAfter };
  try {
    if (converter === undefined) throw new Error('no converter');
    const converted = converter.convertError(status, failure.body);
    return { status: converted.status, payload: JSON.stringify(converted.body), headers };
  } catch {
    return new GatewayError(
      GatewayErrorCode.UPSTREAM_ERROR,
      `Upstream instance '${instance}' answered HTTP ${status}.`,
      {
        upstreamStatus: status,
        headers,
      },
    );
  }
}
