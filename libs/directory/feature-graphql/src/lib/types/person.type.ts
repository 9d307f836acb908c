import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';
import type { ContactChannel, PersonKind } from '@homeroom/directory/domain';
import { ConnectionType } from '@homeroom/platform/graphql';
import { ContactChannelEnum, PersonKindEnum, PhoneTypeEnum } from './enums';

@ObjectType()
export class EmailAddress {
  @Field()
  address!: string;

  @Field()
  primary!: boolean;
}

/** Also `textMessages`, the number's consent to texts (resolvers/phone-number.resolver.ts, batched). */
@ObjectType()
export class PhoneNumber {
  @Field({ description: 'E.164, e.g. +15125550142.' })
  number!: string;

  @Field()
  primary!: boolean;

  @Field(() => PhoneTypeEnum)
  type!: 'MOBILE' | 'HOME' | 'WORK' | 'OTHER';
}

@ObjectType({ description: 'A student, guardian, staff member or community member.' })
@Directive('@key(fields: "id")')
export class Person {
  @Field(() => ID)
  id!: string;

  @Field(() => PersonKindEnum)
  kind!: PersonKind;

  @Field()
  givenName!: string;

  @Field(() => String, { nullable: true })
  middleName!: string | null;

  @Field()
  familyName!: string;

  @Field(() => String, { nullable: true, description: 'The name they go by.' })
  preferredName!: string | null;

  @Field({ description: 'How to address them: preferred (or given) name and family name.' })
  displayName!: string;

  @Field(() => [EmailAddress])
  emails!: EmailAddress[];

  @Field(() => [PhoneNumber])
  phones!: PhoneNumber[];

  @Field({ description: 'BCP 47 language tag.' })
  preferredLanguage!: string;

  @Field(() => ContactChannelEnum, { nullable: true })
  preferredChannel!: ContactChannel | null;

  @Field(() => String, {
    nullable: true,
    description: 'The student information system id (OneRoster sourcedId).',
  })
  sourcedId!: string | null;

  @Field()
  active!: boolean;

  @Field(() => ID, { nullable: true, description: 'Set when this record was merged into another.' })
  mergedIntoId!: string | null;

  householdId!: string | null;
}

export const PersonConnection = ConnectionType(Person);
