import type { ProviderDriver } from '../provider-driver';

/** Azure OpenAI: the deployment (hence the model) is in the URL; the key goes in `api-key`. */
export const azureOpenAiDriver: ProviderDriver = {
  name: 'azure-openai',
  nativeProtocol: 'openai-chat',
  protocols: {
    'openai-chat': { defaultPath: '/openai/v1/chat/completions', basePathSuffix: '/chat/completions' },
    'openai-responses': { defaultPath: '/openai/v1/responses', basePathSuffix: '/responses' },
  },
  authStyle: 'api-key',
  removeModel: true,
};
