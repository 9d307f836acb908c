import { Directive, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { enumFrom } from '@homeroom/platform/graphql';
import { type AttainmentQuery, CALENDAR_SCOPES, type CalendarScope } from '@homeroom/slas/data-access';
import {
  CLOSURE_KINDS,
  SLA_CLOCKS,
  SLA_TIMER_KINDS,
  SLA_TIMER_STATUSES,
  type ClosureKind,
  type SlaTimerKind,
  type SlaTimerStatus,
} from '@homeroom/slas/domain';

type SlaClock = (typeof SLA_CLOCKS)[number];

export const SlaTimerKindEnum = enumFrom(SLA_TIMER_KINDS);
export const SlaTimerStatusEnum = enumFrom(SLA_TIMER_STATUSES);
export const SlaClockEnum = enumFrom(SLA_CLOCKS);
export const ClosureKindEnum = enumFrom(CLOSURE_KINDS);
export const CalendarScopeEnum = enumFrom(CALENDAR_SCOPES);
registerEnumType(SlaTimerKindEnum, { name: 'SlaTimerKind' });
registerEnumType(SlaTimerStatusEnum, { name: 'SlaTimerStatus' });
registerEnumType(SlaClockEnum, { name: 'SlaClock', description: 'BUSINESS counts open hours only.' });
registerEnumType(ClosureKindEnum, { name: 'ClosureKind' });
registerEnumType(CalendarScopeEnum, { name: 'CalendarScope' });

/** The directory's School; this subgraph adds `School.slaAttainment`. */
@ObjectType('School')
@Directive('@key(fields: "id")')
export class SchoolReference {
  @Field(() => ID)
  id!: string;
}

/** The cases subgraph's Case; this subgraph adds `Case.sla`. */
@ObjectType('Case')
@Directive('@key(fields: "id")')
export class CaseReference {
  @Field(() => ID)
  id!: string;
}

@ObjectType()
export class SlaConditions {
  @Field(() => [String])
  priorities!: string[];

  @Field(() => [ID])
  topicIds!: string[];

  @Field(() => [ID])
  schoolIds!: string[];

  @Field(() => [String])
  channels!: string[];

  @Field(() => [String])
  requesterKinds!: string[];
}

@ObjectType()
export class SlaTargets {
  @Field(() => Int, { nullable: true, description: 'Minutes on the policy clock.' })
  firstResponse?: number | null;

  @Field(() => Int, { nullable: true })
  nextResponse?: number | null;

  @Field(() => Int, { nullable: true })
  resolution?: number | null;
}

@ObjectType({ description: 'Which promise a case is held to; the first matching active policy applies.' })
export class SlaPolicy {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => Int)
  position!: number;

  @Field()
  active!: boolean;

  @Field(() => SlaConditions)
  conditions!: SlaConditions;

  @Field(() => SlaTargets)
  targets!: SlaTargets;

  @Field(() => SlaClockEnum)
  clock!: SlaClock;

  @Field(() => Int)
  warnAtPercent!: number;

  @Field(() => [String])
  pausedStatuses!: string[];
}

@ObjectType()
export class SlaTimer {
  @Field(() => SlaTimerKindEnum)
  kind!: SlaTimerKind;

  @Field(() => Int, { description: 'The target in minutes on the timer clock.' })
  target!: number;

  @Field(() => SlaClockEnum)
  clock!: SlaClock;

  @Field(() => SlaTimerStatusEnum)
  status!: SlaTimerStatus;

  @Field(() => Date, { nullable: true, description: 'Null while paused.' })
  dueAt!: Date | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Minutes left now on the timer clock (business minutes for BUSINESS policies); negative once overdue, null once answered.',
  })
  remainingBusinessMinutes!: number | null;

  @Field(() => Date, { nullable: true })
  breachedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  metAt!: Date | null;
}

@ObjectType({ description: "A case's SLA: its policy and timers (null when the policy sets none)." })
export class CaseSla {
  @Field(() => SlaPolicy, { nullable: true })
  policy!: SlaPolicy | null;

  @Field(() => SlaTimer, { nullable: true })
  firstResponse!: SlaTimer | null;

  @Field(() => SlaTimer, { nullable: true })
  nextResponse!: SlaTimer | null;

  @Field(() => SlaTimer, { nullable: true })
  resolution!: SlaTimer | null;
}

@ObjectType()
export class OpeningInterval {
  @Field(() => Int, { description: '0 = Sunday … 6 = Saturday.' })
  weekday!: number;

  @Field({ description: 'HH:MM, local time.' })
  opens!: string;

  @Field({ description: 'HH:MM (24:00 allowed), exclusive.' })
  closes!: string;
}

@ObjectType()
export class CalendarClosure {
  @Field()
  date!: string;

  @Field(() => String, { nullable: true })
  through?: string | null;

  @Field(() => String, { nullable: true })
  from?: string | null;

  @Field(() => String, { nullable: true })
  to?: string | null;

  @Field()
  reason!: string;

  @Field(() => ClosureKindEnum)
  kind!: ClosureKind;
}

@ObjectType()
export class BusinessCalendar {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => CalendarScopeEnum)
  scope!: CalendarScope;

  @Field(() => ID, { nullable: true })
  schoolId!: string | null;

  @Field()
  timeZone!: string;

  @Field(() => [OpeningInterval])
  openingHours!: OpeningInterval[];

  @Field(() => [CalendarClosure])
  closures!: CalendarClosure[];

  @Field(() => Int)
  version!: number;
}

@InputType()
export class SlaConditionsInput {
  @Field(() => [String], { nullable: true })
  priorities?: string[];

  @Field(() => [ID], { nullable: true })
  topicIds?: string[];

  @Field(() => [ID], { nullable: true })
  schoolIds?: string[];

  @Field(() => [String], { nullable: true })
  channels?: string[];

  @Field(() => [String], { nullable: true })
  requesterKinds?: string[];
}

@InputType()
export class SlaTargetsInput {
  @Field(() => Int, { nullable: true })
  firstResponse?: number;

  @Field(() => Int, { nullable: true })
  nextResponse?: number;

  @Field(() => Int, { nullable: true })
  resolution?: number;
}

@InputType()
export class SlaPolicyInput {
  @Field(() => ID, { nullable: true, description: 'Omitted to create a policy.' })
  id?: string;

  @Field()
  name!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Order of application; a new policy goes last by default.',
  })
  position?: number;

  @Field({ nullable: true })
  active?: boolean;

  @Field(() => SlaConditionsInput, { nullable: true })
  conditions?: SlaConditionsInput;

  @Field(() => SlaTargetsInput)
  targets!: SlaTargetsInput;

  @Field(() => SlaClockEnum, { nullable: true })
  clock?: SlaClock;

  @Field(() => Int, { nullable: true })
  warnAtPercent?: number;

  @Field(() => [String], { nullable: true })
  pausedStatuses?: string[];
}

@InputType()
export class OpeningIntervalInput {
  @Field(() => Int)
  weekday!: number;

  @Field()
  opens!: string;

  @Field()
  closes!: string;
}

@InputType()
export class ClosureInput {
  @Field()
  date!: string;

  @Field({ nullable: true })
  through?: string;

  @Field({ nullable: true })
  from?: string;

  @Field({ nullable: true })
  to?: string;

  @Field()
  reason!: string;

  @Field(() => ClosureKindEnum)
  kind!: ClosureKind;
}

@InputType()
export class BusinessCalendarInput {
  @Field(() => ID, { nullable: true, description: 'Omitted to create a calendar.' })
  id?: string;

  @Field()
  name!: string;

  @Field(() => CalendarScopeEnum)
  scope!: CalendarScope;

  @Field(() => ID, { nullable: true })
  schoolId?: string;

  @Field({ description: 'An IANA time zone, e.g. America/Chicago.' })
  timeZone!: string;

  @Field(() => [OpeningIntervalInput])
  openingHours!: OpeningIntervalInput[];

  @Field(() => [ClosureInput], { nullable: true })
  closures?: ClosureInput[];
}

@ObjectType()
export class SlaKindAttainment {
  @Field(() => SlaTimerKindEnum)
  kind!: SlaTimerKind;

  @Field(() => Int)
  total!: number;

  @Field(() => Int)
  met!: number;

  @Field(() => Int)
  breached!: number;

  @Field(() => Int, { description: 'Still running or paused.' })
  open!: number;

  @Field(() => Float, { nullable: true, description: 'met / (met + breached); null before any ended.' })
  metShare!: number | null;
}

/** The figures of SLA attainment, for the whole range or for one school of it. */
@ObjectType({ isAbstract: true })
export abstract class SlaAttainmentFigures {
  @Field(() => Int)
  cases!: number;

  @Field(() => [SlaKindAttainment])
  byKind!: SlaKindAttainment[];

  @Field(() => Int)
  breaches!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Median business minutes from opening to the first response, on each case calendar. Exact below an hour; above, within 2 % (read from 4 %-wide buckets).',
  })
  medianFirstResponseBusinessMinutes!: number | null;
}

@ObjectType({ description: 'How well the SLAs were kept on the cases opened in a range.' })
export class SlaAttainment extends SlaAttainmentFigures {
  /** What was asked, for `bySchool` to break down the same cases (not in the schema). */
  query!: AttainmentQuery;
}

@ObjectType({ description: "One school's part of an SLA attainment: the same figures over its cases." })
export class SchoolSlaAttainment extends SlaAttainmentFigures {
  @Field(() => ID, { nullable: true, description: 'Null: the cases of no school (the district office).' })
  schoolId!: string | null;

  @Field(() => SchoolReference, { nullable: true })
  school!: SchoolReference | null;
}

@ObjectType({
  description:
    "Whether the calendar a school's cases follow (its own, else the district's) is open now: the chat widget says so before a family writes.",
})
export class BusinessHoursNow {
  @Field()
  open!: boolean;

  @Field(() => Date, { nullable: true, description: 'When it next opens; null while open.' })
  opensAt!: Date | null;

  @Field({ description: "The calendar's IANA time zone, to show opensAt in the district's time." })
  timeZone!: string;
}
