import type { ProtocolEndpoint } from '../provider-driver';

/** OpenAI-style APIs: the SDK base URL ends in `/v1` and `/chat/completions` is appended. */
export const OPENAI_CHAT_ENDPOINT: ProtocolEndpoint = {
  defaultPath: '/v1/chat/completions',
  basePathSuffix: '/chat/completions',
};

/** Anthropic-style APIs: the SDK base URL is the host (or a prefix like `/anthropic/`) and `/v1/messages` is appended. */
export const ANTHROPIC_MESSAGES_ENDPOINT: ProtocolEndpoint = {
  defaultPath: '/v1/messages',
  basePathSuffix: '/v1/messages',
};

/** The OpenAI Responses API: same base URL as Chat Completions, `/responses` appended. */
export const OPENAI_RESPONSES_ENDPOINT: ProtocolEndpoint = {
  defaultPath: '/v1/responses',
  basePathSuffix: '/responses',
};
