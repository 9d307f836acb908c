import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Comments carry their sentiment. Satisfaction results read one table: the invitation carries its response's score, and one index covers
 * every figure (range, school, topic, staff, channel, answered, score), so a year of a large district is
 * an index-only scan instead of a join of two million-row tables.
 */
export class InvitationScore1764800000000 implements MigrationInterface {
  name = 'InvitationScore1764800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE survey_invitation ADD COLUMN score integer');
    await runner.query(
      `UPDATE survey_invitation i SET score = r.score FROM survey_response r WHERE r.invitation_id = i.id`,
    );
    await runner.query('DROP INDEX ix_survey_invitation_sent');
    await runner.query(
      `CREATE INDEX ix_survey_invitation_results ON survey_invitation (survey_id, sent_at)
        INCLUDE (school_id, topic_id, assignee_id, case_channel, responded_at, score)`,
    );
    // Each comment's sentiment, scored once when it arrives (shared/sentiment, as cases scores contacts).
    await runner.query('ALTER TABLE survey_response ADD COLUMN comment_sentiment text');
    await runner.query('ALTER TABLE survey_response ADD COLUMN comment_sentiment_score real');
    await runner.query(
      'CREATE INDEX ix_survey_response_comments ON survey_response (submitted_at DESC) WHERE comment IS NOT NULL',
    );
    // A school's figures (its dashboard, School.satisfaction) without reading the other schools' rows.
    await runner.query(
      `CREATE INDEX ix_survey_invitation_school_results ON survey_invitation (survey_id, school_id, sent_at)
        INCLUDE (topic_id, assignee_id, case_channel, responded_at, score)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX ix_survey_response_comments');
    await runner.query('ALTER TABLE survey_response DROP COLUMN comment_sentiment_score');
    await runner.query('ALTER TABLE survey_response DROP COLUMN comment_sentiment');
    await runner.query('DROP INDEX ix_survey_invitation_school_results');
    await runner.query('DROP INDEX ix_survey_invitation_results');
    await runner.query('CREATE INDEX ix_survey_invitation_sent ON survey_invitation (sent_at)');
    await runner.query('ALTER TABLE survey_invitation DROP COLUMN score');
  }
}
