import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  AUTOMATION_ACTION_KINDS,
  type CaseStatus,
  MAX_MESSAGE_LENGTH,
  type Priority,
  SLA_CONDITION_STATES,
  SLA_TIMER_KINDS,
  type SlaConditionState,
  type SlaTimerKind,
} from '@homeroom/cases/domain';
import { enumFrom, MaxLength } from '@homeroom/platform/graphql';
import { CaseStatusEnum, PriorityEnum } from './enums';

export const AutomationActionKindEnum = enumFrom(AUTOMATION_ACTION_KINDS);
registerEnumType(AutomationActionKindEnum, {
  name: 'AutomationActionKind',
  description:
    'REMIND_REQUESTER (a reply: message), RESOLVE (with an optional message), SET_PRIORITY (priority), ASSIGN_TEAM (teamId), ADD_TAG (tag).',
});

type ActionKind = (typeof AUTOMATION_ACTION_KINDS)[number];

export const SlaConditionStateEnum = enumFrom(SLA_CONDITION_STATES);
registerEnumType(SlaConditionStateEnum, {
  name: 'SlaConditionState',
  description:
    'BREACHED: the SLA service saw a timer pass its deadline unmet. DUE_WITHIN: a timer it warned of, not breached, due within withinHours (overdue ones included).',
});

export const SlaTimerKindEnum = enumFrom(SLA_TIMER_KINDS);
registerEnumType(SlaTimerKindEnum, { name: 'SlaTimerKind' });

@ObjectType({
  description:
    "A rule's condition on the case's SLA timers not met yet, as the SLA service's warnings and breaches told the cases service.",
})
export class AutomationSlaCondition {
  @Field(() => SlaConditionStateEnum)
  state!: SlaConditionState;

  @Field(() => [SlaTimerKindEnum], { nullable: true, description: 'Which timers count; null: any.' })
  timerKinds!: SlaTimerKind[] | null;

  @Field(() => Int, { nullable: true, description: 'DUE_WITHIN: hours from now, 1 to 168.' })
  withinHours!: number | null;
}

@InputType()
export class AutomationSlaConditionInput {
  @Field(() => SlaConditionStateEnum)
  state!: SlaConditionState;

  @Field(() => [SlaTimerKindEnum], { nullable: true })
  timerKinds?: SlaTimerKind[] | null;

  @Field(() => Int, { nullable: true })
  withinHours?: number | null;
}

@ObjectType({ description: 'Which open cases a rule acts on.' })
export class AutomationConditions {
  @Field(() => [CaseStatusEnum])
  statuses!: CaseStatus[];

  @Field(() => Int, {
    description: 'Business days (Monday to Friday, district time) since the case last changed.',
  })
  idleBusinessDays!: number;

  @Field(() => [PriorityEnum], { nullable: true })
  priorities!: Priority[] | null;

  @Field(() => [ID], { nullable: true })
  schoolIds!: string[] | null;

  @Field(() => [ID], { nullable: true })
  topicIds!: string[] | null;

  @Field(() => AutomationSlaCondition, { nullable: true })
  sla!: AutomationSlaCondition | null;
}

@ObjectType()
export class AutomationAction {
  @Field(() => AutomationActionKindEnum)
  kind!: ActionKind;

  @Field(() => String, { nullable: true })
  message!: string | null;

  @Field(() => PriorityEnum, { nullable: true })
  priority!: Priority | null;

  @Field(() => ID, { nullable: true })
  teamId!: string | null;

  @Field(() => String, { nullable: true })
  tag!: string | null;
}

@ObjectType({ description: 'A time-based automation: what it acts on, what it does, how often it has.' })
export class AutomationRule {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  active!: boolean;

  @Field(() => AutomationConditions)
  conditions!: AutomationConditions;

  @Field(() => [AutomationAction])
  actions!: AutomationAction[];

  @Field(() => Int, { description: 'Cases it has acted on.' })
  appliedCount!: number;

  @Field(() => Date, { nullable: true })
  lastAppliedAt!: Date | null;

  @Field()
  updatedAt!: Date;
}

@ObjectType()
export class AutomationPreviewCase {
  @Field(() => ID)
  id!: string;

  @Field()
  number!: string;

  @Field()
  subject!: string;
}

@ObjectType({ description: 'The dry run: the cases a rule would act on if the sweep ran now.' })
export class AutomationPreview {
  @Field(() => Int)
  count!: number;

  @Field(() => [AutomationPreviewCase], { description: 'The quietest 20.' })
  cases!: AutomationPreviewCase[];
}

@InputType()
export class AutomationConditionsInput {
  @Field(() => [CaseStatusEnum])
  statuses!: CaseStatus[];

  @Field(() => Int)
  idleBusinessDays!: number;

  @Field(() => [PriorityEnum], { nullable: true })
  priorities?: Priority[] | null;

  @Field(() => [ID], { nullable: true })
  schoolIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  topicIds?: string[] | null;

  @Field(() => AutomationSlaConditionInput, {
    nullable: true,
    description: 'Refused when incomplete (BAD_USER_INPUT, INVALID_SLA_CONDITION).',
  })
  sla?: AutomationSlaConditionInput | null;
}

@InputType()
export class AutomationActionInput {
  @Field(() => AutomationActionKindEnum)
  kind!: ActionKind;

  @Field(() => String, { nullable: true })
  @MaxLength(2 * MAX_MESSAGE_LENGTH)
  message?: string | null;

  @Field(() => PriorityEnum, { nullable: true })
  priority?: Priority | null;

  @Field(() => ID, { nullable: true })
  teamId?: string | null;

  @Field(() => String, { nullable: true })
  tag?: string | null;
}

@InputType()
export class AutomationRuleInput {
  @Field()
  name!: string;

  @Field(() => Boolean, { nullable: true, defaultValue: true })
  active?: boolean | null;

  @Field(() => AutomationConditionsInput)
  conditions!: AutomationConditionsInput;

  @Field(() => [AutomationActionInput])
  actions!: AutomationActionInput[];
}
