import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { ArticleStatus, ArticleTranslation } from '@homeroom/cases/domain';
import { StoredFileColumns } from './stored-file-columns';

/** A help-center category: its name in each language the district writes in. */
@Entity({ name: 'kb_category' })
export class KnowledgeCategoryEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** Language tag → name; the district's language always present. */
  @Column({ type: 'jsonb' })
  names!: Record<string, string>;

  /** Where it is listed in the help center, lowest first. */
  @Column({ type: 'integer', default: 0 })
  position!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/**
 * A knowledge-base article: the draft staff edit, and which version the help center shows. Its published
 * texts live in `kb_article_text` (searchable), each published version in `kb_article_version`.
 */
@Entity({ name: 'kb_article' })
export class KnowledgeArticleEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** Its address in the help center, made from its first title and kept. */
  @Column({ type: 'text' })
  slug!: string;

  @Column({ type: 'text' })
  status!: ArticleStatus;

  /** Null: district-wide; otherwise the school whose families see it. */
  @Column({ type: 'uuid', nullable: true })
  schoolId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  categoryId!: string | null;

  /** The topic whose questions it answers: deflection is counted per topic. */
  @Column({ type: 'uuid', nullable: true })
  topicId!: string | null;

  /** The texts being edited (sanitized), which the next publication makes live. */
  @Column({ type: 'jsonb' })
  draft!: ArticleTranslation[];

  /** The live version's number; null until first published. */
  @Column({ type: 'integer', nullable: true })
  publishedVersion!: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  /** Who last changed the draft, sent it for review, and published it (directory people or API clients). */
  @Column({ type: 'text' })
  editedBy!: string;

  @Column({ type: 'text', nullable: true })
  submittedBy!: string | null;

  @Column({ type: 'text', nullable: true })
  publishedBy!: string | null;

  @Column({ type: 'integer', default: 0 })
  helpfulCount!: number;

  @Column({ type: 'integer', default: 0 })
  notHelpfulCount!: number;

  /** Families who said it answered their question instead of sending the contact form. */
  @Column({ type: 'integer', default: 0 })
  answeredCount!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}

/** One published version of an article, as it read. */
@Entity({ name: 'kb_article_version' })
export class KnowledgeArticleVersionEntity {
  @PrimaryColumn({ type: 'uuid' })
  articleId!: string;

  @PrimaryColumn({ type: 'integer' })
  version!: number;

  @Column({ type: 'jsonb' })
  translations!: ArticleTranslation[];

  @Column({ type: 'text' })
  publishedBy!: string;

  @Column({ type: 'timestamptz' })
  publishedAt!: Date;
}

/** A file of an article: an image it shows or a document it offers; the bytes in the attachment storage. */
@Entity({ name: 'kb_article_file' })
export class KnowledgeArticleFileEntity extends StoredFileColumns {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid' })
  articleId!: string;

  /** Since the article's next publication after it was added: served to anyone while the article is live. */
  @Column({ type: 'boolean', default: false })
  published!: boolean;

  @Column({ type: 'text' })
  addedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
