import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type { CaseStatus, Priority } from '@homeroom/cases/domain';
import { CaseStatusEnum, PriorityEnum } from './enums';

@InputType({ description: 'Who a case goes to: both replaced (null: no one).' })
export class BulkAssignmentInput {
  @Field(() => ID, { nullable: true })
  assigneeId?: string | null;

  @Field(() => ID, { nullable: true })
  teamId?: string | null;
}

@InputType({ description: 'What a bulk action changes on each case; what is left out stays.' })
export class BulkCaseChangeInput {
  @Field(() => BulkAssignmentInput, { nullable: true })
  assignment?: BulkAssignmentInput | null;

  @Field(() => CaseStatusEnum, { nullable: true })
  status?: CaseStatus | null;

  @Field(() => PriorityEnum, { nullable: true })
  priority?: Priority | null;

  @Field(() => ID, { nullable: true })
  topicId?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Tags added (normalized: "Bus 14" becomes "bus-14").',
  })
  addTags?: string[] | null;
}

@ObjectType({
  description:
    "What came of a bulk action for one case: done, or refused as the case's own mutation would be.",
})
export class BulkCaseResult {
  @Field(() => ID)
  caseId!: string;

  @Field()
  ok!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'The refusal’s extensions.code (NOT_FOUND, FORBIDDEN, CONFLICT…).',
  })
  code!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The refusal’s reason (INVALID_STATUS_TRANSITION, CHANGED_SINCE…).',
  })
  reason!: string | null;

  @Field(() => String, { nullable: true })
  message!: string | null;
}

@ObjectType({ description: 'A bulk action: a result per case, in the order given.' })
export class BulkCaseAction {
  @Field(() => ID, { description: 'What undoBulkCaseAction takes.' })
  id!: string;

  @Field(() => [BulkCaseResult])
  results!: BulkCaseResult[];

  @Field(() => Int)
  succeeded!: number;

  @Field(() => Int)
  failed!: number;

  @Field(() => Date, {
    nullable: true,
    description:
      'Until when its maker may undo it; null when it cannot be (nothing changed, a merge, an undo).',
  })
  undoableUntil!: Date | null;
}
