import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The knowledge base and public help center: categories, articles (draft, versions, the live texts with a
 * search vector in each language's own configuration), and families' feedback, which deflection counts.
 */
export class KnowledgeBase1764450000000 implements MigrationInterface {
  name = 'KnowledgeBase1764450000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE kb_category (
        id uuid NOT NULL,
        names jsonb NOT NULL,
        position integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_kb_category PRIMARY KEY (id)
      )`);
    await runner.query(`
      CREATE TABLE kb_article (
        id uuid NOT NULL,
        slug text NOT NULL,
        status text NOT NULL,
        school_id uuid,
        category_id uuid,
        topic_id uuid,
        draft jsonb NOT NULL,
        published_version integer,
        published_at timestamptz,
        edited_by text NOT NULL,
        submitted_by text,
        published_by text,
        helpful_count integer NOT NULL DEFAULT 0,
        not_helpful_count integer NOT NULL DEFAULT 0,
        answered_count integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL,
        CONSTRAINT pk_kb_article PRIMARY KEY (id),
        CONSTRAINT ux_kb_article_slug UNIQUE (slug),
        CONSTRAINT ck_kb_article_status CHECK (status IN ('DRAFT', 'IN_REVIEW', 'PUBLISHED', 'ARCHIVED')),
        CONSTRAINT fk_kb_article_category FOREIGN KEY (category_id) REFERENCES kb_category (id),
        CONSTRAINT fk_kb_article_topic FOREIGN KEY (topic_id) REFERENCES topic (id)
      )`);
    await runner.query('CREATE INDEX ix_kb_article_status ON kb_article (status, updated_at DESC)');
    await runner.query(`
      CREATE TABLE kb_article_version (
        article_id uuid NOT NULL,
        version integer NOT NULL,
        translations jsonb NOT NULL,
        published_by text NOT NULL,
        published_at timestamptz NOT NULL,
        CONSTRAINT pk_kb_article_version PRIMARY KEY (article_id, version),
        CONSTRAINT fk_kb_article_version_article FOREIGN KEY (article_id) REFERENCES kb_article (id) ON DELETE CASCADE
      )`);
    // The live texts, one per language, searchable with that language's stemmer (searchConfigFor): the
    // title weighs more than the body. Denormalized from the article so a search reads this table alone.
    await runner.query(`
      CREATE TABLE kb_article_text (
        article_id uuid NOT NULL,
        language text NOT NULL,
        school_id uuid,
        category_id uuid,
        title text NOT NULL,
        body_html text NOT NULL,
        body_text text NOT NULL,
        search_config regconfig NOT NULL,
        search_vector tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector(search_config, title), 'A') || setweight(to_tsvector(search_config, body_text), 'B')
        ) STORED,
        CONSTRAINT pk_kb_article_text PRIMARY KEY (article_id, language),
        CONSTRAINT fk_kb_article_text_article FOREIGN KEY (article_id) REFERENCES kb_article (id) ON DELETE CASCADE
      )`);
    await runner.query('CREATE INDEX ix_kb_article_text_search ON kb_article_text USING gin (search_vector)');
    await runner.query('CREATE INDEX ix_kb_article_text_category ON kb_article_text (category_id, language)');
    // In how many live texts each word (as its configuration stems it) appears: the suggestions beside the
    // contact form look articles up by the rarest words of a message, which say the most about it.
    await runner.query(`
      CREATE TABLE kb_lexeme (
        search_config regconfig NOT NULL,
        lexeme text NOT NULL,
        texts integer NOT NULL,
        CONSTRAINT pk_kb_lexeme PRIMARY KEY (search_config, lexeme)
      )`);
    // What families said: helpful or not on an article, or "this answered my question" on the contact form.
    await runner.query(`
      CREATE TABLE kb_feedback (
        id bigint GENERATED ALWAYS AS IDENTITY,
        article_id uuid NOT NULL,
        kind text NOT NULL,
        topic_id uuid,
        school_id uuid,
        language text NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_kb_feedback PRIMARY KEY (id),
        CONSTRAINT ck_kb_feedback_kind CHECK (kind IN ('HELPFUL', 'NOT_HELPFUL', 'ANSWERED')),
        CONSTRAINT fk_kb_feedback_article FOREIGN KEY (article_id) REFERENCES kb_article (id) ON DELETE CASCADE
      )`);
    await runner.query('CREATE INDEX ix_kb_feedback_at ON kb_feedback (at, kind)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      'DROP TABLE kb_feedback, kb_lexeme, kb_article_text, kb_article_version, kb_article, kb_category',
    );
  }
}
