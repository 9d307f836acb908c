import { Field, InputType } from '@nestjs/graphql';
import type { SchoolType } from '@homeroom/directory/domain';
import { SchoolTypeEnum } from '../types/enums';

@InputType()
export class PostalAddressInput {
  @Field()
  line1!: string;

  @Field(() => String, { nullable: true })
  line2?: string | null;

  @Field()
  city!: string;

  @Field()
  region!: string;

  @Field()
  postalCode!: string;

  @Field({ defaultValue: 'US' })
  country!: string;
}

@InputType()
export class CreateSchoolInput {
  @Field()
  name!: string;

  @Field()
  code!: string;

  @Field(() => SchoolTypeEnum)
  type!: SchoolType;

  @Field({ description: 'IANA time zone, e.g. America/Chicago.' })
  timeZone!: string;

  @Field(() => String, { nullable: true })
  ncesId?: string | null;

  @Field(() => String, { nullable: true })
  lowestGrade?: string | null;

  @Field(() => String, { nullable: true })
  highestGrade?: string | null;

  @Field(() => PostalAddressInput, { nullable: true })
  address?: PostalAddressInput | null;

  @Field(() => String, { nullable: true, description: 'Any common format; stored as E.164.' })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  principalId?: string | null;

  @Field(() => String, { nullable: true })
  sourcedId?: string | null;
}

@InputType()
export class UpdateSchoolInput {
  @Field(() => String, { nullable: true })
  name?: string;

  @Field(() => String, { nullable: true })
  code?: string;

  @Field(() => SchoolTypeEnum, { nullable: true })
  type?: SchoolType;

  @Field(() => String, { nullable: true })
  timeZone?: string;

  @Field(() => String, { nullable: true })
  ncesId?: string | null;

  @Field(() => String, { nullable: true })
  lowestGrade?: string | null;

  @Field(() => String, { nullable: true })
  highestGrade?: string | null;

  @Field(() => PostalAddressInput, { nullable: true })
  address?: PostalAddressInput | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  principalId?: string | null;
}
