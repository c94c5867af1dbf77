import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cost in USD from the model catalogue's prices (issue 16): per request in `request_log` (null when the model
 * or its prices are unknown) and summed per rollup row in `usage_rollups` (unpriced requests add 0).
 * double precision: the cost is unrounded, fractions of a cent per request.
 */
export class AddCostColumns1796612000000 implements MigrationInterface {
  name = 'AddCostColumns1796612000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE request_log ADD COLUMN cost_usd double precision NULL`);
    await queryRunner.query(
      `ALTER TABLE usage_rollups ADD COLUMN cost_usd double precision NOT NULL DEFAULT 0`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE usage_rollups DROP COLUMN cost_usd`);
    await queryRunner.query(`ALTER TABLE request_log DROP COLUMN cost_usd`);
  }
}
