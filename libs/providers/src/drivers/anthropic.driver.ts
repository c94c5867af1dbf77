import type { ProviderDriver } from '../provider-driver';
import { ANTHROPIC_MESSAGES_ENDPOINT, OPENAI_CHAT_ENDPOINT } from './protocol-endpoints';

/** Anthropic: native Messages API; its OpenAI-compatible endpoint is used only when an instance asks for `openai-chat`. */
export const anthropicDriver: ProviderDriver = {
  name: 'anthropic',
  nativeProtocol: 'anthropic-messages',
  protocols: { 'anthropic-messages': ANTHROPIC_MESSAGES_ENDPOINT, 'openai-chat': OPENAI_CHAT_ENDPOINT },
  defaultOrigin: 'https://api.anthropic.com',
  authStyle: 'x-api-key',
  removeModel: false,
};
