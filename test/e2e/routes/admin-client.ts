import type { RunningSwitchboard } from '../../support/switchboard';

export interface AdminResponse {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/** Minimal authenticated JSON client for /admin/routes in e2e tests. */
export function adminClient(sb: RunningSwitchboard) {
  return async (method: string, path: string, body?: unknown): Promise<AdminResponse> => {
    const response = await fetch(`${sb.adminUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${sb.adminToken}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
}

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
