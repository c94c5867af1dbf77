import type { ProviderDriver } from '../provider-driver';

/** DeepSeek serves chat completions at the root (`https://api.deepseek.com/chat/completions`). */
export const deepSeekDriver: ProviderDriver = {
  name: 'deepseek',
  nativeProtocol: 'openai-chat',
  protocols: { 'openai-chat': { defaultPath: '/chat/completions', basePathSuffix: '/chat/completions' } },
  defaultOrigin: 'https://api.deepseek.com',
  authStyle: 'bearer',
  removeModel: false,
};
