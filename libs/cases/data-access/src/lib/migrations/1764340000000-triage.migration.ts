import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Triage: each case's sentiment as intake scored it, and the examples staff teach the topic classifier
 * by correcting a case's topic (one per case: the latest correction is what the case is about).
 */
export class Triage1764340000000 implements MigrationInterface {
  name = 'Triage1764340000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE support_case
        ADD COLUMN sentiment text,
        ADD COLUMN sentiment_score real,
        ADD CONSTRAINT ck_support_case_sentiment CHECK (sentiment IN ('NEGATIVE', 'NEUTRAL', 'POSITIVE'))`);
    await runner.query(`
      CREATE TABLE topic_training_example (
        case_id uuid NOT NULL,
        topic_id uuid NOT NULL,
        text text NOT NULL,
        labelled_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_topic_training_example PRIMARY KEY (case_id),
        CONSTRAINT fk_topic_training_example_case FOREIGN KEY (case_id) REFERENCES support_case (id) ON DELETE CASCADE,
        CONSTRAINT fk_topic_training_example_topic FOREIGN KEY (topic_id) REFERENCES topic (id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE topic_training_example');
    await runner.query(
      'ALTER TABLE support_case DROP CONSTRAINT ck_support_case_sentiment, DROP COLUMN sentiment_score, DROP COLUMN sentiment',
    );
  }
}
