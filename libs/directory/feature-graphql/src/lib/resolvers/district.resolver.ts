import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuditLogService, DistrictService } from '@homeroom/directory/data-access';
import { Public, Roles } from '@homeroom/platform/auth';
import { decodeCursor, PageArgs, pageSize, toConnection } from '@homeroom/platform/graphql';
import { DistrictInput } from '../inputs/person.input';
import { toAuditEntry } from '../mappers';
import { AuditEntryConnection, District } from '../types/district.type';

@Resolver(() => District)
export class DistrictResolver {
  constructor(
    private readonly districts: DistrictService,
    private readonly audit: AuditLogService,
  ) {}

  /** Public: the family pages show the district's name and offer its languages. */
  @Public()
  @Query(() => District, { nullable: true })
  async district(): Promise<District | null> {
    const district = await this.districts.get();
    return district
      ? { name: district.name, timeZone: district.timeZone, languages: district.languages }
      : null;
  }

  @Roles('DISTRICT_ADMIN')
  @Mutation(() => District)
  async updateDistrict(@Args('input') input: DistrictInput): Promise<District> {
    const district = await this.districts.save(input);
    return { name: district.name, timeZone: district.timeZone, languages: district.languages };
  }

  @Roles('DISTRICT_ADMIN')
  @Query(() => AuditEntryConnection, {
    description: "Who read which student's or guardian's record, newest first.",
  })
  async auditLog(
    @Args('personId', { type: () => ID, nullable: true }) personId: string | null,
    @Args('actorId', { type: () => String, nullable: true }) actorId: string | null,
    @Args() { first, after }: PageArgs,
  ) {
    const size = pageSize(first);
    const { rows, total } = await this.audit.page(
      { personId, actorId },
      { limit: size, after: after ? decodeCursor(after, 1) : undefined },
    );
    return toConnection(rows, size, total, (entry) => [entry.id], toAuditEntry);
  }
}
