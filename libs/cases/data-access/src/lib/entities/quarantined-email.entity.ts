import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { IgnoreReason } from '@homeroom/cases/domain';

/** A message the intake took (250) and did not turn into a case, kept whole for staff to decide. */
@Entity({ name: 'quarantined_email' })
export class QuarantinedEmailEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ type: 'text' })
  reason!: IgnoreReason;

  /** What decided it: `Auto-Submitted: auto-replied`, `list-id: <…>`, the error that made it unreadable. */
  @Column({ type: 'text' })
  detail!: string;

  @Column({ type: 'text', nullable: true })
  dedupeKey!: string | null;

  /** MAIL FROM: `''` for the null sender `<>`. */
  @Column({ type: 'text', nullable: true })
  envelopeSender!: string | null;

  @Column({ type: 'text', array: true })
  recipients!: string[];

  @Column({ type: 'text', nullable: true })
  fromAddress!: string | null;

  @Column({ type: 'text' })
  subject!: string;

  /** The message as received, byte for byte (selected only when released or downloaded). */
  @Column({ type: 'bytea', select: false })
  raw!: Buffer;

  @Column({ type: 'integer' })
  sizeBytes!: number;

  @Column({ type: 'timestamptz', nullable: true })
  releasedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  releasedBy!: string | null;

  @Column({ type: 'text', nullable: true })
  releasedCaseNumber!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  discardedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  discardedBy!: string | null;
}
