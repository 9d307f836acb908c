import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Answers, SurveyDefinition } from '@homeroom/surveys/domain';

export const SURVEY_KINDS = ['CSAT', 'DISTRICT'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];
export const SURVEY_STATUSES = ['DRAFT', 'OPEN', 'CLOSED'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

/** A survey; its questions are in its versions, the latest being `currentVersion`. */
@Entity({ name: 'survey' })
export class SurveyEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  kind!: SurveyKind;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  status!: SurveyStatus;

  @Column({ type: 'integer' })
  currentVersion!: number;

  @Column({ type: 'timestamptz', nullable: true })
  closesAt!: Date | null;

  /** Who a district survey was last sent to (kinds, schools, languages, roles). */
  @Column({ type: 'jsonb', nullable: true, insert: false })
  audience!: Record<string, unknown> | null;

  @Column({ type: 'timestamptz', insert: false, update: false })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** One version of a survey's questions, as `validateSurvey` accepted them; never changed once answered. */
@Entity({ name: 'survey_version' })
export class SurveyVersionEntity {
  @PrimaryColumn({ type: 'uuid' })
  surveyId!: string;

  @PrimaryColumn({ type: 'integer' })
  version!: number;

  @Column({ type: 'jsonb' })
  definition!: SurveyDefinition;

  @Column({ type: 'timestamptz', insert: false, update: false })
  createdAt!: Date;
}

/** Someone asked to answer a survey: a case's requester (CSAT) or a member of a survey's audience. */
@Entity({ name: 'survey_invitation' })
export class SurveyInvitationEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid' })
  surveyId!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'uuid', nullable: true })
  caseId!: string | null;

  @Column({ type: 'text', nullable: true })
  caseNumber!: string | null;

  @Column({ type: 'uuid', nullable: true })
  personId!: string | null;

  @Column({ type: 'text' })
  channel!: 'EMAIL' | 'SMS';

  @Column({ type: 'text' })
  language!: string;

  @Column({ type: 'uuid', nullable: true })
  schoolId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  topicId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  assigneeId!: string | null;

  @Column({ type: 'text', nullable: true })
  caseChannel!: string | null;

  /** Recorded from imported history: nobody was sent anything. */
  @Column({ type: 'boolean' })
  imported!: boolean;

  @Column({ type: 'timestamptz' })
  sentAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  remindAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  remindedAt!: Date | null;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  respondedAt!: Date | null;

  /** The satisfaction score of its response, copied here so results read one table. */
  @Column({ type: 'integer', nullable: true })
  score!: number | null;
}

/** An answered survey. The case's facts are copied in, so results never need the cases service. */
@Entity({ name: 'survey_response' })
export class SurveyResponseEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid' })
  surveyId!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'uuid', nullable: true })
  invitationId!: string | null;

  @Column({ type: 'text' })
  language!: string;

  @Column({ type: 'jsonb' })
  answers!: Answers;

  /** The satisfaction score (1–10) of a CSAT response; null for surveys without one. */
  @Column({ type: 'integer', nullable: true })
  score!: number | null;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  /** How the comment came across (NEGATIVE, NEUTRAL, POSITIVE) and its score in [-1, 1]. */
  @Column({ type: 'text', nullable: true })
  commentSentiment!: string | null;

  @Column({ type: 'real', nullable: true })
  commentSentimentScore!: number | null;

  @Column({ type: 'uuid', nullable: true })
  caseId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  schoolId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  topicId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  assigneeId!: string | null;

  @Column({ type: 'text', nullable: true })
  caseChannel!: string | null;

  @Column({ type: 'boolean' })
  lowSatisfaction!: boolean;

  @Column({ type: 'timestamptz' })
  submittedAt!: Date;
}
