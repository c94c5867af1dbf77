import { GatewayError, GatewayErrorCode, isGatewayError } from '@switchboard/common/errors';
import { streamErrorStatusForType } from '@switchboard/protocols';
import type { AttemptFailure } from '../fallback/attempt-failure';
import { classifyUpstreamError, type AbortCause } from '../upstream/classify-upstream-error';

/** The error the converter sees (and reports in-stream) when the upstream body fails mid-stream. */
export function streamSourceError(error: unknown, cause: AbortCause | undefined): GatewayError {
  if (cause === 'shutdown') return shuttingDownError(error);
  const failure = classifyUpstreamError(error, cause);
  if (failure.kind === 'timeout') {
    const what =
      failure.phase === 'total' ? 'the request exceeded its total timeout' : `${failure.phase} timeout`;
    return new GatewayError(GatewayErrorCode.UPSTREAM_TIMEOUT, `The upstream stream stopped: ${what}.`, {
      cause: error,
    });
  }
  return new GatewayError(
    GatewayErrorCode.UPSTREAM_STREAM_CUT,
    `The upstream stream broke: ${failure.kind === 'network' ? failure.message : 'error'}.`,
    { cause: error },
  );
}

/** A stream that failed before its first event reached the client counts as an ordinary attempt failure. */
export function preCommitFailure(error: unknown, cause: AbortCause | undefined): AttemptFailure {
  const inner = isGatewayError(error) ? error.cause : error;
  if (cause !== undefined || !isGatewayError(error)) return classifyUpstreamError(inner ?? error, cause);
  if (error.code === GatewayErrorCode.UPSTREAM_ERROR) {
    // The upstream's own in-stream error before any content: as if it had answered that status.
    return {
      kind: 'status',
      status: error.upstreamStatus ?? streamErrorStatusForType(error.upstreamType),
      body: { error: { message: error.message, type: error.upstreamType ?? 'api_error' } },
    };
  }
  if (error.code === GatewayErrorCode.UPSTREAM_TIMEOUT) {
    return { kind: 'timeout', phase: 'idle', message: error.message };
  }
  if (inner !== undefined) return classifyUpstreamError(inner, undefined);
  return { kind: 'network', reason: 'other', message: error.message };
}

/** The code a stream that broke after commit is recorded under. */
export function streamErrorCode(error: unknown): string {
  return isGatewayError(error) ? error.code : GatewayErrorCode.UPSTREAM_STREAM_CUT;
}

/** What a request still in flight when the shutdown grace period ends is answered (or told in-stream). */
export function shuttingDownError(cause?: unknown): GatewayError {
  return new GatewayError(
    GatewayErrorCode.SHUTTING_DOWN,
    'The gateway is shutting down: the response was cut before its end. Retry the request.',
    { cause, headers: { 'retry-after': '1' } },
  );
}
