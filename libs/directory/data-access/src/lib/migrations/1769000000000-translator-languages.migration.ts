import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The languages a staff member is a qualified translator for (issue 22, ADR 32): who may review a vital
 * message before it goes. One row per person and language (BCP 47 primary tag); gone with the person.
 */
export class TranslatorLanguages1769000000000 implements MigrationInterface {
  name = 'TranslatorLanguages1769000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE translator_language (
        person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
        language text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_translator_language PRIMARY KEY (person_id, language)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE translator_language');
  }
}
