import { anthropicMessagesGrammar } from './anthropic-messages/anthropic-messages.grammar';
import { openAiChatGrammar } from './openai-chat/openai-chat.grammar';
import { openAiResponsesGrammar } from './openai-responses/responses.grammar';
import type { Protocol } from './protocol';
import type { ErrorDetails, ProtocolGrammar } from './protocol-grammar';
import type { SseEvent } from './sse/sse-event';

const GRAMMARS: Readonly<Record<Protocol, ProtocolGrammar>> = {
  'openai-chat': openAiChatGrammar,
  'anthropic-messages': anthropicMessagesGrammar,
  'openai-responses': openAiResponsesGrammar,
};

export function protocolGrammar(protocol: Protocol): ProtocolGrammar {
  return GRAMMARS[protocol];
}

/** A gateway-written error body in the client's protocol, `param`/`code` carried (OpenAI). */
export function clientErrorBody(
  protocol: Protocol,
  status: number,
  message: string,
  details?: ErrorDetails,
): Record<string, unknown> {
  return GRAMMARS[protocol].errorBody(status, message, details);
}

/** Is this client-protocol event the stream's error report (Anthropic `event: error`, OpenAI `data: {"error":…}`)? */
export function isStreamErrorEvent(protocol: Protocol, event: SseEvent): boolean {
  return GRAMMARS[protocol].isStreamErrorEvent(event);
}

/**
 * Status of an upstream in-stream error `type` when its protocol is unknown (Anthropic vocabulary first, then
 * OpenAI's). Converters set `GatewayError.upstreamStatus` themselves; this is for errors that lack it.
 */
export function streamErrorStatusForType(type: string | undefined): number {
  const anthropic = anthropicMessagesGrammar.streamErrorStatus(type);
  return anthropic !== 500 ? anthropic : openAiChatGrammar.streamErrorStatus(type);
}
