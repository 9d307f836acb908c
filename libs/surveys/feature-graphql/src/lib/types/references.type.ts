import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';

/** The directory's School; this subgraph adds `School.satisfaction`. */
@ObjectType('School')
@Directive('@key(fields: "id")')
export class SchoolReference {
  @Field(() => ID)
  id!: string;
}

/** The cases subgraph's Case; this subgraph adds `Case.satisfaction`. */
@ObjectType('Case')
@Directive('@key(fields: "id")')
export class CaseReference {
  @Field(() => ID)
  id!: string;
}
