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

  /**
   * The text message that carried this message: an INBOUND one's provider id (unique, so a retried webhook
   * adds nothing), or the id the provider gave our OUTBOUND text.
   */
  @Column({ type: 'text', nullable: true })
  smsMessageSid!: string | null;

  /**
   * A message an API client handed over from another channel: the client's id and its own id of the message,
   * unique, so a second submission adds nothing.
   */
  @Column({ type: 'text', nullable: true })
  externalKey!: string | null;

  /** The language an INBOUND message is written in, detected among the district's languages; null: unclear. */
  @Column({ type: 'text', nullable: true })
  language!: string | null;

  /** When the SMTP server accepted our email of this (OUTBOUND) message to the requester. */
  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  /**
   * Why this OUTBOUND message was not and will not be emailed: ANONYMOUS, NO_EMAIL, STALE,
   * PREDATES_EMAIL, BY_TEXT (the case came by text, and is answered so), or REJECTED (the requester's mail
   * server refused the address for good).
   */
  @Column({ type: 'text', nullable: true })
  emailSkipped!: string | null;

  /** An OUTBOUND text held through the district's quiet hours: it is sent once this has passed. */
  @Column({ type: 'timestamptz', nullable: true })
  smsDeferredUntil!: Date | null;

  /** When the provider accepted our text of this (OUTBOUND) message to the requester. */
  @Column({ type: 'timestamptz', nullable: true })
  textedAt!: Date | null;

  /**
   * Why this OUTBOUND message on a case that came by text was not and will not be texted: OPTED_OUT (the
   * number texted STOP), NO_PHONE, STALE, SMS_UNAVAILABLE (no provider), or REJECTED (refused for good).
   */
  @Column({ type: 'text', nullable: true })
  smsSkipped!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
