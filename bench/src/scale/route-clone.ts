import { Client } from 'pg';

/**
 * Fills the routes table up to `count` by copying one route the admin API created (`tenant-0`, with its
 * instance): names, ids and models follow generateRoutes(); auth, override and every other column are the
 * template's, so each copy is exactly what the API would have stored. 10,000 POSTs take ~10 min here;
 * one INSERT … SELECT takes seconds.
 */
export async function cloneRoutes(databaseUrl: string, count: number): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    const template = await client.query<{ id: string }>(`SELECT id FROM routes WHERE name = 'tenant-0'`);
    if (template.rowCount !== 1) throw new Error('route tenant-0 (the template) is missing');
    const templateId = template.rows[0].id;
    await client.query(
      `INSERT INTO routes (id, name, models, enabled, balancer, fallback_strategy, fallback_http_statuses,
                           max_retries, timeout, first_byte_timeout, total_timeout, circuit_breaker, extras,
                           version, advertise)
       SELECT 'bench-' || i, 'tenant-' || i,
              CASE WHEN i % 2 = 0 THEN ARRAY['tenant-' || i || '-chat', 'tenant-' || i || '-claude-*']
                   ELSE ARRAY['tenant-' || i || '-chat'] END,
              enabled, balancer, fallback_strategy, fallback_http_statuses, max_retries, timeout,
              first_byte_timeout, total_timeout, circuit_breaker, extras, version, advertise
       FROM routes, generate_series(1, $2::int - 1) AS i
       WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM routes r WHERE r.name = 'tenant-' || i)`,
      [templateId, count],
    );
    await client.query(
      `INSERT INTO instances (id, route_id, position, name, provider, protocol, weight, priority, auth,
                              options, defaults, override, enabled, extras, conversion)
       SELECT gen_random_uuid(), r.id, t.position, t.name, t.provider, t.protocol, t.weight, t.priority,
              t.auth, t.options, t.defaults, t.override, t.enabled, t.extras, t.conversion
       FROM routes r CROSS JOIN instances t
       WHERE t.route_id = $1 AND r.id LIKE 'bench-%'
         AND NOT EXISTS (SELECT 1 FROM instances i WHERE i.route_id = r.id)`,
      [templateId],
    );
    await client.query('UPDATE route_table_revision SET revision = revision + 1');
    await client.query('COMMIT');
    // What autovacuum (on by default) does within a minute of a bulk insert: planner statistics and the
    // visibility map that lets the admin list page through ix_routes_name_id in an index-only scan.
    await client.query('VACUUM ANALYZE routes, instances');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** Drops every table of the scratch database so the next run starts empty (the gateway migrates it). */
export async function emptyDatabase(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
  } finally {
    await client.end();
  }
}
