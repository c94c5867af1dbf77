import { GatewayError, GatewayErrorCode, isGatewayError } from '@switchboard/common/errors';
import {
  anthropicStreamErrorEvent,
  openAiDoneEvent,
  openAiErrorForAnthropicType,
  openAiStreamErrorEvent,
  type Protocol,
  type SseEvent,
} from '@switchboard/protocols';

/**
 * What a client is told when its stream fails after HTTP 200, and the GatewayError the operator then raises so
 * the data plane can record the outcome. OpenAI clients get `data: {"error":…}` + `data: [DONE]`; Anthropic
 * clients get `event: error`.
 */

export function streamCutError(): GatewayError {
  return new GatewayError(
    GatewayErrorCode.UPSTREAM_STREAM_CUT,
    'The upstream stream ended before its end marker; the response is incomplete.',
  );
}

/** A source error (reset, timeout…) as the GatewayError the operator finally raises. */
export function gatewayErrorFromSourceError(error: unknown): GatewayError {
  if (isGatewayError(error)) return error;
  const message = error instanceof Error && error.message ? error.message : 'connection lost';
  return new GatewayError(GatewayErrorCode.UPSTREAM_STREAM_CUT, `The upstream stream failed: ${message}`, {
    cause: error,
  });
}

/** Anthropic error `type` describing a GatewayError raised while streaming. */
export function anthropicTypeForStreamError(error: GatewayError): string {
  if (error.upstreamType) return error.upstreamType;
  return error.code === GatewayErrorCode.UPSTREAM_TIMEOUT ? 'timeout_error' : 'api_error';
}

/** The client-protocol events announcing a stream failure. */
export function clientStreamErrorEvents(client: Protocol, error: GatewayError): SseEvent[] {
  const anthropicType = anthropicTypeForStreamError(error);
  if (client === 'anthropic-messages') return [anthropicStreamErrorEvent(anthropicType, error.message)];
  return [
    openAiStreamErrorEvent(openAiErrorForAnthropicType(anthropicType, error.message)),
    openAiDoneEvent(),
  ];
}
