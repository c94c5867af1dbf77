import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Consumer keys (hash only), their per-period token usage, and the revision row replicas poll. */
export class CreateConsumerKeys1765000000000 implements MigrationInterface {
  name = 'CreateConsumerKeys1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE consumer_keys (
        id uuid PRIMARY KEY,
        name varchar(100) NOT NULL UNIQUE,
        key_hash char(64) NOT NULL UNIQUE,
        key_prefix varchar(20) NOT NULL,
        previous_key_hash char(64),
        previous_key_expires_at timestamptz,
        models text[],
        rpm integer CHECK (rpm > 0),
        tpm integer CHECK (tpm > 0),
        budget_tokens bigint CHECK (budget_tokens > 0),
        budget_period varchar(10) CHECK (budget_period IN ('day', 'month', 'total')),
        expires_at timestamptz,
        enabled boolean NOT NULL DEFAULT true,
        metadata jsonb NOT NULL DEFAULT '{}',
        last_used_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX consumer_keys_previous_hash ON consumer_keys (previous_key_hash) WHERE previous_key_hash IS NOT NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE consumer_key_usage (
        key_id uuid NOT NULL REFERENCES consumer_keys (id) ON DELETE CASCADE,
        period varchar(20) NOT NULL,
        tokens bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (key_id, period)
      )`);
    await queryRunner.query(
      `CREATE TABLE consumer_key_revision (id smallint PRIMARY KEY CHECK (id = 1), revision bigint NOT NULL)`,
    );
    await queryRunner.query(`INSERT INTO consumer_key_revision (id, revision) VALUES (1, 0)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE consumer_key_revision`);
    await queryRunner.query(`DROP TABLE consumer_key_usage`);
    await queryRunner.query(`DROP TABLE consumer_keys`);
  }
}
