import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `replicas.breakers`: each serving replica's circuit-breaker view (route id → instance name → state, failures,
 * open_until, opened_at), written with its heartbeat, so GET /admin/routes/:id/health can show every replica's
 * view whichever process answers.
 */
export class AddReplicaBreakers1796800000000 implements MigrationInterface {
  name = 'AddReplicaBreakers1796800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE replicas ADD COLUMN breakers jsonb NOT NULL DEFAULT '{}'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE replicas DROP COLUMN breakers`);
  }
}
