import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { RecipientKindEnum, RecipientRoleEnum } from './enums';

@ObjectType({ description: 'A district survey send planned for a set time.' })
export class ScheduledSurveySend {
  @Field(() => ID)
  id!: string;

  @Field(() => Date)
  sendAt!: Date;

  @Field(() => Date, { nullable: true })
  sentAt!: Date | null;

  @Field(() => Int, { nullable: true, description: 'People it invited, once sent.' })
  invited!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why it was refused when its time came (SURVEY_NOT_OPEN).',
  })
  failure!: string | null;

  @Field(() => [RecipientKindEnum])
  kinds!: string[];

  @Field(() => [ID])
  schoolIds!: string[];

  @Field(() => [String])
  languages!: string[];

  @Field(() => [RecipientRoleEnum])
  roles!: string[];
}
