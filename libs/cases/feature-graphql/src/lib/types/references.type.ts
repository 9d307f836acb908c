import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';

/** The directory's entities, referenced by id; the gateway fetches their fields from the directory. */
/** School is resolvable here too: this subgraph adds `School.caseMetrics`. */
@ObjectType('School')
@Directive('@key(fields: "id")')
export class SchoolReference {
  @Field(() => ID)
  id!: string;
}

@ObjectType('Team')
@Directive('@key(fields: "id", resolvable: false)')
export class TeamReference {
  @Field(() => ID)
  id!: string;
}

/** Person is resolvable here too: this subgraph adds `Person.cases`. */
@ObjectType('Person')
@Directive('@key(fields: "id")')
export class PersonReference {
  @Field(() => ID)
  id!: string;
}
