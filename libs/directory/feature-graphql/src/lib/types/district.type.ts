import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@homeroom/platform/graphql';

@ObjectType({ description: 'The district this deployment serves.' })
export class District {
  @Field()
  name!: string;

  @Field({ description: 'IANA time zone.' })
  timeZone!: string;

  @Field(() => [String], {
    description: 'BCP 47 tags of the languages the district serves, the default first.',
  })
  languages!: string[];
}

@ObjectType({ description: "A read of a student's or guardian's record (FERPA access log)." })
export class AuditEntry {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Either user (staff) or client (an API client).' })
  actorKind!: string;

  @Field({ description: 'The staff member or API client that read the record.' })
  actorId!: string;

  @Field(() => ID)
  personId!: string;

  @Field({ description: 'The API operation that read it.' })
  operation!: string;

  @Field()
  at!: Date;
}

export const AuditEntryConnection = ConnectionType(AuditEntry);
