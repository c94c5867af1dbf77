import { startSwitchboard, type RunningSwitchboard } from '../../support/switchboard';
import { waitFor } from '../data-plane/support/wait-for';
import { LoopbackUpstream, openAiCompletion, sendJson } from './support/loopback-upstream';

interface HealthBody {
  instances: Array<{ name: string; state: string; consecutive_failures: number; open_until: string | null }>;
}

/** The breaker through the real apps: gateway records outcomes, admin reports them from the same process. */
describe('GET /admin/routes/:id/health', () => {
  let sb: RunningSwitchboard;
  let healthy = false;
  let upstream: LoopbackUpstream;

  beforeAll(async () => {
    upstream = await new LoopbackUpstream((_req, res) =>
      healthy
        ? sendJson(res, 200, openAiCompletion('ok'))
        : sendJson(res, 500, { error: { message: 'down', type: 'x' } }),
    ).start();
    sb = await startSwitchboard();
  });
  afterAll(async () => {
    await sb?.close();
    await upstream?.close();
  });

  const admin = (path: string, init: RequestInit = {}) =>
    fetch(`${sb.adminUrl}${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${sb.adminToken}`,
        'content-type': 'application/json',
        ...init.headers,
      },
    });
  const ask = () =>
    fetch(`${sb.gatewayUrl}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'health-model', messages: [{ role: 'user', content: 'hi' }] }),
    });
  const health = async (id: string) =>
    (await (await admin(`/admin/routes/${id}/health`)).json()) as HealthBody;

  it('walks closed → open → half_open → closed', async () => {
    const created = await admin('/admin/routes', {
      method: 'POST',
      body: JSON.stringify({
        name: 'health-route',
        models: ['health-model'],
        circuit_breaker: { failure_threshold: 2, cooldown: 400 },
        instances: [
          {
            name: 'solo',
            provider: 'openai-compatible',
            auth: { header: { authorization: 'Bearer k' } },
            override: { endpoint: upstream.url },
          },
        ],
      }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    await expect(health(id)).resolves.toEqual({
      replica: { id: expect.stringMatching(/\/\d+$/), serves_traffic: true },
      instances: [{ name: 'solo', state: 'closed', consecutive_failures: 0, open_until: null }],
      replicas: expect.any(Array),
    });

    expect((await ask()).status).toBe(500);
    expect((await ask()).status).toBe(500);
    const open = await health(id);
    expect(open.instances[0]).toMatchObject({ state: 'open', consecutive_failures: 2 });
    expect(Date.parse(open.instances[0].open_until!)).toBeGreaterThan(Date.now());

    await waitFor('the cooldown to end', async () => (await health(id)).instances[0].state === 'half_open');
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(open.instances[0].open_until!));
    healthy = true;
    expect((await ask()).status).toBe(200);
    await expect(health(id)).resolves.toEqual({
      replica: { id: expect.stringMatching(/\/\d+$/), serves_traffic: true },
      instances: [{ name: 'solo', state: 'closed', consecutive_failures: 0, open_until: null }],
      replicas: expect.any(Array),
    });
  });

  it('answers 404 for an unknown route and 401 without the admin token', async () => {
    expect((await admin('/admin/routes/does-not-exist/health')).status).toBe(404);
    expect((await fetch(`${sb.adminUrl}/admin/routes/does-not-exist/health`)).status).toBe(401);
  });
});
