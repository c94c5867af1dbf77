import type { ProviderDriver } from '../provider-driver';
import { OPENAI_CHAT_ENDPOINT } from './protocol-endpoints';

export const openAiDriver: ProviderDriver = {
  name: 'openai',
  nativeProtocol: 'openai-chat',
  protocols: { 'openai-chat': OPENAI_CHAT_ENDPOINT },
  defaultOrigin: 'https://api.openai.com',
  authStyle: 'bearer',
  removeModel: false,
};
