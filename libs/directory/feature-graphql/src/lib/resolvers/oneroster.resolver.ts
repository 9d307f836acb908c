import { Args, Field, InputType, Int, Mutation, ObjectType, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { Roles } from '@homeroom/platform/auth';
import { OutboxWriter } from '@homeroom/platform/messaging';
import { OneRosterImporter } from '@homeroom/directory/oneroster';
import { MaxLength } from '@homeroom/platform/graphql';

/** A file of the set, in characters: the directory's request body limit (25 MB, main.ts) bounds them all. */
const ONEROSTER_FILE_MAX_LENGTH = 25 * 1024 * 1024;

@InputType({
  description: 'A OneRoster CSV set, each file as UTF-8 text. Larger sets: npm run import:oneroster.',
})
export class OneRosterFilesInput {
  @Field()
  @MaxLength(ONEROSTER_FILE_MAX_LENGTH)
  manifest!: string;

  @Field(() => String, { nullable: true })
  @MaxLength(ONEROSTER_FILE_MAX_LENGTH)
  orgs?: string | null;

  @Field(() => String, { nullable: true })
  @MaxLength(ONEROSTER_FILE_MAX_LENGTH)
  users?: string | null;

  @Field(() => String, { nullable: true })
  @MaxLength(ONEROSTER_FILE_MAX_LENGTH)
  roles?: string | null;

  @Field(() => String, { nullable: true })
  @MaxLength(ONEROSTER_FILE_MAX_LENGTH)
  enrollments?: string | null;

  @Field(() => String, { nullable: true })
  @MaxLength(ONEROSTER_FILE_MAX_LENGTH)
  demographics?: string | null;
}

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

  @Field(() => Int)
  rejected!: number;
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
}

@ObjectType()
export class OneRosterImportReport {
  @Field()
  oneRosterVersion!: string;

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

@Resolver()
export class OneRosterResolver {
  private readonly importer: OneRosterImporter;

  constructor(dataSource: DataSource, outbox: OutboxWriter) {
    this.importer = new OneRosterImporter(dataSource, outbox);
  }

  @Roles('DISTRICT_ADMIN')
  @Mutation(() => OneRosterImportReport, {
    description:
      'Imports a OneRoster 1.1/1.2 CSV set; good rows go in, refused rows are reported. A bulk file with no rows is refused (EMPTY_BULK_FILE); a set that would deactivate more than a tenth of the active SIS people (and more than 25) or schools is refused with the figures (MASS_DEACTIVATION), changing nothing, unless allowMassDeactivation confirms it.',
  })
  importOneRoster(
    @Args('files') files: OneRosterFilesInput,
    @Args('allowMassDeactivation', { type: () => Boolean, nullable: true, defaultValue: false })
    allowMassDeactivation: boolean,
  ): Promise<OneRosterImportReport> {
    const buffers = Object.fromEntries(
      Object.entries(files)
        .filter(([, text]) => typeof text === 'string')
        .map(([name, text]) => [name, Buffer.from(text as string, 'utf8')]),
    );
    return this.importer.import(buffers, { allowMassDeactivation });
  }
}
