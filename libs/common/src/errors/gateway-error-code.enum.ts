/**
 * Every error Switchboard raises has one of these codes. Libraries throw GatewayError with a code;
 * only the exception filter (and the data plane's error writer) turn a code into an HTTP status and a body
 * in the caller's protocol. Add a code here, then handle it in gateway-error-status.ts.
 */
export enum GatewayErrorCode {
  /** Malformed or semantically invalid request body (client side). */
  INVALID_REQUEST = 'INVALID_REQUEST',
  /** Admin DTO validation failed; `details` lists every invalid field. */
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  /** Body is not JSON-typed. */
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
  /** Body over MAX_BODY_SIZE. */
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  /** The path exists but not for this HTTP method; the `allow` header names the right one. */
  METHOD_NOT_ALLOWED = 'METHOD_NOT_ALLOWED',
  /** Missing or wrong admin token. */
  UNAUTHORIZED = 'UNAUTHORIZED',
  /** Admin resource (route) not found. */
  NOT_FOUND = 'NOT_FOUND',
  /** No enabled route serves the requested model. */
  MODEL_NOT_FOUND = 'MODEL_NOT_FOUND',
  /** Name or exact model already taken. */
  CONFLICT = 'CONFLICT',
  /** The request cannot be expressed in the upstream's protocol (e.g. n > 1 toward Anthropic). */
  UNSUPPORTED_CONVERSION = 'UNSUPPORTED_CONVERSION',
  /** Route exists but no instance can take traffic (all weight 0 / disabled). */
  NO_AVAILABLE_INSTANCE = 'NO_AVAILABLE_INSTANCE',
  /** The route has instances, but none speaks the protocol the endpoint needs (count_tokens: anthropic-messages). */
  NO_COMPATIBLE_INSTANCE = 'NO_COMPATIBLE_INSTANCE',
  /** The instance cannot be called as configured (bad endpoint, unknown protocol, conversion bug). */
  INSTANCE_MISCONFIGURED = 'INSTANCE_MISCONFIGURED',
  /** Upstream answered with an error status; `upstreamStatus` carries it (502 when it is not an error status). */
  UPSTREAM_ERROR = 'UPSTREAM_ERROR',
  /** Upstream rejected the gateway's credentials (401/403): a gateway misconfiguration, surfaced as 502. */
  UPSTREAM_AUTH_FAILED = 'UPSTREAM_AUTH_FAILED',
  /** Connection refused/reset, DNS failure, garbage response. */
  UPSTREAM_UNREACHABLE = 'UPSTREAM_UNREACHABLE',
  /** Connect, first-byte, idle or total timeout. */
  UPSTREAM_TIMEOUT = 'UPSTREAM_TIMEOUT',
  /** A stream ended before its protocol's end marker, or carried garbage. */
  UPSTREAM_STREAM_CUT = 'UPSTREAM_STREAM_CUT',
  /** The gateway is shutting down: a request still in flight when the grace period ended was cut. */
  SHUTTING_DOWN = 'SHUTTING_DOWN',
  /** Gateway not ready (route table not loaded yet). */
  NOT_READY = 'NOT_READY',
  /** The client went away before the response ended (recorded as 499; nothing is written). */
  CLIENT_CLOSED = 'CLIENT_CLOSED',
  /** Anything unexpected. */
  INTERNAL = 'INTERNAL',
}
