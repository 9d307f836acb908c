import { Args, ID, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { AttainmentService, type SlaAttainmentReport } from '@homeroom/slas/data-access';
import {
  canSeeSchoolFigures,
  CurrentPrincipal,
  Scopes,
  type Principal,
  Allow,
} from '@homeroom/platform/auth';
import { DateRangeInput } from '@homeroom/platform/graphql';
import { ForbiddenException } from '@homeroom/shared/errors';
import { SLA_SCOPES, ATTAINMENT_READ } from '../access';
import { SchoolReference, SchoolSlaAttainment, SlaAttainment } from '../types';

function assertMaySee(principal: Principal, schoolId: string | null): void {
  if (!canSeeSchoolFigures(principal, schoolId))
    throw new ForbiddenException('You may see the SLA figures of your own schools only');
}

@Resolver()
export class SlaAttainmentResolver {
  constructor(private readonly attainment: AttainmentService) {}

  @Allow(ATTAINMENT_READ)
  @Query(() => SlaAttainment, {
    description:
      'Share of SLA timers met, breaches and the median first response, over cases opened in the range.',
  })
  async slaAttainment(
    @Args('range') range: DateRangeInput,
    @Args('schoolId', { type: () => ID, nullable: true }) schoolId: string | null,
    @Args('topicId', { type: () => ID, nullable: true }) topicId: string | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SlaAttainment> {
    assertMaySee(principal, schoolId);
    const query = { from: range.from, to: range.to, schoolId, topicId };
    return { ...(await this.attainment.attainment(query)), query };
  }
}

/** The attainment by school, over the same cases; the root field's own check already let the caller see them. */
@Resolver(() => SlaAttainment)
export class SlaAttainmentBySchoolResolver {
  constructor(private readonly attainment: AttainmentService) {}

  @ResolveField(() => [SchoolSlaAttainment], {
    description:
      'The same figures for each school with cases in the range (and the district office, school null), in one aggregate: a dashboard comparing every school asks this once.',
  })
  async bySchool(@Parent() parent: SlaAttainment): Promise<SchoolSlaAttainment[]> {
    const reports = await this.attainment.attainmentBySchool(parent.query);
    return reports.map(({ schoolId, report }) => ({
      ...report,
      schoolId,
      school: schoolId ? { id: schoolId } : null,
    }));
  }
}

/** `School.slaAttainment`: the directory owns School; this subgraph adds how well its promises were kept. */
@Resolver(() => SchoolReference)
export class SchoolSlaAttainmentResolver {
  constructor(private readonly attainment: AttainmentService) {}

  @Scopes(SLA_SCOPES.read)
  @ResolveReference()
  resolveReference(reference: { id: string }): SchoolReference {
    return { id: reference.id };
  }

  @Allow(ATTAINMENT_READ)
  @ResolveField(() => SlaAttainment, {
    description: "SLA attainment over this school's cases opened in the range.",
  })
  slaAttainment(
    @Parent() school: SchoolReference,
    @Args('range') range: DateRangeInput,
    @Args('topicId', { type: () => ID, nullable: true }) topicId: string | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SlaAttainmentReport> {
    assertMaySee(principal, school.id);
    return this.attainment.attainment({ from: range.from, to: range.to, schoolId: school.id, topicId });
  }
}
