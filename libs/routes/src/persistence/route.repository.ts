import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { RouteConfig } from '../route.types';
import type { RouteInput } from '../validation/route-input';
import { InstanceEntity } from './instance.entity';
import { PLAIN_SECRET_CODEC, redactedViewCodec, type InstanceSecretCodec } from './instance-secret.codec';
import { queryRoutePage } from './route-page.query';
import { RouteTableRevisionEntity } from './route-table-revision.entity';
import { RouteEntity } from './route.entity';
import { toInstanceEntity, toRouteConfig, toRouteEntity } from './route.mapper';

export const ROUTES_NOTIFY_CHANNEL = 'switchboard_routes';

export interface RouteSnapshot {
  /** route_table_revision at the moment the routes were read. */
  revision: number;
  routes: RouteConfig[];
}

export interface RoutePage {
  /** Auth values are '' (not decrypted): for views that redact them. */
  items: RouteConfig[];
  total: number;
}

export interface ExactModelConflict {
  model: string;
  routeId: string;
  routeName: string;
}

/**
 * The one place that reads and writes the route tables. Reads are plain queries; every write runs in
 * `write()`: one transaction that first bumps (and so locks) the route_table_revision row, which serialises
 * route writers across processes, and ends with pg_notify, delivered only if the transaction commits.
 */
@Injectable()
export class RouteRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly codec: InstanceSecretCodec = PLAIN_SECRET_CODEC,
  ) {}

  async findById(id: string): Promise<RouteConfig | null> {
    return findRoute(this.dataSource.manager, id, this.codec);
  }

  async currentRevision(): Promise<number> {
    const rows: { revision: string }[] = await this.dataSource.query(
      'SELECT revision FROM route_table_revision WHERE id = 1',
    );
    return Number(rows[0]?.revision ?? 0);
  }

  /** Every route with the revision they belong to, read in one consistent snapshot. */
  async loadSnapshot(): Promise<RouteSnapshot> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const revision = await manager.findOneByOrFail(RouteTableRevisionEntity, { id: 1 });
      const rows = await manager.find(RouteEntity, { order: { name: 'ASC' } });
      const instances = await manager.find(InstanceEntity, { order: { route_id: 'ASC', position: 'ASC' } });
      return { revision: Number(revision.revision), routes: assemble(rows, instances, this.codec) };
    });
  }

  /**
   * Ordered by name. `model` keeps routes with a model equal to it or a glob matching it. For redacted views:
   * auth values are not decrypted (they read as ''; an unreadable one is still flagged).
   */
  async list(page: number, pageSize: number, model?: string): Promise<RoutePage> {
    const found = await queryRoutePage(this.dataSource.manager, page, pageSize, model);
    return {
      items: assemble(found.rows, found.instances, redactedViewCodec(this.codec)),
      total: found.total,
    };
  }

  /** Runs `work` in one route-write transaction; a throw rolls everything back. */
  async write<T>(work: (tx: RouteWriteTransaction) => Promise<T>): Promise<{ result: T; revision: number }> {
    return this.dataSource.transaction(async (manager) => {
      const bumped: { revision: string }[] = await manager.query(
        // A CTE so the driver returns plain rows (an UPDATE would come back as [rows, count]).
        `WITH bumped AS (
           UPDATE route_table_revision SET revision = revision + 1, updated_at = now() WHERE id = 1 RETURNING revision
         ) SELECT revision FROM bumped`,
      );
      const revision = Number(bumped[0].revision);
      const result = await work(new RouteWriteTransaction(manager, this.codec));
      await manager.query('SELECT pg_notify($1, $2)', [ROUTES_NOTIFY_CHANNEL, String(revision)]);
      return { result, revision };
    });
  }
}

/** Operations available inside RouteRepository.write(). */
export class RouteWriteTransaction {
  constructor(
    private readonly manager: EntityManager,
    private readonly codec: InstanceSecretCodec = PLAIN_SECRET_CODEC,
  ) {}

  find(id: string): Promise<RouteConfig | null> {
    return findRoute(this.manager, id, this.codec);
  }

  /** Id of the route other than `exceptId` that already uses `name`, if any. */
  async nameOwner(name: string, exceptId: string | null): Promise<string | null> {
    const row = await this.manager.findOne(RouteEntity, { where: { name }, select: { id: true } });
    return row && row.id !== exceptId ? row.id : null;
  }

  /** Exact (non-glob) models of `models` already listed by another ENABLED route. */
  async exactModelConflicts(models: string[], exceptId: string | null): Promise<ExactModelConflict[]> {
    const exact = models.filter((model) => !model.includes('*'));
    if (exact.length === 0) return [];
    const rows: { id: string; name: string; model: string }[] = await this.manager.query(
      `SELECT r.id, r.name, m.model FROM routes r, unnest(r.models) AS m(model)
        WHERE r.enabled AND r.models && $1::text[] AND m.model = ANY($1::text[]) AND r.id IS DISTINCT FROM $2
        ORDER BY m.model, r.name`,
      [exact, exceptId],
    );
    return rows.map((row) => ({ model: row.model, routeId: row.id, routeName: row.name }));
  }

  async insert(id: string, input: RouteInput): Promise<RouteConfig> {
    const now = new Date();
    const row = toRouteEntity(input, { id, version: 1, created_at: now, updated_at: now });
    await this.manager.insert(RouteEntity, row);
    const instances = await this.insertInstances(id, input, now);
    return toRouteConfig(row, instances, this.codec);
  }

  /** Replaces the route and its whole instance list; version + 1, created_at kept. */
  async replace(previous: RouteConfig, input: RouteInput): Promise<RouteConfig> {
    const now = new Date();
    const row = toRouteEntity(input, {
      id: previous.id,
      version: previous.version + 1,
      created_at: new Date(previous.created_at),
      updated_at: now,
    });
    const { id, ...fields } = row;
    await this.manager.update(RouteEntity, { id }, fields);
    await this.manager.delete(InstanceEntity, { route_id: id });
    const instances = await this.insertInstances(id, input, now);
    return toRouteConfig(row, instances, this.codec);
  }

  /** True when a route was deleted (its instances go with it, ON DELETE CASCADE). */
  async delete(id: string): Promise<boolean> {
    const result = await this.manager.delete(RouteEntity, { id });
    return (result.affected ?? 0) > 0;
  }

  private async insertInstances(routeId: string, input: RouteInput, at: Date): Promise<InstanceEntity[]> {
    const rows = input.instances.map((instance, position) =>
      toInstanceEntity(instance, position, routeId, randomUUID(), at, this.codec),
    );
    if (rows.length > 0) await this.manager.insert(InstanceEntity, rows);
    return rows;
  }
}

async function findRoute(
  manager: EntityManager,
  id: string,
  codec: InstanceSecretCodec,
): Promise<RouteConfig | null> {
  const row = await manager.findOneBy(RouteEntity, { id });
  if (!row) return null;
  const instances = await manager.find(InstanceEntity, {
    where: { route_id: id },
    order: { position: 'ASC' },
  });
  return toRouteConfig(row, instances, codec);
}

function assemble(
  rows: RouteEntity[],
  instances: InstanceEntity[],
  codec: InstanceSecretCodec,
): RouteConfig[] {
  const byRoute = new Map<string, InstanceEntity[]>();
  for (const instance of instances) {
    const list = byRoute.get(instance.route_id);
    if (list) list.push(instance);
    else byRoute.set(instance.route_id, [instance]);
  }
  return rows.map((row) => toRouteConfig(row, byRoute.get(row.id) ?? [], codec));
}
