import type { ProviderDriver } from '../provider-driver';
import { OPENAI_CHAT_ENDPOINT } from './protocol-endpoints';

export const openAiCompatibleDriver: ProviderDriver = {
  name: 'openai-compatible',
  nativeProtocol: 'openai-chat',
  protocols: { 'openai-chat': OPENAI_CHAT_ENDPOINT },
  authStyle: 'bearer',
  removeModel: false,
};
