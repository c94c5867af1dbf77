import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Operator overrides of the shipped model catalogue (PUT /admin/models/:id): one row per model id or pattern,
 * `facts` in the shape of a GET /admin/models entry, versioned like routes. Writers bump
 * `route_table_revision` and notify `switchboard_routes` in the same transaction, so every replica's route
 * table notices the change and its catalogue reloads the overrides.
 */
export class CreateModelOverrides1796610000000 implements MigrationInterface {
  name = 'CreateModelOverrides1796610000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE model_overrides (
        id varchar(200) PRIMARY KEY,
        facts jsonb NOT NULL,
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE model_overrides');
  }
}
