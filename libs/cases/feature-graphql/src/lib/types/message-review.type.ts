import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { ReviewStatus, VitalCategory } from '@homeroom/cases/domain';
import { ReviewStatusEnum, VitalCategoryEnum } from './enums';

@ObjectType({
  description:
    'The review of a vital reply by a qualified translator (ADR 32): held until approved, or returned to its author.',
})
export class MessageReview {
  @Field(() => ReviewStatusEnum)
  status!: ReviewStatus;

  @Field(() => VitalCategoryEnum)
  category!: VitalCategory;

  @Field({ description: 'The language it is written in (the requester’s), BCP 47.' })
  language!: string;

  @Field(() => ID, { nullable: true, description: 'The staff member who wrote it.' })
  authorId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The translator who approved or returned it.' })
  reviewedBy!: string | null;

  @Field(() => Date, { nullable: true })
  reviewedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was returned.' })
  reason!: string | null;
}
