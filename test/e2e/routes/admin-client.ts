import type { RunningSwitchboard } from '../../support/switchboard';

export { foundryRoute } from '../../support/foundry-route.fixture';

export interface AdminResponse {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export type AdminCall = (method: string, path: string, body?: unknown) => Promise<AdminResponse>;

/** Minimal authenticated JSON client for /admin/routes in e2e tests. */
export function adminClient(sb: Pick<RunningSwitchboard, 'adminUrl' | 'adminToken'>): AdminCall {
  return async (method, path, body) => {
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
