import type { ProviderDriver } from '../provider-driver';
import { OPENAI_CHAT_ENDPOINT, OPENAI_RESPONSES_ENDPOINT } from './protocol-endpoints';

export const openAiDriver: ProviderDriver = {
  name: 'openai',
  nativeProtocol: 'openai-chat',
  protocols: { 'openai-chat': OPENAI_CHAT_ENDPOINT, 'openai-responses': OPENAI_RESPONSES_ENDPOINT },
  defaultOrigin: 'https://api.openai.com',
  authStyle: 'bearer',
  removeModel: false,
};
