import { Field, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@homeroom/platform/graphql';
import { Case, CaseMessage } from './case.type';

@ObjectType({ description: 'A vital reply held for a qualified translator, with its case.' })
export class HeldMessage {
  @Field(() => CaseMessage, {
    description:
      'The reply as held: its body (what the requester would receive), its review, and its original.',
  })
  message!: CaseMessage;

  @Field(() => Case)
  case!: Case;
}

export const HeldMessageConnection = ConnectionType(HeldMessage);
