import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
import {
  type ArticleStatus,
  type ArticleTranslation,
  articleSlug,
  assertArticleAction,
  CASE_LANGUAGE_TAG,
  checkArticleTranslations,
  searchConfigFor,
} from '@homeroom/cases/domain';
import { ArticlePublished } from '@homeroom/cases/contracts';
import { OutboxWriter } from '@homeroom/platform/messaging';
import { InvalidInputException, NotFoundException } from '@homeroom/shared/errors';
import {
  KnowledgeArticleEntity,
  KnowledgeArticleVersionEntity,
  KnowledgeCategoryEntity,
  TopicEntity,
} from '../entities';
import { INTAKE_SETTINGS, type IntakeSettings } from '../services/case-intake.service';
import { articleText, sanitizeArticleHtml } from './article-html';

export interface ArticleInput {
  translations: ArticleTranslation[];
  categoryId?: string | null;
  topicId?: string | null;
}

export interface NewArticleInput extends ArticleInput {
  /** Null: district-wide. Fixed once made. */
  schoolId?: string | null;
}

/** The articles a member of staff works on: the district-wide ones and those of `schools` ('all': every school's). */
export type ArticleReach = { schools: 'all' } | { schools: readonly string[] };

export interface ArticleFilter {
  status?: ArticleStatus | null;
  /** Words in a title of the draft. */
  search?: string | null;
  schoolId?: string | null;
}

const MAX_CATEGORY_NAME = 80;

/**
 * The knowledge base as staff keep it: categories, articles written as drafts, sent for review and
 * published by a keeper (each publication a numbered version, the live texts searchable), archived out
 * of the help center. The help center's reads are HelpCenterService's.
 */
@Injectable()
export class KnowledgeBaseService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    @Inject(INTAKE_SETTINGS) private readonly settings: IntakeSettings,
  ) {}

  /** Every category, in the help center's order. */
  categories(): Promise<KnowledgeCategoryEntity[]> {
    return this.dataSource
      .getRepository(KnowledgeCategoryEntity)
      .find({ order: { position: 'ASC', createdAt: 'ASC' } });
  }

  /** A category's name in the reader's language, else its base language, else the district's. */
  nameOf(category: KnowledgeCategoryEntity, language: string | null): string {
    const base = language?.split('-')[0];
    return (
      (language && category.names[language]) ||
      (base && category.names[base]) ||
      category.names[this.settings.defaultLanguage] ||
      ''
    );
  }

  async createCategory(
    names: readonly { language: string; name: string }[],
    position = 0,
  ): Promise<KnowledgeCategoryEntity> {
    const problems = names.flatMap(({ language, name }, index) => [
      ...(CASE_LANGUAGE_TAG.test(language)
        ? []
        : [{ path: `names.${index}.language`, message: 'not a language tag' }]),
      ...(name.trim() && name.length <= MAX_CATEGORY_NAME
        ? []
        : [{ path: `names.${index}.name`, message: `1 to ${MAX_CATEGORY_NAME} characters` }]),
    ]);
    if (problems.length) throw new InvalidInputException(problems[0]!.message, problems);
    if (!names.some(({ language }) => language === this.settings.defaultLanguage))
      throw new InvalidInputException(
        `A category needs its name in the district's language (${this.settings.defaultLanguage})`,
        [{ path: 'names', message: `no ${this.settings.defaultLanguage} name` }],
        'MISSING_DEFAULT_LANGUAGE',
      );
    const category = Object.assign(new KnowledgeCategoryEntity(), {
      id: randomUUID(),
      names: Object.fromEntries(names.map(({ language, name }) => [language, name.trim()])),
      position,
    });
    await this.dataSource.getRepository(KnowledgeCategoryEntity).insert(category);
    return category;
  }

  /** One page, most recently changed first (keyset on updatedAt and id), and the count, each sent only when asked. */
  page(
    filter: ArticleFilter,
    reach: ArticleReach,
    limit: number,
    after: readonly (string | number)[] | undefined,
  ): { rows: () => Promise<KnowledgeArticleEntity[]>; total: () => Promise<number> } {
    const query = this.dataSource.getRepository(KnowledgeArticleEntity).createQueryBuilder('a');
    if (filter.status) query.andWhere('a.status = :status', { status: filter.status });
    if (filter.schoolId) query.andWhere('a.schoolId = :schoolId', { schoolId: filter.schoolId });
    if (reach.schools !== 'all')
      query.andWhere('(a.schoolId IS NULL OR a.schoolId = ANY(:schools))', { schools: [...reach.schools] });
    const search = filter.search?.trim();
    if (search) {
      const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query.andWhere(
        new Brackets((where) =>
          where.where(
            `EXISTS (SELECT 1 FROM jsonb_array_elements(a.draft) t WHERE t->>'title' ILIKE :pattern)`,
            {
              pattern,
            },
          ),
        ),
      );
    }
    const counted = query.clone();
    if (after)
      query.andWhere('(a.updatedAt, a.id) < (:at::timestamptz, :id)', { at: after[0], id: after[1] });
    query.orderBy('a.updatedAt', 'DESC').addOrderBy('a.id', 'DESC');
    return { rows: () => query.limit(limit + 1).getMany(), total: () => counted.getCount() };
  }

  /** An article within reach, or null (out of reach reads as unknown). */
  async find(id: string, reach: ArticleReach): Promise<KnowledgeArticleEntity | null> {
    const article = await this.dataSource.getRepository(KnowledgeArticleEntity).findOneBy({ id });
    return article && withinReach(article, reach) ? article : null;
  }

  /** The versions published so far, newest first. */
  versions(articleId: string): Promise<KnowledgeArticleVersionEntity[]> {
    return this.dataSource
      .getRepository(KnowledgeArticleVersionEntity)
      .find({ where: { articleId }, order: { version: 'DESC' } });
  }

  /** A new draft, its address made from its title in the district's language. */
  async create(input: NewArticleInput, editedBy: string): Promise<KnowledgeArticleEntity> {
    const content = await this.checked(input);
    const title = content.draft.find((t) => t.language === this.settings.defaultLanguage)!.title;
    return this.dataSource.transaction(async (manager) => {
      const article = Object.assign(new KnowledgeArticleEntity(), {
        id: randomUUID(),
        slug: await freeSlug(manager, articleSlug(title)),
        status: 'DRAFT' as const,
        schoolId: input.schoolId ?? null,
        publishedVersion: null,
        publishedAt: null,
        editedBy,
        submittedBy: null,
        publishedBy: null,
        helpfulCount: 0,
        notHelpfulCount: 0,
        answeredCount: 0,
        ...content,
      });
      await manager.getRepository(KnowledgeArticleEntity).insert(article);
      return article;
    });
  }

  /** Replaces the draft; a published article stays live as it was until the next publication. */
  update(
    article: KnowledgeArticleEntity,
    input: ArticleInput,
    editedBy: string,
  ): Promise<KnowledgeArticleEntity> {
    return this.changed(article, 'edit', async () => ({
      ...(await this.checked(input)),
      status: 'DRAFT',
      editedBy,
    }));
  }

  submit(article: KnowledgeArticleEntity, submittedBy: string): Promise<KnowledgeArticleEntity> {
    return this.changed(article, 'submit', async () => ({ status: 'IN_REVIEW', submittedBy }));
  }

  /**
   * Makes the draft the live version: its number, its texts in the help center (each searchable in its
   * language), and ArticlePublished, in one transaction.
   */
  publish(article: KnowledgeArticleEntity, publishedBy: string): Promise<KnowledgeArticleEntity> {
    return this.changed(article, 'publish', async (current, manager) => {
      const version = (current.publishedVersion ?? 0) + 1;
      const publishedAt = new Date();
      await manager.getRepository(KnowledgeArticleVersionEntity).insert({
        articleId: current.id,
        version,
        translations: current.draft,
        publishedBy,
        publishedAt,
      });
      await this.replaceLiveTexts(manager, current, current.draft);
      // The files added since are the help center's from now on (ArticleFileService.findPublic).
      await manager.query('UPDATE kb_article_file SET published = true WHERE article_id = $1', [current.id]);
      await this.outbox.append(manager, ArticlePublished, {
        aggregateId: current.id,
        data: {
          articleId: current.id,
          slug: current.slug,
          version,
          languages: current.draft.map((t) => t.language),
          schoolId: current.schoolId,
          categoryId: current.categoryId,
          topicId: current.topicId,
          publishedBy,
          at: publishedAt.toISOString(),
        },
      });
      return { status: 'PUBLISHED', publishedVersion: version, publishedAt, publishedBy };
    });
  }

  /** Out of the help center; its versions and counts kept. */
  archive(article: KnowledgeArticleEntity): Promise<KnowledgeArticleEntity> {
    return this.changed(article, 'archive', async (current, manager) => {
      await this.replaceLiveTexts(manager, current, []);
      return { status: 'ARCHIVED' };
    });
  }

  /** Locks the article, checks the action against its status as it is now, and saves the changes. */
  private changed(
    article: KnowledgeArticleEntity,
    action: Parameters<typeof assertArticleAction>[1],
    change: (
      current: KnowledgeArticleEntity,
      manager: EntityManager,
    ) => Promise<Partial<KnowledgeArticleEntity>>,
  ): Promise<KnowledgeArticleEntity> {
    return this.dataSource.transaction(async (manager) => {
      const current = await manager
        .getRepository(KnowledgeArticleEntity)
        .findOne({ where: { id: article.id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw new NotFoundException('Article');
      assertArticleAction(current.status, action);
      Object.assign(current, await change(current, manager));
      return manager.getRepository(KnowledgeArticleEntity).save(current);
    });
  }

  private async replaceLiveTexts(
    manager: EntityManager,
    article: KnowledgeArticleEntity,
    translations: readonly ArticleTranslation[],
  ): Promise<void> {
    // One publication at a time changes the word counts, so two never wait on each other's rows.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('kb_lexeme'))`);
    await countWords(manager, article.id, -1);
    await manager.query('DELETE FROM kb_article_text WHERE article_id = $1', [article.id]);
    if (!translations.length) return;
    await manager.query(
      `INSERT INTO kb_article_text (article_id, language, school_id, category_id, title, body_html, body_text, search_config)
       SELECT $1, t.language, $2, $3, t.title, t.body_html, t.body_text, t.search_config::regconfig
         FROM jsonb_to_recordset($4::jsonb) AS t(language text, title text, body_html text, body_text text, search_config text)`,
      [
        article.id,
        article.schoolId,
        article.categoryId,
        JSON.stringify(
          translations.map(({ language, title, body }) => ({
            language,
            title,
            body_html: body,
            body_text: articleText(body),
            search_config: searchConfigFor(language),
          })),
        ),
      ],
    );
    await countWords(manager, article.id, 1);
  }

  private async checked(
    input: ArticleInput,
  ): Promise<Pick<KnowledgeArticleEntity, 'draft' | 'categoryId' | 'topicId'>> {
    const translations = checkArticleTranslations(input.translations, this.settings.defaultLanguage).map(
      (t, index) => {
        const body = sanitizeArticleHtml(t.body);
        if (!articleText(body))
          throw new InvalidInputException('An article needs words once its HTML is made safe', [
            { path: `translations.${index}.body`, message: 'no text left after sanitizing' },
          ]);
        return { ...t, body };
      },
    );
    if (
      input.categoryId &&
      !(await this.dataSource.getRepository(KnowledgeCategoryEntity).existsBy({ id: input.categoryId }))
    )
      throw new InvalidInputException('No such category', [
        { path: 'categoryId', message: 'no such category' },
      ]);
    if (input.topicId && !(await this.dataSource.getRepository(TopicEntity).existsBy({ id: input.topicId })))
      throw new InvalidInputException('No such topic', [{ path: 'topicId', message: 'no such topic' }]);
    return { draft: translations, categoryId: input.categoryId ?? null, topicId: input.topicId ?? null };
  }
}

function withinReach(article: KnowledgeArticleEntity, reach: ArticleReach): boolean {
  return !article.schoolId || reach.schools === 'all' || reach.schools.includes(article.schoolId);
}

/** Adds (1) or takes away (-1) the article's live texts from the count of texts each word appears in. */
async function countWords(manager: EntityManager, articleId: string, sign: 1 | -1): Promise<void> {
  await manager.query(
    `INSERT INTO kb_lexeme (search_config, lexeme, texts)
     SELECT t.search_config, w.lexeme, $2::int * count(*)::int
       FROM kb_article_text t CROSS JOIN unnest(t.search_vector) AS w
      WHERE t.article_id = $1
      GROUP BY 1, 2
     ON CONFLICT (search_config, lexeme) DO UPDATE SET texts = kb_lexeme.texts + excluded.texts`,
    [articleId, sign],
  );
}

/** The slug, or the first of slug-2, slug-3, … no article has yet. */
async function freeSlug(manager: EntityManager, slug: string): Promise<string> {
  const taken = new Set(
    (
      (await manager.query(
        `SELECT slug FROM kb_article WHERE slug = $1 OR slug ~ ('^' || $1 || '-[0-9]+$')`,
        [slug],
      )) as { slug: string }[]
    ).map((row) => row.slug),
  );
  if (!taken.has(slug)) return slug;
  let n = 2;
  while (taken.has(`${slug}-${n}`)) n += 1;
  return `${slug}-${n}`;
}
