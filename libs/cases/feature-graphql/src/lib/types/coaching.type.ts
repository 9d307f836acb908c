import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MaxLength } from '@homeroom/platform/graphql';

@ObjectType({ description: "One of the district's service standards a review scores." })
export class RubricCriterion {
  @Field({ description: 'A short stable key (answered).' })
  id!: string;

  @Field()
  name!: string;

  @Field()
  description!: string;
}

@ObjectType()
export class CriterionScore {
  @Field()
  criterionId!: string;

  @Field(() => Int, { description: '1 (not yet) to 4 (exemplary).' })
  score!: number;
}

@ObjectType({ description: "A supervisor's review of a resolved case, against the rubric as it was then." })
export class CaseReview {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  caseId!: string;

  @Field()
  caseNumber!: string;

  @Field(() => ID, { description: 'The agent reviewed: who handled the case.' })
  agentId!: string;

  @Field(() => ID, { nullable: true })
  schoolId!: string | null;

  @Field({ description: 'The supervisor.' })
  reviewerId!: string;

  @Field(() => [RubricCriterion])
  criteria!: RubricCriterion[];

  @Field(() => [CriterionScore])
  scores!: CriterionScore[];

  @Field(() => Float)
  average!: number;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field()
  createdAt!: Date;
}

@ObjectType()
export class ReviewSampleCase {
  @Field(() => ID)
  id!: string;

  @Field()
  number!: string;
}

@ObjectType()
export class CriterionAverage {
  @Field()
  criterionId!: string;

  @Field(() => Float)
  average!: number;
}

@ObjectType({ description: "One agent's or school's reviews in one month." })
export class CoachingTrend {
  @Field(() => ID, { nullable: true, description: 'The agent, or the school (null: the district office).' })
  key!: string | null;

  @Field({ description: 'YYYY-MM, in the district time zone.' })
  month!: string;

  @Field(() => Int)
  reviews!: number;

  @Field(() => Float)
  average!: number;

  @Field(() => [CriterionAverage])
  byCriterion!: CriterionAverage[];
}

export enum CoachingGrouping {
  AGENT = 'AGENT',
  SCHOOL = 'SCHOOL',
}
registerEnumType(CoachingGrouping, { name: 'CoachingGrouping' });

@InputType()
export class RubricCriterionInput {
  @Field()
  @MaxLength(40)
  id!: string;

  @Field()
  @MaxLength(80)
  name!: string;

  @Field({ defaultValue: '' })
  @MaxLength(500)
  description!: string;
}

@InputType()
export class CriterionScoreInput {
  @Field()
  @MaxLength(40)
  criterionId!: string;

  @Field(() => Int)
  score!: number;
}
