import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Per-instance converter options (`instances.conversion`), e.g. `{"expose_reasoning": false}`. */
export class AddInstanceConversion1763850000000 implements MigrationInterface {
  name = 'AddInstanceConversion1763850000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE instances ADD COLUMN conversion jsonb NOT NULL DEFAULT '{}'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE instances DROP COLUMN conversion`);
  }
}
