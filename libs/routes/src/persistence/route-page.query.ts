import type { EntityManager } from 'typeorm';
import type { InstanceEntity } from './instance.entity';
import type { RouteEntity } from './route.entity';

export interface RoutePageRows {
  rows: RouteEntity[];
  instances: InstanceEntity[];
  total: number;
}

/** Routes with a model equal to $3 or a glob (only `*` special) matching it; LIKE metacharacters stay literal. */
const MODEL_FILTER = `WHERE EXISTS (SELECT 1 FROM unnest(models) AS pattern
  WHERE pattern = $3 OR (strpos(pattern, '*') > 0 AND $3 LIKE switchboard_glob_to_like(pattern)))`;

/**
 * One page of routes ordered by name, in two round trips: the page's rows with the (filtered) total, then
 * their instances. Plain SQL rather than the query builder: the page's ids come from an index-only scan of
 * ix_routes_name_id (OFFSET walks index entries, not sorted rows), and no entity hydration is needed since
 * the raw rows already have the entities' shape (the columns are the properties).
 */
export async function queryRoutePage(
  manager: EntityManager,
  page: number,
  pageSize: number,
  model?: string,
): Promise<RoutePageRows> {
  const where = model === undefined ? '' : MODEL_FILTER;
  const parameters: unknown[] = [pageSize, (page - 1) * pageSize];
  if (model !== undefined) parameters.push(model);
  const counted: Array<RouteEntity & { page_total: string }> = await manager.query(
    `SELECT r.*, (SELECT count(*) FROM routes ${where}) AS page_total
       FROM routes r
      WHERE r.id = ANY(ARRAY(SELECT id FROM routes ${where} ORDER BY name LIMIT $1 OFFSET $2))
      ORDER BY r.name`,
    parameters,
  );
  if (counted.length === 0) {
    // Past the last page (or nothing matches): no row carries the total.
    const totals: { total: string }[] = await manager.query(
      `SELECT count(*) AS total FROM routes ${model === undefined ? '' : MODEL_FILTER.replaceAll('$3', '$1')}`,
      model === undefined ? [] : [model],
    );
    return { rows: [], instances: [], total: Number(totals[0].total) };
  }
  const rows = counted.map(({ page_total: _total, ...row }) => row as RouteEntity);
  const instances: InstanceEntity[] = await manager.query(
    `SELECT * FROM instances WHERE route_id = ANY($1::varchar[]) ORDER BY route_id, position`,
    [rows.map((row) => row.id)],
  );
  return { rows, instances, total: Number(counted[0].page_total) };
}
