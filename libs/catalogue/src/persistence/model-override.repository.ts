import type { DataSource, EntityManager } from 'typeorm';
import type { ModelFacts } from '../model-facts';
import type { ModelOverride } from '../model-catalogue';

/** Must match ROUTES_NOTIFY_CHANNEL in @switchboard/routes: overrides ride the route table's change path. */
const ROUTES_NOTIFY_CHANNEL = 'switchboard_routes';

export interface StoredOverride extends ModelOverride {
  created_at: string;
  updated_at: string;
}

interface Row {
  id: string;
  facts: ModelFacts;
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
}

const toStored = (row: Row): StoredOverride => ({
  facts: { ...row.facts, id: row.id },
  version: Number(row.version),
  created_at: new Date(row.created_at).toISOString(),
  updated_at: new Date(row.updated_at).toISOString(),
});

/**
 * model_overrides. Every write bumps route_table_revision and notifies `switchboard_routes` in its transaction,
 * exactly like a route write, so other replicas notice it through the route table's revision check / LISTEN.
 */
export class ModelOverrideRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(): Promise<StoredOverride[]> {
    const rows: Row[] = await this.dataSource.query('SELECT * FROM model_overrides ORDER BY id');
    return rows.map(toStored);
  }

  async upsert(id: string, facts: ModelFacts): Promise<{ created: boolean; stored: StoredOverride }> {
    return this.write(async (manager) => {
      const rows: (Row & { inserted: boolean })[] = await manager.query(
        `INSERT INTO model_overrides (id, facts) VALUES ($1, $2)
         ON CONFLICT (id) DO UPDATE SET facts = EXCLUDED.facts, version = model_overrides.version + 1, updated_at = now()
         RETURNING *, (xmax = 0) AS inserted`,
        [id, JSON.stringify(facts)],
      );
      return { created: rows[0].inserted === true, stored: toStored(rows[0]) };
    });
  }

  /** False when there was no override with that id. */
  async delete(id: string): Promise<boolean> {
    return this.write(async (manager) => {
      // A CTE so the driver returns plain rows (a DELETE … RETURNING would come back as [rows, count]).
      const rows: { id: string }[] = await manager.query(
        'WITH deleted AS (DELETE FROM model_overrides WHERE id = $1 RETURNING id) SELECT id FROM deleted',
        [id],
      );
      return rows.length > 0;
    });
  }

  private write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const bumped: { revision: string }[] = await manager.query(
        `WITH bumped AS (
           UPDATE route_table_revision SET revision = revision + 1, updated_at = now() WHERE id = 1 RETURNING revision
         ) SELECT revision FROM bumped`,
      );
      const result = await work(manager);
      await manager.query('SELECT pg_notify($1, $2)', [ROUTES_NOTIFY_CHANNEL, String(bumped[0].revision)]);
      return result;
    });
  }
}
