import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { CaseStatus, Priority, TemplateTranslation, VitalCategory } from '@homeroom/cases/domain';

/**
 * A reply staff send fifty times a day (a macro): its text in each language, and what sending it also does
 * to the case. District-wide, or one team's.
 */
@Entity({ name: 'reply_template' })
export class ReplyTemplateEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  /** What staff type to insert it (`late-bus`); unique among the templates in use. */
  @Column({ type: 'text', nullable: true })
  shortcut!: string | null;

  /** Null: district-wide; otherwise the team whose members use it. */
  @Column({ type: 'uuid', nullable: true })
  teamId!: string | null;

  /** Checked when saved (checkTranslations): the district's language among them, known placeholders only. */
  @Column({ type: 'jsonb' })
  translations!: TemplateTranslation[];

  @Column({ type: 'text', nullable: true })
  setStatus!: CaseStatus | null;

  @Column({ type: 'text', nullable: true })
  setPriority!: Priority | null;

  @Column({ type: 'uuid', nullable: true })
  setTopicId!: string | null;

  /** Normalized tags (normalizeTag) added to the case. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  addTags!: string[];

  /** Vital (discipline, special education, enrollment…): sent in another language, it waits for review. */
  @Column({ type: 'text', nullable: true })
  vitalCategory!: VitalCategory | null;

  @Column({ type: 'integer', default: 0 })
  usageCount!: number;

  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
