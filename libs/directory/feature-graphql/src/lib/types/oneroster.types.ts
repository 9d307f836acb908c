import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class OneRosterFileSummary {
  @Field()
  file!: string;

  @Field()
  mode!: string;

  @Field(() => Int)
  rows!: number;

  @Field(() => Int)
  created!: number;

  @Field(() => Int)
  updated!: number;

  @Field(() => Int)
  unchanged!: number;

  @Field(() => Int)
  deactivated!: number;

  @Field(() => Int, { description: 'Rows refused for a problem of their own.' })
  rejected!: number;

  @Field(() => Int, {
    description: 'Rows set aside because the row they depend on (their user) was refused.',
  })
  skipped!: number;

  @Field(() => Int, { description: 'Links of accepted rows not made (a guardian named who is not there).' })
  linksRefused!: number;
}

@ObjectType({ description: 'A row the import refused: fix it in the SIS and import again.' })
export class OneRosterRejectedRow {
  @Field()
  file!: string;

  @Field(() => Int)
  line!: number;

  @Field(() => String, { nullable: true })
  sourcedId!: string | null;

  @Field(() => String, { nullable: true })
  field!: string | null;

  @Field()
  reason!: string;

  @Field()
  message!: string;

  @Field(() => String, {
    nullable: true,
    description: 'For a row set aside or a link not made: the row that caused it (users.csv line 7).',
  })
  causedBy?: string | null;
}

@ObjectType({
  description: 'What a set changes, by kind and by school: the preview an administrator confirms.',
})
export class OneRosterChangeCount {
  @Field({ description: 'CREATED, UPDATED or DEACTIVATED' })
  action!: string;

  @Field({ description: 'SCHOOL, STUDENT, GUARDIAN, STAFF or COMMUNITY' })
  kind!: string;

  @Field(() => ID, { nullable: true })
  schoolId!: string | null;

  @Field(() => String, { nullable: true })
  schoolName!: string | null;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'A share of active SIS records the set deactivates beyond the safeguard.' })
export class OneRosterDeactivationAlarm {
  @Field({ description: 'people or schools' })
  what!: string;

  @Field(() => Int)
  deactivated!: number;

  @Field(() => Int)
  active!: number;
}

@ObjectType()
export class OneRosterImportReport {
  @Field()
  oneRosterVersion!: string;

  @Field({ description: 'True when nothing was written: the report says what the set would change.' })
  dryRun!: boolean;

  @Field(() => [OneRosterChangeCount])
  changes!: OneRosterChangeCount[];

  @Field(() => [OneRosterDeactivationAlarm], {
    description: 'Non-empty: applying the set needs allowMassDeactivation.',
  })
  massDeactivation!: OneRosterDeactivationAlarm[];

  @Field(() => [OneRosterFileSummary])
  files!: OneRosterFileSummary[];

  @Field(() => [OneRosterRejectedRow])
  rejected!: OneRosterRejectedRow[];

  @Field(() => [OneRosterRejectedRow], {
    description:
      'Rows taken without a value that could not be used (a phone number that is free text, an email address that is not one): the person is in, without it.',
  })
  warnings!: OneRosterRejectedRow[];

  @Field()
  seconds!: number;
}
