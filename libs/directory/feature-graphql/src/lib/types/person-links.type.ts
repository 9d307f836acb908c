import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { MembershipRole, RelationshipType, StaffRole } from '@homeroom/directory/domain';
import { MembershipRoleEnum, RelationshipTypeEnum, StaffRoleEnum } from './enums';
import { Person } from './person.type';
import { PostalAddress, School } from './school.type';

@ObjectType()
export class SchoolMembership {
  @Field(() => School)
  school!: School;

  @Field(() => MembershipRoleEnum)
  role!: MembershipRole;

  @Field(() => String, { nullable: true })
  grade!: string | null;
}

@ObjectType({ description: "A guardian's link to a student, and what the district may do with it." })
export class GuardianLink {
  @Field(() => Person)
  guardian!: Person;

  @Field(() => Person)
  student!: Person;

  @Field(() => RelationshipTypeEnum)
  type!: RelationshipType;

  @Field()
  livesWith!: boolean;

  @Field({ description: 'False when a court order or the family keeps information from this guardian.' })
  mayReceiveInformation!: boolean;

  @Field()
  emergencyContact!: boolean;
}

@ObjectType()
export class StaffRoleGrant {
  @Field(() => StaffRoleEnum)
  role!: StaffRole;

  @Field(() => School, { nullable: true, description: 'Null for the whole district.' })
  school!: School | null;
}

@ObjectType()
export class Household {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => PostalAddress, { nullable: true })
  address!: PostalAddress | null;
}
