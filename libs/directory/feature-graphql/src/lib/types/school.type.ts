import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';
import type { SchoolType } from '@homeroom/directory/domain';
import { ConnectionType } from '@homeroom/platform/graphql';
import { SchoolTypeEnum } from './enums';

@ObjectType()
export class PostalAddress {
  @Field()
  line1!: string;

  @Field(() => String, { nullable: true })
  line2?: string | null;

  @Field()
  city!: string;

  @Field({ description: 'State or region code, e.g. TX.' })
  region!: string;

  @Field()
  postalCode!: string;

  @Field({ description: 'ISO 3166-1 alpha-2.' })
  country!: string;
}

@ObjectType({ description: 'A school of the district.' })
@Directive('@key(fields: "id")')
export class School {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field({ description: "The district's short code for the school." })
  code!: string;

  @Field(() => String, { nullable: true, description: 'Federal NCES school id.' })
  ncesId!: string | null;

  @Field(() => SchoolTypeEnum)
  type!: SchoolType;

  @Field(() => String, { nullable: true, description: 'Lowest grade served (PK, KG, 01 … 12).' })
  lowestGrade!: string | null;

  @Field(() => String, { nullable: true })
  highestGrade!: string | null;

  @Field(() => PostalAddress, { nullable: true })
  address!: PostalAddress | null;

  @Field(() => String, { nullable: true, description: 'E.164.' })
  phone!: string | null;

  @Field({ description: 'IANA time zone.' })
  timeZone!: string;

  @Field()
  active!: boolean;

  /** Resolved by a field resolver; not part of the object as mapped. */
  principalId!: string | null;
}

export const SchoolConnection = ConnectionType(School);
