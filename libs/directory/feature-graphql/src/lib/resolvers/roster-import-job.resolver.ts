import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Roles, type Principal } from '@homeroom/platform/auth';
import { ArgsMaxLength } from '@homeroom/platform/graphql';
import { InvalidInputException } from '@homeroom/shared/errors';
import { RosterImportJobs, UPLOAD_PART_MAX_BYTES } from '@homeroom/directory/oneroster';
import { RosterImportJob } from '../types/roster-import-job.type';

/** Base64 of a part: four characters per three bytes. */
const PART_MAX_LENGTH = Math.ceil(UPLOAD_PART_MAX_BYTES / 3) * 4;

const subjectOf = (principal: Principal) => ('subject' in principal ? principal.subject : null);

/**
 * OneRoster imports of any size: start a job, send each file in parts (base64, up to 8 MB each), submit it
 * for a dry run, read the preview, confirm; the job runs in the background and reports its progress.
 * District administrators only, like the import itself.
 */
@Resolver(() => RosterImportJob)
export class RosterImportJobResolver {
  constructor(private readonly jobs: RosterImportJobs) {}

  @Roles('DISTRICT_ADMIN')
  @Query(() => RosterImportJob, { description: 'One import or sync job, with its progress and reports.' })
  rosterImportJob(@Args('id', { type: () => ID }) id: string): Promise<RosterImportJob> {
    return this.jobs.get(id);
  }

  @Roles('DISTRICT_ADMIN')
  @Query(() => [RosterImportJob], { description: 'The latest import and sync jobs, newest first.' })
  rosterImportJobs(
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
  ): Promise<RosterImportJob[]> {
    if (first < 1 || first > 100)
      throw new InvalidInputException('first must be from 1 to 100', [
        { path: 'first', message: 'out of range' },
      ]);
    return this.jobs.list(first);
  }

  @Roles('DISTRICT_ADMIN')
  @Mutation(() => RosterImportJob, {
    description: 'Starts an upload: then addRosterImportFilePart, then submitRosterImport.',
  })
  startRosterImport(@CurrentPrincipal() principal: Principal): Promise<RosterImportJob> {
    return this.jobs.startUpload(subjectOf(principal));
  }

  @Roles('DISTRICT_ADMIN')
  @Mutation(() => RosterImportJob, {
    description:
      'One part of one file (manifest, orgs, users, roles, enrollments, demographics), base64, parts numbered from 0; a part sent again replaces it.',
  })
  @ArgsMaxLength({ base64: PART_MAX_LENGTH })
  addRosterImportFilePart(
    @Args('jobId', { type: () => ID }) jobId: string,
    @Args('name') name: string,
    @Args('part', { type: () => Int }) part: number,
    @Args('base64') base64: string,
  ): Promise<RosterImportJob> {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 !== 0)
      throw new InvalidInputException('base64 is not base64', [{ path: 'base64', message: 'not base64' }]);
    return this.jobs.addFilePart(jobId, name, part, Buffer.from(base64, 'base64'));
  }

  @Roles('DISTRICT_ADMIN')
  @Mutation(() => RosterImportJob, { description: 'The upload is complete: run the dry run.' })
  submitRosterImport(@Args('jobId', { type: () => ID }) jobId: string): Promise<RosterImportJob> {
    return this.jobs.submit(jobId);
  }

  @Roles('DISTRICT_ADMIN')
  @Mutation(() => RosterImportJob, {
    description:
      'Applies what the dry run showed. A preview with massDeactivation needs allowMassDeactivation (MASS_DEACTIVATION otherwise).',
  })
  confirmRosterImport(
    @Args('jobId', { type: () => ID }) jobId: string,
    @Args('allowMassDeactivation', { type: () => Boolean, nullable: true, defaultValue: false })
    allowMassDeactivation: boolean,
  ): Promise<RosterImportJob> {
    return this.jobs.confirm(jobId, allowMassDeactivation);
  }

  @Roles('DISTRICT_ADMIN')
  @Mutation(() => RosterImportJob, {
    description: 'Drops an upload, or a preview not confirmed; its files are deleted.',
  })
  cancelRosterImport(@Args('jobId', { type: () => ID }) jobId: string): Promise<RosterImportJob> {
    return this.jobs.cancel(jobId);
  }

  @Roles('DISTRICT_ADMIN')
  @Mutation(() => RosterImportJob, {
    description:
      "Reads the SIS's OneRoster REST API now (a delta since the last sync, everything the first time). dryRun: stop at the preview. FEATURE_DISABLED when no SIS is configured.",
  })
  startRosterSync(
    @CurrentPrincipal() principal: Principal,
    @Args('dryRun', { type: () => Boolean, nullable: true, defaultValue: true }) dryRun: boolean,
  ): Promise<RosterImportJob> {
    return this.jobs.startSync(subjectOf(principal), { dryRun });
  }
}
