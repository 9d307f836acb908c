import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Files of knowledge-base articles (issue 21): images shown in an article and documents it offers, kept in
 * the attachment storage like case files. `published` turns true when the article is next published: from
 * then on the help center serves the file to anyone while the article is live.
 */
export class ArticleFiles1764630000000 implements MigrationInterface {
  name = 'ArticleFiles1764630000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE kb_article_file (
        id uuid NOT NULL,
        article_id uuid NOT NULL,
        file_name text NOT NULL,
        content_type text NOT NULL,
        size_bytes integer NOT NULL,
        sha256 text NOT NULL,
        storage_key text NOT NULL,
        published boolean NOT NULL DEFAULT false,
        added_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_kb_article_file PRIMARY KEY (id),
        CONSTRAINT fk_kb_article_file_article FOREIGN KEY (article_id) REFERENCES kb_article (id) ON DELETE CASCADE
      )`);
    await runner.query('CREATE INDEX ix_kb_article_file_article ON kb_article_file (article_id, created_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE kb_article_file');
  }
}
