import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What each number last said about text messages (STOP, START), from the cases service's
 * SmsConsentChanged: keyed by the number's contact key (`contactKey` of its E.164 form), never the number,
 * so it applies to everyone in the directory with that phone. `changed_at` is the event's own time: an
 * older event arriving later changes nothing.
 */
export class SmsConsent1768000000000 implements MigrationInterface {
  name = 'SmsConsent1768000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE sms_consent (
        contact_key text NOT NULL,
        opted_out boolean NOT NULL,
        keyword text NOT NULL,
        provider_message_id text NOT NULL,
        changed_at timestamptz NOT NULL,
        CONSTRAINT pk_sms_consent PRIMARY KEY (contact_key)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE sms_consent');
  }
}
