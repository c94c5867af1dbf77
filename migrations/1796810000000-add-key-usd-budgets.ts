import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Consumer key budgets in USD (issue 16): the cap on the key, and the spend per period beside its tokens.
 * Spend is kept in nano-dollars (bigint), the unit of the live limit counters, so a restart seeds them exactly.
 */
export class AddKeyUsdBudgets1796810000000 implements MigrationInterface {
  name = 'AddKeyUsdBudgets1796810000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE consumer_keys ADD COLUMN budget_usd double precision NULL CHECK (budget_usd > 0)`,
    );
    await queryRunner.query(
      `ALTER TABLE consumer_key_usage ADD COLUMN spend_nano_usd bigint NOT NULL DEFAULT 0`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE consumer_key_usage DROP COLUMN spend_nano_usd`);
    await queryRunner.query(`ALTER TABLE consumer_keys DROP COLUMN budget_usd`);
  }
}
