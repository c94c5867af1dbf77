import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Observability storage:
 * - `request_log`: one row per finished data-plane request (no prompt or completion text), written in batches;
 *   trimmed by batched deletes on `started_at` (REQUEST_LOG_RETENTION).
 * - `usage_rollups`: per minute × route × instance × requested model × key × status class, counters and
 *   per-bucket histogram counts; every replica adds into the same row (`switchboard_add_buckets`), and stats
 *   sum rows with the `switchboard_sum_buckets` aggregate, never reading the raw log.
 * - `replicas`: one heartbeat row per serving process.
 * Dimensions absent from a record are stored as '' so the rollup's primary key can take part in ON CONFLICT.
 */
export class CreateTelemetryTables1765100000000 implements MigrationInterface {
  name = 'CreateTelemetryTables1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE request_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        request_id varchar(200) NOT NULL,
        started_at timestamptz NOT NULL,
        duration_ms real NOT NULL,
        ttfb_ms real NULL,
        client_protocol varchar(40) NOT NULL,
        endpoint varchar(40) NOT NULL,
        stream boolean NOT NULL,
        model varchar(200) NULL,
        route_id varchar(100) NULL,
        route varchar(100) NULL,
        instance varchar(100) NULL,
        upstream_model varchar(200) NULL,
        status smallint NOT NULL,
        error_code varchar(64) NULL,
        error_message text NULL,
        attempts jsonb NOT NULL DEFAULT '[]',
        input_tokens integer NULL,
        output_tokens integer NULL,
        cache_read_tokens integer NULL,
        cache_creation_tokens integer NULL,
        reasoning_tokens integer NULL,
        key_id varchar(100) NULL,
        key_name varchar(200) NULL
      )`);
    await queryRunner.query(`CREATE INDEX ix_request_log_started_at ON request_log (started_at DESC)`);
    await queryRunner.query(`CREATE INDEX ix_request_log_request_id ON request_log (request_id)`);
    await queryRunner.query(`CREATE INDEX ix_request_log_route ON request_log (route, started_at DESC)`);
    await queryRunner.query(`
      CREATE FUNCTION switchboard_add_buckets(a bigint[], b bigint[]) RETURNS bigint[]
      LANGUAGE sql IMMUTABLE AS $$
        SELECT array_agg(coalesce(x, 0) + coalesce(y, 0) ORDER BY i)
        FROM unnest(a, b) WITH ORDINALITY AS t(x, y, i)
      $$`);
    await queryRunner.query(`
      CREATE AGGREGATE switchboard_sum_buckets(bigint[]) (SFUNC = switchboard_add_buckets, STYPE = bigint[])`);
    await queryRunner.query(`
      CREATE TABLE usage_rollups (
        minute timestamptz NOT NULL,
        route varchar(100) NOT NULL,
        instance varchar(100) NOT NULL,
        model varchar(200) NOT NULL,
        key_id varchar(100) NOT NULL,
        status_class varchar(3) NOT NULL,
        key_name varchar(200) NULL,
        requests bigint NOT NULL,
        errors_4xx bigint NOT NULL,
        errors_5xx bigint NOT NULL,
        errors_429 bigint NOT NULL,
        fallbacks bigint NOT NULL,
        input_tokens bigint NOT NULL,
        output_tokens bigint NOT NULL,
        cache_read_tokens bigint NOT NULL,
        cache_creation_tokens bigint NOT NULL,
        reasoning_tokens bigint NOT NULL,
        latency_buckets bigint[] NOT NULL,
        ttfb_buckets bigint[] NOT NULL,
        PRIMARY KEY (minute, route, instance, model, key_id, status_class)
      )`);
    await queryRunner.query(`
      CREATE TABLE replicas (
        id varchar(100) PRIMARY KEY,
        host varchar(255) NOT NULL,
        pid integer NOT NULL,
        version varchar(40) NOT NULL,
        started_at timestamptz NOT NULL,
        last_seen timestamptz NOT NULL,
        route_table_revision bigint NOT NULL,
        requests_served bigint NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE replicas`);
    await queryRunner.query(`DROP TABLE usage_rollups`);
    await queryRunner.query(`DROP AGGREGATE switchboard_sum_buckets(bigint[])`);
    await queryRunner.query(`DROP FUNCTION switchboard_add_buckets(bigint[], bigint[])`);
    await queryRunner.query(`DROP TABLE request_log`);
  }
}
