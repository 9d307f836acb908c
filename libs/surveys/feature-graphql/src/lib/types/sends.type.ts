import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class SendSurveyPayload {
  @Field(() => Int, { description: 'People invited now, each with a personal one-time link.' })
  invited!: number;

  @Field(() => Int, { description: 'People in the audience invited before (not invited again).' })
  alreadyInvited!: number;

  @Field(() => Date, {
    nullable: true,
    description: 'A send planned for later: when it will go (counts are then 0).',
  })
  scheduledFor!: Date | null;
}
