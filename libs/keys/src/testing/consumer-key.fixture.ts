import type { ConsumerKey } from '../consumer-key.types';

/** A stored consumer key with no limits, no expiry and no model list; `fields` override any of it. */
export function consumerKey(fields: Partial<ConsumerKey> = {}): ConsumerKey {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    name: 'team-a',
    key_prefix: 'sk-sb-abcdef',
    models: null,
    rpm: null,
    tpm: null,
    budget: null,
    expires_at: null,
    enabled: true,
    metadata: {},
    last_used_at: null,
    version: 1,
    created_at: '',
    updated_at: '',
    ...fields,
  };
}
