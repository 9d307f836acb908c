import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { CaseStatus, CaseType, Channel, Contact, Priority } from '@homeroom/cases/domain';
import type { SentimentLabel } from '@homeroom/shared/sentiment';

@Entity({ name: 'support_case' })
export class CaseEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** HR-2026-004211: what families and staff say on the phone. */
  @Column({ type: 'text' })
  number!: string;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'text' })
  channel!: Channel;

  @Column({ type: 'text' })
  status!: CaseStatus;

  @Column({ type: 'text' })
  priority!: Priority;

  @Column({ type: 'text', nullable: true })
  type!: CaseType | null;

  @Column({ type: 'uuid', nullable: true })
  topicId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  schoolId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  departmentId!: string | null;

  /** The directory person, when the requester is known (named by staff, or confirmed: ADR 19). */
  @Column({ type: 'uuid', nullable: true })
  requesterId!: string | null;

  /**
   * The directory person whose address was typed into the form (or sent the email), until they confirm
   * by the link mailed to that address: never shown or treated as the requester before.
   */
  @Column({ type: 'uuid', nullable: true })
  requesterCandidateId!: string | null;

  /** When the confirmation mail went out (its links are kept in `case_requester_confirmation_link`). */
  @Column({ type: 'timestamptz', nullable: true })
  requesterConfirmationSentAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  requesterConfirmedAt!: Date | null;

  /** What the requester gave us to answer them; empty for an anonymous inquiry. */
  @Column({ type: 'jsonb' })
  contact!: Contact;

  @Column({ type: 'boolean', default: false })
  anonymous!: boolean;

  @Column({ type: 'boolean', default: false })
  confidential!: boolean;

  @Column({ type: 'text' })
  language!: string;

  @Column({ type: 'uuid', nullable: true })
  assigneeId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  teamId!: string | null;

  /** SHA-256 of the requester's tracking token; the token itself is only ever in their link. */
  @Column({ type: 'text' })
  trackingTokenHash!: string;

  /** The secret in the case's reply address (talk+<token>@…): mail to that address joins this case. */
  @Column({ type: 'text' })
  replyToken!: string;

  /** The case this one follows up (a reply after the reopen window, a low satisfaction score). */
  @Column({ type: 'uuid', nullable: true })
  followUpOfId!: string | null;

  /** Normalized (see normalizeTag): staff and routing rules set them; filters match them exactly. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags!: string[];

  /** Set when this case was merged into another: it is closed and everything it held moved there. */
  @Column({ type: 'uuid', nullable: true })
  mergedIntoId!: string | null;

  /** How the requester came across at intake (see scoreSentiment); null for cases from before triage. */
  @Column({ type: 'text', nullable: true })
  sentiment!: SentimentLabel | null;

  @Column({ type: 'real', nullable: true })
  sentimentScore!: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  firstRespondedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  /** The nearest deadline of a timer the SLA service warned about and nothing has met yet (SlaAlerts). */
  @Column({ type: 'timestamptz', nullable: true })
  slaDueAt!: Date | null;

  @VersionColumn()
  version!: number;
}
