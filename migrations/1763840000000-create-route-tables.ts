import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The route table: `routes` (one row per route, scalar and small structured fields) and `instances`
 * (one row per provider instance, cascade-deleted with their route, names unique per route), plus
 * `route_table_revision`: a single row bumped by every route write. Writers lock it first, which serialises
 * route writes (so the "one enabled route per exact model" rule and the version counter cannot race), and
 * readers in other processes compare it to notice any change cheaply. Writers also `pg_notify('switchboard_routes')`.
 */
export class CreateRouteTables1763840000000 implements MigrationInterface {
  name = 'CreateRouteTables1763840000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE routes (
        id varchar(100) PRIMARY KEY,
        name varchar(100) NOT NULL,
        models text[] NOT NULL CHECK (cardinality(models) >= 1),
        enabled boolean NOT NULL DEFAULT true,
        balancer jsonb NOT NULL DEFAULT '{"algorithm":"roundrobin"}',
        fallback_strategy text[] NOT NULL DEFAULT '{http_429,http_5xx}',
        fallback_http_statuses integer[] NOT NULL DEFAULT '{}',
        max_retries integer NULL CHECK (max_retries >= 0),
        timeout integer NOT NULL DEFAULT 30000 CHECK (timeout > 0),
        first_byte_timeout integer NULL CHECK (first_byte_timeout > 0),
        total_timeout integer NULL CHECK (total_timeout > 0),
        circuit_breaker jsonb NOT NULL DEFAULT '{"failure_threshold":3,"cooldown":30000}',
        extras jsonb NOT NULL DEFAULT '{}',
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_routes_name UNIQUE (name)
      )`);
    await queryRunner.query(`CREATE INDEX ix_routes_models ON routes USING gin (models)`);
    await queryRunner.query(`
      CREATE TABLE instances (
        id uuid PRIMARY KEY,
        route_id varchar(100) NOT NULL REFERENCES routes (id) ON DELETE CASCADE,
        position integer NOT NULL,
        name varchar(100) NOT NULL,
        provider varchar(40) NOT NULL,
        protocol varchar(40) NOT NULL,
        weight integer NOT NULL DEFAULT 1 CHECK (weight >= 0),
        priority integer NOT NULL DEFAULT 0,
        auth jsonb NOT NULL DEFAULT '{"header":{},"query":{}}',
        options jsonb NOT NULL DEFAULT '{}',
        defaults jsonb NOT NULL DEFAULT '{}',
        override jsonb NOT NULL DEFAULT '{}',
        enabled boolean NOT NULL DEFAULT true,
        extras jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_instances_route_name UNIQUE (route_id, name)
      )`);
    await queryRunner.query(`
      CREATE TABLE route_table_revision (
        id smallint PRIMARY KEY CHECK (id = 1),
        revision bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`INSERT INTO route_table_revision (id, revision) VALUES (1, 0)`);
    // A model glob (only * is special) as a LIKE pattern, for the admin `model=` filter.
    await queryRunner.query(`
      CREATE FUNCTION switchboard_glob_to_like(pattern text) RETURNS text
      LANGUAGE sql IMMUTABLE STRICT AS $$
        SELECT replace(replace(replace(replace(pattern, '\\', '\\\\'), '%', '\\%'), '_', '\\_'), '*', '%')
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION switchboard_glob_to_like(text)`);
    await queryRunner.query(`DROP TABLE route_table_revision`);
    await queryRunner.query(`DROP TABLE instances`);
    await queryRunner.query(`DROP TABLE routes`);
  }
}
