import { Field, ID, InputType } from '@nestjs/graphql';
import {
  type ContactChannel,
  MAX_SEARCH_TERMS,
  type MembershipRole,
  type PersonKind,
  type RelationshipType,
  type StaffRole,
} from '@homeroom/directory/domain';
import { MaxLength } from '@homeroom/platform/graphql';
import { MAX_SEARCH_LENGTH } from '@homeroom/shared/text';
import {
  ContactChannelEnum,
  MembershipRoleEnum,
  PersonKindEnum,
  PhoneTypeEnum,
  RelationshipTypeEnum,
  StaffRoleEnum,
} from '../types/enums';

@InputType()
export class EmailAddressInput {
  @Field()
  address!: string;

  @Field({ defaultValue: false })
  primary!: boolean;
}

@InputType()
export class PhoneNumberInput {
  @Field({ description: 'Any common format; stored as E.164 (US numbers by default).' })
  number!: string;

  @Field({ defaultValue: false })
  primary!: boolean;

  @Field(() => PhoneTypeEnum, { defaultValue: 'MOBILE' })
  type!: 'MOBILE' | 'HOME' | 'WORK' | 'OTHER';
}

@InputType()
export class SchoolMembershipInput {
  @Field(() => ID)
  schoolId!: string;

  @Field(() => MembershipRoleEnum)
  role!: MembershipRole;

  @Field(() => String, { nullable: true })
  grade?: string | null;
}

@InputType()
export class CreatePersonInput {
  @Field(() => PersonKindEnum)
  kind!: PersonKind;

  @Field()
  givenName!: string;

  @Field(() => String, { nullable: true })
  middleName?: string | null;

  @Field()
  familyName!: string;

  @Field(() => String, { nullable: true })
  preferredName?: string | null;

  @Field(() => [EmailAddressInput], { defaultValue: [] })
  emails!: EmailAddressInput[];

  @Field(() => [PhoneNumberInput], { defaultValue: [] })
  phones!: PhoneNumberInput[];

  @Field({ defaultValue: 'en', description: 'BCP 47 language tag.' })
  preferredLanguage!: string;

  @Field(() => ContactChannelEnum, { nullable: true })
  preferredChannel?: ContactChannel | null;

  @Field(() => String, { nullable: true })
  sourcedId?: string | null;

  @Field(() => [SchoolMembershipInput], { defaultValue: [] })
  memberships!: SchoolMembershipInput[];
}

@InputType()
export class UpdatePersonInput {
  @Field(() => String, { nullable: true })
  givenName?: string;

  @Field(() => String, { nullable: true })
  middleName?: string | null;

  @Field(() => String, { nullable: true })
  familyName?: string;

  @Field(() => String, { nullable: true })
  preferredName?: string | null;

  @Field(() => [EmailAddressInput], { nullable: true })
  emails?: EmailAddressInput[];

  @Field(() => [PhoneNumberInput], { nullable: true })
  phones?: PhoneNumberInput[];

  @Field(() => String, { nullable: true })
  preferredLanguage?: string;

  @Field(() => ContactChannelEnum, { nullable: true })
  preferredChannel?: ContactChannel | null;

  @Field(() => [SchoolMembershipInput], {
    nullable: true,
    description: 'Replaces all memberships when given.',
  })
  memberships?: SchoolMembershipInput[];
}

@InputType()
export class PeopleFilter {
  @Field(() => String, {
    nullable: true,
    description: `Words to find in names, emails and phone numbers (case and accents ignored): at most ${MAX_SEARCH_LENGTH} characters and ${MAX_SEARCH_TERMS} words; a word of one or two letters matches the start of a word.`,
  })
  @MaxLength(MAX_SEARCH_LENGTH)
  search?: string | null;

  @Field(() => PersonKindEnum, { nullable: true })
  kind?: PersonKind | null;

  @Field(() => ID, { nullable: true })
  schoolId?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  includeInactive?: boolean | null;
}

@InputType()
export class LinkGuardianInput {
  @Field(() => ID)
  guardianId!: string;

  @Field(() => ID)
  studentId!: string;

  @Field(() => RelationshipTypeEnum, { defaultValue: 'PARENT' })
  type!: RelationshipType;

  @Field({ defaultValue: true })
  livesWith!: boolean;

  @Field({ defaultValue: true })
  mayReceiveInformation!: boolean;

  @Field({ defaultValue: false })
  emergencyContact!: boolean;
}

@InputType()
export class StaffRoleInput {
  @Field(() => StaffRoleEnum)
  role!: StaffRole;

  @Field(() => ID, { nullable: true, description: 'Omit for the whole district.' })
  schoolId?: string | null;
}

@InputType()
export class TeamMemberInput {
  @Field(() => ID)
  personId!: string;

  @Field({ defaultValue: true })
  available!: boolean;

  @Field(() => Date, { nullable: true })
  outOfOfficeUntil?: Date | null;
}

@InputType()
export class CreateTeamInput {
  @Field()
  name!: string;

  @Field(() => ID, { nullable: true })
  schoolId?: string | null;

  @Field(() => ID, { nullable: true })
  departmentId?: string | null;

  @Field(() => [TeamMemberInput], { defaultValue: [] })
  members!: TeamMemberInput[];
}

@InputType({ description: "A team's changes: omitted fields stay as they are." })
export class UpdateTeamInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => ID, { nullable: true, description: 'Null: a district team.' })
  schoolId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "The district's department or one of the team's school's; null for none.",
  })
  departmentId?: string | null;
}

@InputType()
export class DistrictInput {
  @Field()
  name!: string;

  @Field()
  timeZone!: string;

  @Field(() => [String])
  languages!: string[];
}
