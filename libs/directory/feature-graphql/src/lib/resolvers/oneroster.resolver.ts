import { Args, Field, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { Roles } from '@homeroom/platform/auth';
import { OutboxWriter } from '@homeroom/platform/messaging';
import { OneRosterImporter } from '@homeroom/directory/oneroster';
import { MaxLength } from '@homeroom/platform/graphql';
import { OneRosterImportReport } from '../types/oneroster.types';

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

@Resolver()
export class OneRosterResolver {
  private readonly importer: OneRosterImporter;

  constructor(dataSource: DataSource, outbox: OutboxWriter) {
    this.importer = new OneRosterImporter(dataSource, outbox);
  }

  @Roles('DISTRICT_ADMIN')
  @Mutation(() => OneRosterImportReport, {
    description:
      'Imports a small OneRoster 1.0/1.1/1.2 CSV set within the request (large ones: startRosterImport); good rows go in, refused rows are reported. A bulk file with no rows is refused (EMPTY_BULK_FILE); a set that would deactivate more than a tenth of the active SIS people (and more than 25) or schools is refused with the figures (MASS_DEACTIVATION), changing nothing, unless allowMassDeactivation confirms it.',
  })
  importOneRoster(
    @Args('files') files: OneRosterFilesInput,
    @Args('allowMassDeactivation', { type: () => Boolean, nullable: true, defaultValue: false })
    allowMassDeactivation: boolean,
    @Args('dryRun', {
      type: () => Boolean,
      nullable: true,
      defaultValue: false,
      description: 'Report what the set would change, writing nothing.',
    })
    dryRun: boolean,
  ): Promise<OneRosterImportReport> {
    const buffers = Object.fromEntries(
      Object.entries(files)
        .filter(([, text]) => typeof text === 'string')
        .map(([name, text]) => [name, Buffer.from(text as string, 'utf8')]),
    );
    return this.importer.import(buffers, { allowMassDeactivation, dryRun });
  }
}
