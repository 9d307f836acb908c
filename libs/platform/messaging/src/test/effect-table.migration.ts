import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The consumer's "effect" in the messaging tests: one row per applied event, deliberately not unique. */
export class CreatePingEffectTable1764150000001 implements MigrationInterface {
  name = 'CreatePingEffectTable1764150000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE ping_effect (
        applied_order bigserial PRIMARY KEY,
        event_id uuid NOT NULL,
        message_key text NOT NULL,
        seq integer NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE ping_effect');
  }
}
