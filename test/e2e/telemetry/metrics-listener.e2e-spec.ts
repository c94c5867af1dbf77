import { createTestDatabase, type TestDatabase } from '../../support/database';
import { eventually } from '../../support/eventually';
import { parsePrometheusText } from '../../support/prometheus-text';
import { CompiledProcess, ENTRY, ensureBuilt } from '../platform/compiled-app';

jest.setTimeout(120_000);

/** `start:gateway` and `start:admin` (compiled) each serve GET /metrics on their own listener, without a token. */
describe('the /metrics listener of each deployable', () => {
  let database: TestDatabase;
  const children: CompiledProcess[] = [];

  beforeAll(async () => {
    ensureBuilt();
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await Promise.all(children.map((child) => child.stop()));
    await database?.drop();
  });

  it.each([
    ['gateway', ENTRY.gateway],
    ['admin', ENTRY.admin],
  ])('%s', async (_name, entry) => {
    const child = new CompiledProcess(entry, {
      DATABASE_URL: database.url,
      ...(database.embedded ? { DB_POOL_SIZE: '1' } : {}),
      GATEWAY_HOST: '127.0.0.1',
      GATEWAY_PORT: '0',
      ADMIN_PORT: '0',
      ADMIN_TOKEN: 'a-long-enough-admin-token',
      DATA_DIR: `/tmp/switchboard-metrics-${process.pid}-${_name}`,
    });
    children.push(child);
    await child.listening();
    const url = (await eventually(
      async () => /Prometheus metrics: (http:\/\/[^"\s]+)/.exec(child.stdout),
      (match) => match !== null,
    ))![1];
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const metrics = parsePrometheusText(await response.text());
    expect(metrics.types.get('switchboard_requests_total')).toBe('counter');
    expect(metrics.types.get('gen_ai_client_token_usage')).toBe('histogram');
    expect(metrics.find('process_resident_memory_bytes')).toHaveLength(1);
    await expect(child.stop()).resolves.toBe(0);
  });
});
