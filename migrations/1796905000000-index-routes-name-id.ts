import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The admin list pages routes by name: (name) INCLUDE (id) lets Postgres walk a page's ids in an index-only
 * scan, where uq_routes_name alone made it seq-scan and sort every full row (10,000 routes: tens of ms).
 */
export class IndexRoutesNameId1796905000000 implements MigrationInterface {
  name = 'IndexRoutesNameId1796905000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX ix_routes_name_id ON routes (name) INCLUDE (id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX ix_routes_name_id`);
  }
}
