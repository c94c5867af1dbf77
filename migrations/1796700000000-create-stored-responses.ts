import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `stored_responses`: Responses API turns kept for `previous_response_id`, `item_reference` and
 * GET/DELETE /v1/responses/:id. `owner_key_id` is the consumer key that created the row (null without keys);
 * `size_bytes` feeds the per-key storage bound; `expires_at` the retention purge.
 */
export class CreateStoredResponses1796700000000 implements MigrationInterface {
  name = 'CreateStoredResponses1796700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE stored_responses (
        id text PRIMARY KEY,
        owner_key_id text NULL,
        previous_response_id text NULL,
        input_items jsonb NOT NULL,
        output_items jsonb NOT NULL,
        response jsonb NOT NULL,
        size_bytes integer NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX stored_responses_owner_created ON stored_responses (owner_key_id, created_at DESC)`,
    );
    await queryRunner.query(`CREATE INDEX stored_responses_expires ON stored_responses (expires_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE stored_responses`);
  }
}
