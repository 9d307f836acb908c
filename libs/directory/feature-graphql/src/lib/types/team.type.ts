import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';
import { Person } from './person.type';

@ObjectType()
export class TeamMember {
  @Field(() => Person)
  person!: Person;

  @Field({ description: 'Whether routing may assign to this member now.' })
  available!: boolean;

  @Field(() => Date, { nullable: true })
  outOfOfficeUntil!: Date | null;
}

@ObjectType({ description: 'Staff who take cases together.' })
@Directive('@key(fields: "id")')
export class Team {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => ID, { nullable: true })
  schoolId!: string | null;

  @Field(() => ID, { nullable: true })
  departmentId!: string | null;

  @Field()
  active!: boolean;
}
