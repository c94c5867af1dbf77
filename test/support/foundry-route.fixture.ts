/** The example route of issue 2, verbatim. */
export function foundryRoute(): Record<string, unknown> {
  return {
    id: 'claude-foundry',
    name: 'claude-foundry',
    models: ['claude-opus-4-5', 'claude-sonnet-*'],
    enabled: true,
    instances: [
      {
        name: 'foundry-east',
        provider: 'anthropic',
        protocol: 'anthropic-messages',
        weight: 3,
        priority: 1,
        auth: { header: { 'x-api-key': 'secret' }, query: {} },
        options: { model: 'claude-opus-4-5', max_tokens: 4096 },
        override: { endpoint: 'https://res.services.ai.azure.com/anthropic/v1/messages' },
        enabled: true,
      },
    ],
    balancer: { algorithm: 'roundrobin' },
    fallback_strategy: ['http_429', 'http_5xx'],
    fallback_http_statuses: [401, 402],
    max_retries: 2,
    timeout: 30000,
  };
}
