import { Column, Entity, PrimaryColumn } from 'typeorm';
import type {
  BusinessCalendarInput,
  SlaPolicyInput,
  SlaTimerKind,
  SlaTimerStatus,
} from '@homeroom/slas/domain';

export const CALENDAR_SCOPES = ['DISTRICT', 'SCHOOL', 'DEPARTMENT'] as const;
export type CalendarScope = (typeof CALENDAR_SCOPES)[number];

/** A business calendar as an administrator saved it; `definition` is what `validateCalendar` accepted. */
@Entity({ name: 'business_calendar' })
export class BusinessCalendarEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  scope!: CalendarScope;

  @Column({ type: 'uuid', nullable: true })
  schoolId!: string | null;

  @Column({ type: 'jsonb' })
  definition!: BusinessCalendarInput;

  /** Bumped on every edit: replicas rebuild their cached calendar when it changes. */
  @Column({ type: 'integer' })
  version!: number;
}

/** The policy definition as stored: everything of `SlaPolicyInput` but its id and name (columns). */
export type SlaPolicyDefinition = Omit<SlaPolicyInput, 'id' | 'name'>;

@Entity({ name: 'sla_policy' })
export class SlaPolicyEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** Policies apply in ascending position; the last is the catch-all. */
  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'jsonb' })
  definition!: SlaPolicyDefinition;

  @Column({ type: 'boolean' })
  active!: boolean;
}

/** What the SLA service knows of a case, from the cases service's events. */
@Entity({ name: 'sla_case' })
export class SlaCaseEntity {
  @PrimaryColumn({ type: 'uuid' })
  caseId!: string;

  @Column({ type: 'text' })
  priority!: string;

  @Column({ type: 'uuid', nullable: true })
  topicId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  schoolId!: string | null;

  @Column({ type: 'text' })
  channel!: string;

  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'uuid', nullable: true })
  requesterId!: string | null;

  /** STUDENT, GUARDIAN, STAFF or COMMUNITY; null for anonymous and unknown requesters. */
  @Column({ type: 'text', nullable: true })
  requesterKind!: string | null;

  @Column({ type: 'uuid', nullable: true })
  policyId!: string | null;

  @Column({ type: 'timestamptz' })
  openedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lastInboundAt!: Date | null;

  /** The requester wrote last: a staff reply is owed. */
  @Column({ type: 'boolean' })
  awaitingReply!: boolean;

  @Column({ type: 'boolean' })
  merged!: boolean;

  /** The newest event applied to the facts; older ones leave them alone. */
  @Column({ type: 'timestamptz' })
  lastEventAt!: Date;
}

/** One `SlaTimer` of a case, column for column. */
@Entity({ name: 'sla_timer' })
export class SlaTimerEntity {
  @PrimaryColumn({ type: 'uuid' })
  caseId!: string;

  @PrimaryColumn({ type: 'text' })
  kind!: SlaTimerKind;

  @Column({ type: 'integer' })
  targetMinutes!: number;

  @Column({ type: 'text' })
  clock!: 'BUSINESS' | 'CALENDAR';

  @Column({ type: 'integer' })
  warnAtPercent!: number;

  @Column({ type: 'text' })
  status!: SlaTimerStatus;

  @Column({ type: 'timestamptz' })
  startedAt!: Date;

  @Column({ type: 'double precision' })
  consumedMinutes!: number;

  @Column({ type: 'timestamptz', nullable: true })
  runningSince!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  warnAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  warnedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  metAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  breachedAt!: Date | null;

  @Column({ type: 'timestamptz' })
  lastEventAt!: Date;

  @Column({ type: 'uuid' })
  policyId!: string;

  /** Null when no calendar was saved: the timer then runs on the always-open fallback. */
  @Column({ type: 'uuid', nullable: true })
  calendarId!: string | null;

  @Column({ type: 'integer' })
  version!: number;
}
