import { startSwitchboard, type RunningSwitchboard } from '../../support/switchboard';

describe('gateway health endpoints', () => {
  let sb: RunningSwitchboard;
  beforeAll(async () => {
    sb = await startSwitchboard();
  });
  afterAll(() => sb?.close());

  it('GET /healthz → 200 {"status":"ok"}', async () => {
    const response = await fetch(`${sb.gatewayUrl}/healthz`);
    expect(response.status).toBe(200);
    await expect(response.json()).resolves.toEqual({ status: 'ok' });
  });

  it('GET /readyz → 200 once the route table is loaded', async () => {
    let response = await fetch(`${sb.gatewayUrl}/readyz`);
    for (let attempt = 0; response.status !== 200 && attempt < 50; attempt++) {
      expect(response.status).toBe(503);
      await new Promise((resolve) => setTimeout(resolve, 100));
      response = await fetch(`${sb.gatewayUrl}/readyz`);
    }
    expect(response.status).toBe(200);
    await expect(response.json()).resolves.toEqual({ status: 'ready' });
  });

  it('serves the gateway and admin apps from one core (one DataSource, one bus)', async () => {
    await expect(sb.core.dataSource.query('SELECT 1 AS one')).resolves.toEqual([{ one: 1 }]);
    expect(sb.core.config.gatewayPort).toBe(0);
    expect(new URL(sb.gatewayUrl).port).not.toBe(new URL(sb.adminUrl).port);
  });
});
