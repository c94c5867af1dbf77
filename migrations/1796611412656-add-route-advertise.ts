import type { MigrationInterface, QueryRunner } from 'typeorm';

/** `routes.advertise`: exact model names GET /v1/models lists for a route's globs. */
export class AddRouteAdvertise1796611412656 implements MigrationInterface {
  name = 'AddRouteAdvertise1796611412656';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE routes ADD COLUMN advertise text[] NOT NULL DEFAULT '{}'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE routes DROP COLUMN advertise`);
  }
}
