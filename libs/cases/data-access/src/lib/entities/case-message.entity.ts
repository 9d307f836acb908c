import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { MessageDirection, ReviewStatus, VitalCategory } from '@homeroom/cases/domain';

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

  /**
   * The language an INBOUND message is written in, detected among the district's languages (null: unclear);
   * for a reply held for review, the requester's language it is written in.
   */
  @Column({ type: 'text', nullable: true })
  language!: string | null;

  /** When the SMTP server accepted our email of this (OUTBOUND) message to the requester. */
  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  /**
   * Why this OUTBOUND message was not and will not be emailed: ANONYMOUS, NO_EMAIL, STALE,
   * PREDATES_EMAIL, BY_TEXT (the case came by text, and is answered so), IN_CHAT (the family was in the
   * chat it answers; its transcript is mailed when the chat ends), or REJECTED (the requester's mail server
   * refused the address for good).
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

  /** The vital category of the template this reply came from (or of its case, for a translated reply). */
  @Column({ type: 'text', nullable: true })
  vitalCategory!: VitalCategory | null;

  /** The reply template a vital reply came from: its status change waits with the reply. */
  @Column({ type: 'uuid', nullable: true })
  templateId!: string | null;

  /**
   * A reply held for a qualified translator (ADR 32): PENDING (nothing sent, the requester does not see
   * it), APPROVED (released), RETURNED (sent back to its author, never sent). Null: never held.
   */
  @Column({ type: 'text', nullable: true })
  reviewStatus!: ReviewStatus | null;

  /** The staff member who approved or returned it. */
  @Column({ type: 'text', nullable: true })
  reviewedBy!: string | null;

  /** When it was approved or returned; an approved reply counts as sent from then. */
  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt!: Date | null;

  /** Why it was returned. */
  @Column({ type: 'text', nullable: true })
  reviewNote!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
