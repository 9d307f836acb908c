import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSurveys1764600000000 implements MigrationInterface {
  name = 'CreateSurveys1764600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE survey (
        id uuid NOT NULL,
        kind text NOT NULL,
        name text NOT NULL,
        status text NOT NULL,
        current_version integer NOT NULL,
        closes_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_survey PRIMARY KEY (id),
        CONSTRAINT ck_survey_kind CHECK (kind IN ('CSAT', 'DISTRICT')),
        CONSTRAINT ck_survey_status CHECK (status IN ('DRAFT', 'OPEN', 'CLOSED'))
      )`);
    // The satisfaction survey sent after every case is one survey (versioned), not one per case.
    await runner.query(`CREATE UNIQUE INDEX uq_survey_csat ON survey (kind) WHERE kind = 'CSAT'`);
    await runner.query(`
      CREATE TABLE survey_version (
        survey_id uuid NOT NULL,
        version integer NOT NULL,
        definition jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_survey_version PRIMARY KEY (survey_id, version),
        CONSTRAINT fk_survey_version_survey FOREIGN KEY (survey_id) REFERENCES survey (id) ON DELETE CASCADE
      )`);
    await runner.query(`
      CREATE TABLE survey_invitation (
        id uuid NOT NULL,
        survey_id uuid NOT NULL,
        version integer NOT NULL,
        case_id uuid,
        case_number text,
        person_id uuid,
        channel text NOT NULL,
        language text NOT NULL,
        school_id uuid,
        topic_id uuid,
        assignee_id uuid,
        case_channel text,
        imported boolean NOT NULL DEFAULT false,
        sent_at timestamptz NOT NULL,
        remind_at timestamptz,
        reminded_at timestamptz,
        expires_at timestamptz NOT NULL,
        responded_at timestamptz,
        CONSTRAINT pk_survey_invitation PRIMARY KEY (id),
        CONSTRAINT fk_survey_invitation_version FOREIGN KEY (survey_id, version)
          REFERENCES survey_version (survey_id, version),
        CONSTRAINT ck_survey_invitation_channel CHECK (channel IN ('EMAIL', 'SMS'))
      )`);
    // One invitation per case, however often its resolution is redelivered or repeated.
    await runner.query(
      'CREATE UNIQUE INDEX uq_survey_invitation_case ON survey_invitation (survey_id, case_id) WHERE case_id IS NOT NULL',
    );
    // The cooling-off question: when was this person last invited?
    await runner.query(
      'CREATE INDEX ix_survey_invitation_person ON survey_invitation (person_id, sent_at DESC) WHERE person_id IS NOT NULL',
    );
    // The reminder sweep, over invitations still waiting only.
    await runner.query(
      `CREATE INDEX ix_survey_invitation_remind ON survey_invitation (remind_at)
        WHERE reminded_at IS NULL AND responded_at IS NULL AND remind_at IS NOT NULL`,
    );
    await runner.query('CREATE INDEX ix_survey_invitation_sent ON survey_invitation (sent_at)');
    // A link's token, hashed. An invitation's reminder brings a second link; either answers it, once.
    await runner.query(`
      CREATE TABLE survey_link (
        token_hash text NOT NULL,
        invitation_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_survey_link PRIMARY KEY (token_hash),
        CONSTRAINT fk_survey_link_invitation FOREIGN KEY (invitation_id)
          REFERENCES survey_invitation (id) ON DELETE CASCADE
      )`);
    await runner.query('CREATE INDEX ix_survey_link_invitation ON survey_link (invitation_id)');
    // What this service decided for each resolved case (and which cases were merged away).
    await runner.query(`
      CREATE TABLE csat_case (
        case_id uuid NOT NULL,
        merged_into uuid,
        decided_at timestamptz,
        skip_reason text,
        invitation_id uuid,
        CONSTRAINT pk_csat_case PRIMARY KEY (case_id)
      )`);
    await runner.query(`
      CREATE TABLE survey_response (
        id uuid NOT NULL,
        survey_id uuid NOT NULL,
        version integer NOT NULL,
        invitation_id uuid,
        language text NOT NULL,
        answers jsonb NOT NULL,
        score integer,
        comment text,
        case_id uuid,
        school_id uuid,
        topic_id uuid,
        assignee_id uuid,
        case_channel text,
        low_satisfaction boolean NOT NULL DEFAULT false,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_survey_response PRIMARY KEY (id),
        CONSTRAINT fk_survey_response_version FOREIGN KEY (survey_id, version)
          REFERENCES survey_version (survey_id, version),
        CONSTRAINT fk_survey_response_invitation FOREIGN KEY (invitation_id) REFERENCES survey_invitation (id),
        CONSTRAINT ck_survey_response_score CHECK (score IS NULL OR score BETWEEN 0 AND 10)
      )`);
    // One response per invitation: a resubmission finds the first.
    await runner.query(
      'CREATE UNIQUE INDEX uq_survey_response_invitation ON survey_response (invitation_id) WHERE invitation_id IS NOT NULL',
    );
    await runner.query(
      'CREATE INDEX ix_survey_response_submitted ON survey_response (survey_id, submitted_at)',
    );
    await runner.query(
      'CREATE INDEX ix_survey_response_school ON survey_response (school_id, submitted_at) WHERE school_id IS NOT NULL',
    );
    await runner.query(
      'CREATE INDEX ix_survey_response_case ON survey_response (case_id) WHERE case_id IS NOT NULL',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE survey_response');
    await runner.query('DROP TABLE csat_case');
    await runner.query('DROP TABLE survey_link');
    await runner.query('DROP TABLE survey_invitation');
    await runner.query('DROP TABLE survey_version');
    await runner.query('DROP TABLE survey');
  }
}
