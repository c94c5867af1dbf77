import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `request_log.dropped_tools`: the tools a conversion removed because the answering upstream cannot run them
 * (Responses built-ins such as `web_search`, also named in `x-switchboard-dropped-tools`), as a JSON array of
 * names; null when none were dropped.
 */
export class AddRequestLogDroppedTools1796700100000 implements MigrationInterface {
  name = 'AddRequestLogDroppedTools1796700100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE request_log ADD COLUMN dropped_tools jsonb NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE request_log DROP COLUMN dropped_tools`);
  }
}
