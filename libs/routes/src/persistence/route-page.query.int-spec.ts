import { SWITCHBOARD_SCHEMA } from '@switchboard/core/schema';
import { createDataSource, runMigrations } from '@switchboard/database/data-source.factory';
import { createTestDatabase, type TestDatabase } from '@switchboard/testing/database';
import type { DataSource } from 'typeorm';
import { SECRET_UNREADABLE, type InstanceSecretCodec } from './instance-secret.codec';
import { RouteRepository } from './route.repository';
import { validateRouteBody } from '../validation/route-validator';

/** Seals as `sealed:<plain>`; `bad:` values name no configured key. Counts what it decrypts. */
function countingCodec(): InstanceSecretCodec & { opened: string[] } {
  const opened: string[] = [];
  return {
    opened,
    seal: (plain) => `sealed:${plain}`,
    open: (stored) => {
      opened.push(stored);
      return stored.startsWith('sealed:') ? stored.slice('sealed:'.length) : undefined;
    },
    readable: (stored) => stored.startsWith('sealed:'),
  };
}

describe('RouteRepository.list (Postgres)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let repository: RouteRepository;
  const codec = countingCodec();
  const names = Array.from({ length: 23 }, (_, i) => `pg-${String(i).padStart(2, '0')}`);

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = createDataSource({ url: db.url, poolSize: db.embedded ? 1 : 4, schema: SWITCHBOARD_SCHEMA });
    await dataSource.initialize();
    await runMigrations(dataSource);
    repository = new RouteRepository(dataSource, codec);
    // Inserted out of name order, so only ORDER BY name puts them in order.
    for (const name of [...names].reverse()) {
      const { route } = validateRouteBody({
        name,
        models: [`${name}-chat`, ...(name.endsWith('0') ? [`${name}-*`] : [])],
        instances: ['b', 'a', 'c'].map((instance) => ({
          name: instance,
          provider: 'openai',
          auth: { header: { authorization: `Bearer ${name}-${instance}` } },
        })),
      });
      await repository.write((tx) => tx.insert(`id-${name}`, route));
    }
    await dataSource.query(
      `UPDATE instances SET auth = '{"header":{"authorization":"bad:x"},"query":{}}'
        WHERE route_id = 'id-pg-05' AND name = 'c'`,
    );
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('pages through every route by name, each with its instances in order and the total', async () => {
    const seen: string[] = [];
    for (let page = 1; page <= 4; page++) {
      const { items, total } = await repository.list(page, 7);
      expect(total).toBe(names.length);
      expect(items.length).toBe(page < 4 ? 7 : 2);
      for (const route of items)
        expect(route.instances.map((instance) => instance.name)).toEqual(['b', 'a', 'c']);
      seen.push(...items.map((route) => route.name));
    }
    expect(seen).toEqual(names);
    expect(await repository.list(5, 7)).toEqual({ items: [], total: names.length });
  });

  it('filters by model before paging, and counts the filtered routes', async () => {
    const globbed = await repository.list(1, 1, 'pg-10-claude');
    expect(globbed.items.map((route) => route.name)).toEqual(['pg-10']);
    expect(globbed.total).toBe(1);
    expect(await repository.list(1, 5, 'nobody')).toEqual({ items: [], total: 0 });
    expect((await repository.list(2, 1, 'pg-03-chat')).total).toBe(1);
  });

  it('reads a page in two queries (rows with the total, then instances) and decrypts nothing readable', async () => {
    const query = jest.spyOn(dataSource.manager, 'query');
    codec.opened.length = 0;
    const { items } = await repository.list(1, 10);
    expect(query).toHaveBeenCalledTimes(2);
    expect(query.mock.calls[0][0]).toMatch(/ORDER BY name LIMIT \$1 OFFSET \$2/);
    expect(query.mock.calls[1][0]).toMatch(/FROM instances WHERE route_id = ANY/);
    query.mockRestore();
    // Only the one value no configured key opens is decrypted (and so flagged), never the readable ones.
    expect(codec.opened).toEqual(['bad:x']);
    const flagged = items.flatMap((route) =>
      route.instances
        .filter((instance) => instance.extras[SECRET_UNREADABLE])
        .map((i) => `${route.name}/${i.name}`),
    );
    expect(flagged).toEqual(['pg-05/c']);
    expect(items[0].instances[0].auth.header).toEqual({ authorization: '' });
  });
});
