/** Shown when there is no route yet, and as the JSON editor's starting point for a new route. */
export const FIRST_ROUTE_EXAMPLE = JSON.stringify(
  {
    name: 'gpt-main',
    models: ['gpt-4o-mini'],
    enabled: true,
    instances: [
      {
        name: 'openai-primary',
        provider: 'openai',
        weight: 1,
        priority: 1,
        auth: { header: { authorization: 'Bearer sk-…your upstream key…' } },
        enabled: true,
      },
    ],
    fallback_strategy: ['http_429', 'http_5xx'],
    timeout: 30000,
  },
  null,
  2,
);
