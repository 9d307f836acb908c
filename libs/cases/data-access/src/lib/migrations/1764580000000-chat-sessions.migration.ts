import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Web chat (ADR 34): a chat is a case with a session beside it (open until closed by staff, by the family,
 * or after an idle spell), and staff say whether they are there to answer (presence, per person; a team is
 * available when one of its available members is). A trigger keeps the session's last activity and wakes
 * every replica's open streams for that case (NOTIFY on commit), so a reply made on any replica reaches the
 * family's stream within a round trip.
 */
export class ChatSessions1764580000000 implements MigrationInterface {
  name = 'ChatSessions1764580000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE chat_session (
        case_id uuid NOT NULL,
        started_at timestamptz NOT NULL DEFAULT now(),
        last_activity_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz,
        closed_reason text,
        transcript_sent_at timestamptz,
        transcript_skipped text,
        CONSTRAINT pk_chat_session PRIMARY KEY (case_id),
        CONSTRAINT fk_chat_session_case FOREIGN KEY (case_id) REFERENCES support_case (id) ON DELETE CASCADE
      )`);
    // The idle sweep reads open sessions by their last activity; closed ones are never read by it again.
    await runner.query(
      'CREATE INDEX ix_chat_session_open_activity ON chat_session (last_activity_at) WHERE closed_at IS NULL',
    );
    await runner.query(`
      CREATE TABLE staff_presence (
        person_id uuid NOT NULL,
        status text NOT NULL,
        seen_at timestamptz NOT NULL,
        CONSTRAINT pk_staff_presence PRIMARY KEY (person_id),
        CONSTRAINT ck_staff_presence_status CHECK (status IN ('AVAILABLE', 'AWAY'))
      )`);
    // A new message is activity; a held one (vital review) becomes visible to the family when approved.
    await runner.query(`
      CREATE FUNCTION chat_message_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          UPDATE chat_session SET last_activity_at = NEW.created_at
           WHERE case_id = NEW.case_id AND closed_at IS NULL;
          IF NOT FOUND THEN RETURN NULL; END IF;
        ELSIF NOT EXISTS (SELECT 1 FROM chat_session WHERE case_id = NEW.case_id AND closed_at IS NULL) THEN
          RETURN NULL;
        END IF;
        PERFORM pg_notify('chat_activity', NEW.case_id::text);
        RETURN NULL;
      END $$`);
    await runner.query(`
      CREATE TRIGGER tr_chat_message_added AFTER INSERT ON case_message
        FOR EACH ROW EXECUTE FUNCTION chat_message_changed()`);
    await runner.query(`
      CREATE TRIGGER tr_chat_message_reviewed AFTER UPDATE OF review_status ON case_message
        FOR EACH ROW WHEN (OLD.review_status IS DISTINCT FROM NEW.review_status)
        EXECUTE FUNCTION chat_message_changed()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TRIGGER tr_chat_message_reviewed ON case_message');
    await runner.query('DROP TRIGGER tr_chat_message_added ON case_message');
    await runner.query('DROP FUNCTION chat_message_changed()');
    await runner.query('DROP TABLE staff_presence');
    await runner.query('DROP TABLE chat_session');
  }
}
