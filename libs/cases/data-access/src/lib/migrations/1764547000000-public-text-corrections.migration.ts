import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The district's corrections of the public pages' shipped words: one per language and string. */
export class PublicTextCorrections1764547000000 implements MigrationInterface {
  name = 'PublicTextCorrections1764547000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE public_text_correction (
        language text NOT NULL,
        key text NOT NULL,
        text text NOT NULL,
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_public_text_correction PRIMARY KEY (language, key)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE public_text_correction');
  }
}
