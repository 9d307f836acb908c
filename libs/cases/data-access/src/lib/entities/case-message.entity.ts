import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { MessageDirection } from '@homeroom/cases/domain';

@Entity({ name: 'case_message' })
export class CaseMessageEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @Column({ type: 'text' })
  direction!: MessageDirection;

  /** REQUESTER, STAFF (with authorId) or SYSTEM. */
  @Column({ type: 'text' })
  authorKind!: 'REQUESTER' | 'STAFF' | 'CLIENT' | 'SYSTEM';

  @Column({ type: 'text', nullable: true })
  authorId!: string | null;

  @Column({ type: 'text' })
  body!: string;

  /** The Message-ID (without brackets) of the email that carried this message, in or out, when known. */
  @Column({ type: 'text', nullable: true })
  emailMessageId!: string | null;

  /** An INBOUND email's Message-ID with its sender's address: a second delivery of it is recognised. */
  @Column({ type: 'text', nullable: true })
  emailDedupeKey!: string | null;

  /** When the SMTP server accepted our email of this (OUTBOUND) message to the requester. */
  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  /**
   * Why this OUTBOUND message was not and will not be emailed: ANONYMOUS, NO_EMAIL, STALE,
   * PREDATES_EMAIL, or REJECTED (the requester's mail server refused the address for good).
   */
  @Column({ type: 'text', nullable: true })
  emailSkipped!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
