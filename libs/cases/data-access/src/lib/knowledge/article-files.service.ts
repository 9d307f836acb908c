import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { decodeAttachments, type EncodedAttachment } from '@homeroom/cases/domain';
import { ConflictException, InvalidInputException, NotFoundException } from '@homeroom/shared/errors';
import { KnowledgeArticleFileEntity, type KnowledgeArticleEntity } from '../entities';
import { ATTACHMENT_STORAGE, type AttachmentStorage, newStorageKey } from '../attachments/attachment-storage';
import { ATTACHMENT_SETTINGS, type AttachmentSettings } from '../attachments/attachment.service';

/** How many files one article may keep: a help article with more is a document library. */
export const MAX_ARTICLE_FILES = 30;

/** Types a browser shows in the page (`<img>`); every other file is offered as a download. */
export const INLINE_IMAGE_TYPES: ReadonlySet<string> = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
]);

/** The path an article file is served at, under the service's `/attachments` route (and the gateway's). */
export function articleFilePath(file: Pick<KnowledgeArticleFileEntity, 'id' | 'fileName'>): string {
  return `/attachments/articles/${file.id}/${encodeURIComponent(file.fileName)}`;
}

/**
 * Files of knowledge-base articles: images an article shows (`<img src="/attachments/articles/…">`) and
 * documents it offers. Checked by the attachment policy as case files are, and stored in the same storage,
 * the bytes before the row (a failed insert removes them again). A file is for staff until the article is
 * next published (KnowledgeBaseService.publish); from then on anyone may read it while the article is live
 * (`findPublic`).
 */
@Injectable()
export class ArticleFileService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
    @Inject(ATTACHMENT_SETTINGS) private readonly settings: AttachmentSettings,
  ) {}

  /** The article's files, oldest first. */
  list(articleId: string): Promise<KnowledgeArticleFileEntity[]> {
    return this.dataSource.getRepository(KnowledgeArticleFileEntity).find({
      where: { articleId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** The files of these articles in one query (a page of articles). */
  async forArticles(articleIds: readonly string[]): Promise<Map<string, KnowledgeArticleFileEntity[]>> {
    const byArticle = new Map<string, KnowledgeArticleFileEntity[]>(articleIds.map((id) => [id, []]));
    if (!articleIds.length) return byArticle;
    const rows: KnowledgeArticleFileEntity[] = await this.dataSource
      .getRepository(KnowledgeArticleFileEntity)
      .createQueryBuilder('f')
      .where('f.articleId IN (:...ids)', { ids: [...new Set(articleIds)] })
      .orderBy('f.createdAt', 'ASC')
      .addOrderBy('f.id', 'ASC')
      .getMany();
    for (const row of rows) byArticle.get(row.articleId)?.push(row);
    return byArticle;
  }

  /** Adds a file to an article; refused by the attachment policy's rules, or past MAX_ARTICLE_FILES. */
  async add(
    article: KnowledgeArticleEntity,
    upload: EncodedAttachment,
    addedBy: string,
  ): Promise<KnowledgeArticleFileEntity> {
    const [file] = decodeAttachments([upload], this.settings.policy, 'file');
    const storageKey = newStorageKey();
    const content = Buffer.from(file!.content.buffer, file!.content.byteOffset, file!.content.byteLength);
    await this.storage.put(storageKey, content);
    try {
      return await this.dataSource.transaction(async (manager) => {
        // One at a time per article, so two uploads cannot both pass the count.
        await manager.query('SELECT 1 FROM kb_article WHERE id = $1 FOR UPDATE', [article.id]);
        const count = await manager.count(KnowledgeArticleFileEntity, { where: { articleId: article.id } });
        if (count >= MAX_ARTICLE_FILES)
          throw new InvalidInputException(
            `An article keeps at most ${MAX_ARTICLE_FILES} files`,
            [{ path: 'file', message: `at most ${MAX_ARTICLE_FILES} per article` }],
            'TOO_MANY_ARTICLE_FILES',
          );
        const row = manager.create(KnowledgeArticleFileEntity, {
          id: randomUUID(),
          articleId: article.id,
          fileName: file!.fileName,
          contentType: file!.contentType,
          sizeBytes: file!.sizeBytes,
          sha256: createHash('sha256').update(content).digest('hex'),
          storageKey,
          published: false,
          addedBy,
        });
        return manager.save(row);
      });
    } catch (error) {
      await this.storage.delete(storageKey).catch(() => undefined);
      throw error;
    }
  }

  /** The file of an article, or NOT_FOUND (a file of another article is not this one's). */
  async ofArticle(article: KnowledgeArticleEntity, fileId: string): Promise<KnowledgeArticleFileEntity> {
    const file = await this.find(fileId);
    if (!file || file.articleId !== article.id) throw new NotFoundException('Article file');
    return file;
  }

  /**
   * Removes a file, refused (FILE_IN_USE) while the live version shows or links it: the help center would
   * show a broken image. Publish a version without it first.
   */
  async remove(article: KnowledgeArticleEntity, fileId: string): Promise<void> {
    const file = await this.ofArticle(article, fileId);
    const [live] = await this.dataSource.query(
      `SELECT 1 FROM kb_article_version v JOIN kb_article a ON a.id = v.article_id
        WHERE v.article_id = $1 AND v.version = a.published_version AND a.status <> 'ARCHIVED'
          AND position($2 in v.translations::text) > 0`,
      [article.id, `/attachments/articles/${file.id}/`],
    );
    if (live)
      throw new ConflictException(
        'The published article shows this file: publish a version without it first',
        'FILE_IN_USE',
      );
    await this.dataSource.getRepository(KnowledgeArticleFileEntity).delete({ id: file.id });
    await this.storage.delete(file.storageKey).catch(() => undefined);
  }

  find(id: string): Promise<KnowledgeArticleFileEntity | null> {
    return this.dataSource.getRepository(KnowledgeArticleFileEntity).findOneBy({ id });
  }

  /** A file anyone may read: published with its article, and the article live in the help center. */
  async findPublic(id: string): Promise<KnowledgeArticleFileEntity | null> {
    return this.dataSource
      .getRepository(KnowledgeArticleFileEntity)
      .createQueryBuilder('f')
      .where('f.id = :id AND f.published', { id })
      .andWhere('EXISTS (SELECT 1 FROM kb_article_text t WHERE t.article_id = f.article_id)')
      .getOne();
  }

  open(file: KnowledgeArticleFileEntity): Promise<Readable> {
    return this.storage.get(file.storageKey);
  }
}
