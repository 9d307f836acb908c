import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { searchConfigFor } from '@homeroom/cases/domain';
import { SqlParams } from '@homeroom/platform/database';
import { NotFoundException } from '@homeroom/shared/errors';
import { INTAKE_SETTINGS, type IntakeSettings } from '../services/case-intake.service';

/** An article as the help center lists it: in the reader's language where it has one, else the district's. */
export interface HelpArticleSummary {
  articleId: string;
  slug: string;
  language: string;
  title: string;
  /** The first words of its text. */
  summary: string;
  categoryId: string | null;
  schoolId: string | null;
  publishedAt: Date;
}

export interface HelpArticleText extends HelpArticleSummary {
  bodyHtml: string;
  /** Every language it can be read in. */
  languages: string[];
}

export interface HelpSearch {
  language: string;
  /** A search as families type it (quoted phrases, `-word` and `or` understood); empty lists by title. */
  text?: string | null;
  categoryId?: string | null;
  /** The school whose help center this is: its articles beside the district's. None: the district's alone. */
  schoolId?: string | null;
}

export type FeedbackKind = 'HELPFUL' | 'NOT_HELPFUL' | 'ANSWERED';

const SUMMARY_LENGTH = 200;
export const MAX_HELP_RESULTS = 50;
/** Suggestions beside the contact form: a few, the best. */
const SUGGESTIONS = 3;
/** How many of a message's words (its rarest) a suggestion is looked up with, and how much of it is read. */
const SUGGESTION_WORDS = 6;
const MAX_SUGGESTION_TEXT = 2_000;

/**
 * The public help center: the live articles (published, not archived) in the reader's language, found with
 * PostgreSQL's full-text search in each language's own configuration (the Spanish stemmer for Spanish
 * texts), suggested while a family writes to the district, and what families said of them.
 */
@Injectable()
export class HelpCenterService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(INTAKE_SETTINGS) private readonly settings: IntakeSettings,
  ) {}

  /** The live articles matching, best first (by title without search words). */
  async search(search: HelpSearch, limit: number): Promise<HelpArticleSummary[]> {
    const p = new SqlParams();
    const text = search.text?.trim();
    const conditions = this.scope(p, search);
    let rank = '0::real';
    if (text) {
      const matches = this.configsFor(search.language).map((config) => {
        const query = `websearch_to_tsquery(${p.add(config)}::regconfig, ${p.add(text)})`;
        return {
          match: `(t.search_config = ${p.add(config)}::regconfig AND t.search_vector @@ ${query})`,
          query,
        };
      });
      conditions.push(`(${matches.map((m) => m.match).join(' OR ')})`);
      rank = `greatest(${matches.map((m) => `ts_rank(t.search_vector, ${m.query})`).join(', ')})`;
    }
    if (search.categoryId) conditions.push(`t.category_id = ${p.add(search.categoryId)}::uuid`);
    return this.summaries(p, search.language, conditions, rank, limit);
  }

  /**
   * Articles that may answer what a family is writing, before they send it. The message's words are
   * stemmed in the reader's language and the district's, and the rarest of them among the live texts
   * (kb_lexeme) are looked up, any of them: "parada" and "obras" say more about a message than "escuela"
   * does, and a handful of rare words keeps the texts to rank few. The best few, by cover density.
   */
  async suggest(
    message: string,
    search: Omit<HelpSearch, 'text' | 'categoryId'>,
  ): Promise<HelpArticleSummary[]> {
    const text = message.slice(0, MAX_SUGGESTION_TEXT);
    if (!/[\p{L}\p{N}]/u.test(text)) return [];
    const p = new SqlParams();
    const conditions = this.scope(p, search);
    const matches = this.configsFor(search.language).map((config) => {
      const cfg = `${p.add(config)}::regconfig`;
      // The message's rarest words that some live text has, as a query of already-stemmed lexemes.
      const query = `(SELECT string_agg(quote_literal(k.lexeme), ' | ')::tsquery
                        FROM (SELECT k.lexeme FROM kb_lexeme k
                               WHERE k.search_config = ${cfg} AND k.texts > 0
                                 AND k.lexeme = ANY(tsvector_to_array(to_tsvector(${cfg}, ${p.add(text)})))
                               ORDER BY k.texts, k.lexeme LIMIT ${p.add(SUGGESTION_WORDS)}) k)`;
      return { match: `(t.search_config = ${cfg} AND t.search_vector @@ ${query})`, query };
    });
    conditions.push(`(${matches.map((m) => m.match).join(' OR ')})`);
    const rank = `greatest(${matches.map((m) => `ts_rank_cd(t.search_vector, ${m.query})`).join(', ')})`;
    return this.summaries(p, search.language, conditions, rank, SUGGESTIONS);
  }

  /** One live article by its address, in the reader's language where it has one; NOT_FOUND otherwise. */
  async article(slug: string, language: string): Promise<HelpArticleText> {
    const rows = (await this.dataSource.query(
      `SELECT a.id AS article_id, a.slug, a.published_at, t.language, t.title, t.body_html, t.body_text,
              t.category_id, t.school_id
         FROM kb_article a JOIN kb_article_text t ON t.article_id = a.id
        WHERE a.slug = $1`,
      [slug],
    )) as TextRow[];
    const chosen = preferred(rows, language, this.settings.defaultLanguage);
    if (!chosen) throw new NotFoundException('Article');
    return {
      ...summaryOf(chosen),
      bodyHtml: chosen.body_html,
      languages: rows.map((row) => row.language).sort(),
    };
  }

  /** Counts what a family said of a live article; unknown or not live, NOT_FOUND. */
  async feedback(articleId: string, kind: FeedbackKind, language: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const counter = {
        HELPFUL: 'helpful_count',
        NOT_HELPFUL: 'not_helpful_count',
        ANSWERED: 'answered_count',
      }[kind];
      const [updated] = (await manager.query(
        `UPDATE kb_article SET ${counter} = ${counter} + 1
          WHERE id = $1 AND EXISTS (SELECT 1 FROM kb_article_text t WHERE t.article_id = kb_article.id)
        RETURNING topic_id, school_id`,
        [articleId],
      )) as [{ topic_id: string | null; school_id: string | null }[], number];
      const article = updated[0];
      if (!article) throw new NotFoundException('Article');
      await manager.query(
        'INSERT INTO kb_feedback (article_id, kind, topic_id, school_id, language) VALUES ($1, $2, $3, $4, $5)',
        [articleId, kind, article.topic_id, article.school_id, language],
      );
    });
  }

  /**
   * Per topic, how many families said an article answered their question in [from, to): the contact forms
   * that were not sent. District-wide and the given schools' articles ('all': every school's).
   */
  async answeredByTopic(
    range: { from: Date; to: Date },
    schools: readonly string[] | 'all',
  ): Promise<{ topicId: string | null; answered: number; helpful: number; notHelpful: number }[]> {
    const p = new SqlParams();
    const conditions = [`f.at >= ${p.add(range.from)}`, `f.at < ${p.add(range.to)}`];
    if (schools !== 'all')
      conditions.push(`(f.school_id IS NULL OR f.school_id = ANY(${p.add([...schools])}::uuid[]))`);
    const rows = (await this.dataSource.query(
      `SELECT f.topic_id,
              count(*) FILTER (WHERE f.kind = 'ANSWERED')::int AS answered,
              count(*) FILTER (WHERE f.kind = 'HELPFUL')::int AS helpful,
              count(*) FILTER (WHERE f.kind = 'NOT_HELPFUL')::int AS not_helpful
         FROM kb_feedback f
        WHERE ${conditions.join(' AND ')}
        GROUP BY f.topic_id
        ORDER BY answered DESC, f.topic_id`,
      p.values,
    )) as { topic_id: string | null; answered: number; helpful: number; not_helpful: number }[];
    return rows.map((row) => ({
      topicId: row.topic_id,
      answered: row.answered,
      helpful: row.helpful,
      notHelpful: row.not_helpful,
    }));
  }

  /** Search the reader's language and the district's, each with its own stemmer. */
  private configsFor(language: string): string[] {
    return [...new Set([searchConfigFor(language), searchConfigFor(this.settings.defaultLanguage)])];
  }

  /** Which live texts a reader sees: first their languages (summaries joins on it), then the schools. */
  private scope(p: SqlParams, search: Pick<HelpSearch, 'language' | 'schoolId'>): string[] {
    const languages = [
      ...new Set([search.language, search.language.split('-')[0]!, this.settings.defaultLanguage]),
    ];
    return [
      `t.language = ANY(${p.add(languages)}::text[])`,
      search.schoolId
        ? `(t.school_id IS NULL OR t.school_id = ${p.add(search.schoolId)}::uuid)`
        : 't.school_id IS NULL',
    ];
  }

  /**
   * Each matching article once, best rank first (by title in the reader's language without search words),
   * in the reader's language where it has one: the ranking and the limit in PostgreSQL, so a search
   * reads the texts it matches once and sends back a page.
   */
  private async summaries(
    p: SqlParams,
    language: string,
    conditions: string[],
    rank: string,
    limit: number,
  ): Promise<HelpArticleSummary[]> {
    const rows = (await this.dataSource.query(
      `WITH best AS (
         SELECT t.article_id, max(${rank}) AS rank,
                coalesce(min(t.title) FILTER (WHERE t.language = ${p.add(language)}), min(t.title)) AS title
           FROM kb_article_text t
          WHERE ${conditions.join(' AND ')}
          GROUP BY t.article_id
          ORDER BY 2 DESC, 3, 1
          LIMIT ${p.add(Math.min(limit, MAX_HELP_RESULTS))}
       )
       SELECT t.article_id, a.slug, a.published_at, t.language, t.title, t.body_html, t.body_text,
              t.category_id, t.school_id, best.rank, best.title AS sort_title
         FROM best
         JOIN kb_article a ON a.id = best.article_id
         JOIN kb_article_text t ON t.article_id = best.article_id AND ${conditions[0]}
        ORDER BY best.rank DESC, best.title, best.article_id`,
      p.values,
    )) as (TextRow & { rank: number })[];
    const byArticle = new Map<string, TextRow[]>();
    for (const row of rows) byArticle.set(row.article_id, [...(byArticle.get(row.article_id) ?? []), row]);
    return [...byArticle.values()].map((texts) =>
      summaryOf(preferred(texts, language, this.settings.defaultLanguage)!),
    );
  }
}

interface TextRow {
  article_id: string;
  slug: string;
  published_at: Date;
  language: string;
  title: string;
  body_html: string;
  body_text: string;
  category_id: string | null;
  school_id: string | null;
}

/** The reader's language, else its base language (`es` for `es-MX`), else the district's. */
function preferred<Row extends { language: string }>(
  rows: Row[],
  language: string,
  districtLanguage: string,
): Row | undefined {
  const base = language.split('-')[0];
  return (
    rows.find((row) => row.language === language) ??
    rows.find((row) => row.language === base) ??
    rows.find((row) => row.language === districtLanguage)
  );
}

function summaryOf(row: TextRow): HelpArticleSummary {
  const summary =
    row.body_text.length > SUMMARY_LENGTH
      ? `${row.body_text.slice(0, SUMMARY_LENGTH).replace(/\s+\S*$/, '')}…`
      : row.body_text;
  return {
    articleId: row.article_id,
    slug: row.slug,
    language: row.language,
    title: row.title,
    summary,
    categoryId: row.category_id,
    schoolId: row.school_id,
    publishedAt: row.published_at,
  };
}
