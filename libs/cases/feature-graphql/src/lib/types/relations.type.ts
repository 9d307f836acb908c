import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LINK_KINDS, type LinkKind } from '@homeroom/cases/domain';
import { enumFrom } from '@homeroom/platform/graphql';

export const LinkKindEnum = enumFrom(LINK_KINDS);
registerEnumType(LinkKindEnum, {
  name: 'CaseLinkKind',
  description: 'FOLLOW_UP: continues the other case; DUPLICATE_OF: the other case leads; RELATED: see also.',
});

export const LinkDirectionEnum = enumFrom(['OUTGOING', 'INCOMING'] as const);
registerEnumType(LinkDirectionEnum, {
  name: 'CaseLinkDirection',
  description: 'OUTGOING: this case → the other ("this is a duplicate of"); INCOMING: the other → this case.',
});

@ObjectType({ description: 'How this case relates to another.' })
export class CaseLink {
  @Field(() => LinkKindEnum)
  kind!: LinkKind;

  @Field(() => LinkDirectionEnum)
  direction!: 'OUTGOING' | 'INCOMING';

  @Field(() => ID, { description: 'The other case (it may be one you cannot open).' })
  caseId!: string;

  @Field()
  createdAt!: Date;
}

@ObjectType({ description: 'A critical-alert category: words in a new case that alert a team at once.' })
export class AlertCategory {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => [String], { description: 'As matched: lower case, accents and punctuation removed.' })
  keywords!: string[];

  @Field(() => ID, { nullable: true, description: "Alerted team; without one, the school's administrators." })
  teamId!: string | null;

  @Field()
  active!: boolean;
}

@InputType()
export class AlertCategoryInput {
  @Field()
  name!: string;

  @Field(() => [String], { description: 'Words or phrases, matched whole.' })
  keywords!: string[];

  @Field(() => ID, { nullable: true })
  teamId?: string | null;

  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;
}
