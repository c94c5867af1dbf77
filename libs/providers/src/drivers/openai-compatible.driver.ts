import type { ProviderDriver } from '../provider-driver';
import { OPENAI_CHAT_ENDPOINT, OPENAI_RESPONSES_ENDPOINT } from './protocol-endpoints';

export const openAiCompatibleDriver: ProviderDriver = {
  name: 'openai-compatible',
  nativeProtocol: 'openai-chat',
  protocols: { 'openai-chat': OPENAI_CHAT_ENDPOINT, 'openai-responses': OPENAI_RESPONSES_ENDPOINT },
  authStyle: 'bearer',
  removeModel: false,
};
