import { asString, isJsonObject } from '../json/json-value';
import type { ProtocolGrammar } from '../protocol-grammar';
import {
  anthropicErrorBody,
  anthropicErrorTypeForStatus,
  isAnthropicErrorBody,
} from './anthropic-messages.errors';
import {
  anthropicStreamErrorEvent,
  anthropicStreamErrorStatus,
  isAnthropicStreamErrorEvent,
} from './anthropic-messages.stream';
import { AnthropicMessagesStreamWatcher } from './anthropic-messages.stream-watcher';
import { tokenUsageFromAnthropic } from './anthropic-messages.usage';

export const anthropicMessagesGrammar: ProtocolGrammar = {
  protocol: 'anthropic-messages',
  errorBody: (status, message, details) =>
    anthropicErrorBody(details?.type ?? anthropicErrorTypeForStatus(status), message) as unknown as Record<
      string,
      unknown
    >,
  isErrorBody: isAnthropicErrorBody,
  streamErrorEvents: (status, message) => [
    anthropicStreamErrorEvent(anthropicErrorTypeForStatus(status), message),
  ],
  isStreamErrorEvent: isAnthropicStreamErrorEvent,
  streamErrorStatus: anthropicStreamErrorStatus,
  usageFromBody: (body) => (isJsonObject(body) ? tokenUsageFromAnthropic(body.usage) : undefined),
  modelFromBody: (body) => (isJsonObject(body) ? asString(body.model) || undefined : undefined),
  createStreamWatcher: () => new AnthropicMessagesStreamWatcher(),
};
