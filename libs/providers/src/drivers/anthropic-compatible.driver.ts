import type { ProviderDriver } from '../provider-driver';
import { ANTHROPIC_MESSAGES_ENDPOINT } from './protocol-endpoints';

/** Any Anthropic Messages API (Azure AI Foundry, proxies): Messages only, endpoint required. */
export const anthropicCompatibleDriver: ProviderDriver = {
  name: 'anthropic-compatible',
  nativeProtocol: 'anthropic-messages',
  protocols: { 'anthropic-messages': ANTHROPIC_MESSAGES_ENDPOINT },
  authStyle: 'x-api-key',
  removeModel: false,
};
