import { startAnthropicMock, startOpenAiMock, type MockUpstream } from '@switchboard/testing/mock-upstreams';
import { startSwitchboard, type RunningSwitchboard } from '@switchboard/testing/switchboard';

export interface FuzzTargets {
  sb: RunningSwitchboard;
  gatewayPort: number;
  adminPort: number;
  close(): Promise<void>;
}

const instance = (provider: 'openai-compatible' | 'anthropic-compatible', url: string) => ({
  name: 'mock',
  provider,
  auth: { header: provider === 'openai-compatible' ? { authorization: 'Bearer k' } : { 'x-api-key': 'k' } },
  override: { endpoint: url },
});

/** The gateway in this process on loopback, with loopback mock upstreams behind converted and passthrough routes. */
export async function startFuzzTargets(): Promise<FuzzTargets> {
  const mocks: MockUpstream[] = [await startOpenAiMock(), await startAnthropicMock()];
  const [openai, anthropic] = mocks;
  const sb = await startSwitchboard({
    env: {
      LOG_LEVEL: 'error',
      MAX_BODY_SIZE: '1mb',
      BODY_IDLE_TIMEOUT_MS: '2000',
      ROUTE_REFRESH_INTERVAL_MS: '0',
    },
  });
  const routes = [
    {
      id: 'fz-1',
      name: 'fz-openai-to-anthropic',
      models: ['fz-openai-to-anthropic'],
      instances: [instance('anthropic-compatible', anthropic.url)],
    },
    {
      id: 'fz-2',
      name: 'fz-openai-passthrough',
      models: ['fz-openai-passthrough'],
      instances: [instance('openai-compatible', openai.url)],
    },
    {
      id: 'fz-3',
      name: 'fz-anthropic-to-openai',
      models: ['fz-anthropic-to-openai'],
      instances: [instance('openai-compatible', openai.url)],
    },
    {
      id: 'fz-4',
      name: 'fz-anthropic-passthrough',
      models: ['fz-anthropic-passthrough'],
      instances: [instance('anthropic-compatible', anthropic.url)],
    },
  ];
  for (const route of routes) {
    const response = await fetch(`${sb.adminUrl}/admin/routes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sb.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(route),
    });
    if (response.status !== 201)
      throw new Error(`fuzz route ${route.id}: ${response.status} ${await response.text()}`);
  }
  return {
    sb,
    gatewayPort: Number(new URL(sb.gatewayUrl).port),
    adminPort: Number(new URL(sb.adminUrl).port),
    close: async () => {
      await sb.close();
      await Promise.all(mocks.map((mock) => mock.close()));
    },
  };
}
