import { SWITCHBOARD_SCHEMA } from '@switchboard/core/schema';
import { createDataSource, runMigrations } from '@switchboard/database/data-source.factory';
import { createTestDatabase, type TestDatabase } from '@switchboard/testing/database';
import type { DataSource } from 'typeorm';
import { validateRouteBody } from '../validation/route-validator';
import type { RouteInput } from '../validation/route-input';
import { RouteRepository } from './route.repository';

function input(name: string, overrides: Record<string, unknown> = {}): RouteInput {
  return validateRouteBody({
    name,
    models: [`${name}-model`],
    instances: [
      { name: 'a', provider: 'openai', auth: { header: { authorization: 'Bearer a' } }, weight: 2 },
      {
        name: 'b',
        provider: 'anthropic',
        options: { max_tokens: 10 },
        conversion: { expose_reasoning: false },
        override: { llm_options: { x: 1 } },
      },
    ],
    keepalive: true,
    ...overrides,
  }).route;
}

describe('RouteRepository (Postgres)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let repository: RouteRepository;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = createDataSource({ url: db.url, poolSize: db.embedded ? 1 : 4, schema: SWITCHBOARD_SCHEMA });
    await dataSource.initialize();
    await runMigrations(dataSource);
    repository = new RouteRepository(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('inserts and reads back a route with every field and its instances in order', async () => {
    const stored = (await repository.write((tx) => tx.insert('crud-1', input('crud-1')))).result;
    expect(stored).toMatchObject({ id: 'crud-1', version: 1, extras: { keepalive: true } });
    const read = await repository.findById('crud-1');
    expect(read).toEqual(stored);
    expect(read?.instances.map((instance) => instance.name)).toEqual(['a', 'b']);
    expect(read?.instances[0]).toMatchObject({
      weight: 2,
      auth: { header: { authorization: 'Bearer a' }, query: {} },
    });
    expect(read?.instances[1]).toMatchObject({
      protocol: 'anthropic-messages',
      conversion: { expose_reasoning: false },
      override: { llm_options: { x: 1 } },
    });
    expect(new Date(read!.created_at).toISOString()).toBe(read!.created_at);
  });

  it('increments the version on every replace, including instance-only changes, and keeps created_at', async () => {
    const first = (await repository.write((tx) => tx.insert('ver-1', input('ver-1')))).result;
    const changed = input('ver-1');
    changed.instances[0].weight = 7;
    const second = (await repository.write((tx) => tx.replace(first, changed))).result;
    expect(second.version).toBe(2);
    expect(second.created_at).toBe(first.created_at);
    const third = (
      await repository.write(async (tx) => tx.replace((await tx.find('ver-1'))!, input('ver-1')))
    ).result;
    expect(third.version).toBe(3);
    expect((await repository.findById('ver-1'))?.instances[0].weight).toBe(2);
  });

  it('bumps the revision on every write', async () => {
    const before = await repository.currentRevision();
    const { revision } = await repository.write((tx) => tx.insert('rev-1', input('rev-1')));
    expect(revision).toBe(before + 1);
    expect(await repository.currentRevision()).toBe(before + 1);
  });

  it('cascades instance rows when a route is deleted', async () => {
    await repository.write((tx) => tx.insert('del-1', input('del-1')));
    await expect(repository.write((tx) => tx.delete('del-1'))).resolves.toMatchObject({ result: true });
    const left: unknown[] = await dataSource.query(`SELECT 1 FROM instances WHERE route_id = 'del-1'`);
    expect(left).toHaveLength(0);
    await expect(repository.write((tx) => tx.delete('del-1'))).resolves.toMatchObject({ result: false });
  });

  it('enforces unique route names and unique instance names per route', async () => {
    await repository.write((tx) => tx.insert('uq-1', input('uq-name')));
    await expect(repository.write((tx) => tx.insert('uq-2', input('uq-name')))).rejects.toThrow(
      /uq_routes_name/,
    );
    const dup = input('uq-3');
    dup.instances[1].name = 'a';
    await expect(repository.write((tx) => tx.insert('uq-3', dup))).rejects.toThrow(/uq_instances_route_name/);
    expect(await repository.findById('uq-3')).toBeNull();
  });

  it('rolls back every statement of a failed write, revision included', async () => {
    const before = await repository.currentRevision();
    await expect(
      repository.write(async (tx) => {
        await tx.insert('tx-1', input('tx-1'));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await repository.findById('tx-1')).toBeNull();
    expect(await repository.currentRevision()).toBe(before);
  });

  it('finds exact-model conflicts among enabled routes only, ignoring globs and the route itself', async () => {
    await repository.write((tx) => tx.insert('cf-1', input('cf-1', { models: ['shared-x', 'glob-*'] })));
    await repository.write((tx) =>
      tx.insert('cf-2', input('cf-2', { models: ['shared-y'], enabled: false })),
    );
    const conflicts = (
      await repository.write((tx) =>
        tx.exactModelConflicts(['shared-x', 'shared-y', 'glob-*', 'other'], 'cf-3'),
      )
    ).result;
    expect(conflicts).toEqual([{ model: 'shared-x', routeId: 'cf-1', routeName: 'cf-1' }]);
    const self = (await repository.write((tx) => tx.exactModelConflicts(['shared-x'], 'cf-1'))).result;
    expect(self).toEqual([]);
  });

  it('lists by name with pagination and filters by exact or glob model', async () => {
    await repository.write((tx) => tx.insert('ls-b', input('ls-b', { models: ['ls_exact', 'ls-gpt-*'] })));
    await repository.write((tx) => tx.insert('ls-a', input('ls-a', { models: ['ls-*'] })));
    await repository.write((tx) => tx.insert('ls-c', input('ls-c', { models: ['ls%'] })));
    const all = await repository.list(1, 100);
    const names = all.items.map((route) => route.name);
    expect(names).toEqual([...names].sort());
    expect(all.total).toBe(names.length);
    const page = await repository.list(2, 1);
    expect(page.items).toHaveLength(1);
    expect(page.items[0].name).toBe(names[1]);
    expect(page.items[0].instances).toHaveLength(2);
    expect((await repository.list(1, 20, 'ls-gpt-4o')).items.map((route) => route.name)).toEqual([
      'ls-a',
      'ls-b',
    ]);
    expect((await repository.list(1, 20, 'ls_exact')).items.map((route) => route.name)).toEqual(['ls-b']);
    // LIKE metacharacters in stored patterns and in the name are literal.
    expect((await repository.list(1, 20, 'lsX')).total).toBe(0);
    expect((await repository.list(1, 20, 'ls%')).items.map((route) => route.name)).toEqual(['ls-c']);
    expect((await repository.list(1, 20, 'lsXexact')).total).toBe(0);
  });

  it('loads a consistent snapshot with the current revision', async () => {
    const snapshot = await repository.loadSnapshot();
    expect(snapshot.revision).toBe(await repository.currentRevision());
    expect(snapshot.routes.find((route) => route.id === 'crud-1')?.instances).toHaveLength(2);
  });

  it('serialises concurrent writes: no lost update, no version skipped or repeated', async () => {
    await repository.write((tx) => tx.insert('cc-1', input('cc-1')));
    const bump = (weight: number) =>
      repository.write(async (tx) => {
        const current = (await tx.find('cc-1'))!;
        const next = input('cc-1');
        next.instances[0].weight = current.instances[0].weight + weight;
        return tx.replace(current, next);
      });
    const results = await Promise.all([bump(1), bump(1), bump(1), bump(1)]);
    expect(results.map((r) => r.result.version).sort()).toEqual([2, 3, 4, 5]);
    expect((await repository.findById('cc-1'))?.instances[0].weight).toBe(6);
  });
});
