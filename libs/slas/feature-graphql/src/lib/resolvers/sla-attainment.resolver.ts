import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { AttainmentService } from '@homeroom/slas/data-access';
import { canSeeSchool, CurrentPrincipal, Roles, Scopes, type Principal } from '@homeroom/platform/auth';
import { ForbiddenException } from '@homeroom/shared/errors';
import { SLA_SCOPES } from '../access';
import { SlaAttainment } from '../types';
import { DateRangeInput } from '@homeroom/platform/graphql';

@Resolver()
export class SlaAttainmentResolver {
  constructor(private readonly attainment: AttainmentService) {}

  /** District-wide figures are for district administrators and viewers; school administrators ask for their schools. */
  @Roles('DISTRICT_ADMIN', 'SCHOOL_ADMIN', 'VIEWER')
  @Scopes(SLA_SCOPES.read)
  @Query(() => SlaAttainment, {
    description:
      'Share of SLA timers met, breaches and the median first response, over cases opened in the range.',
  })
  slaAttainment(
    @Args('range') range: DateRangeInput,
    @Args('schoolId', { type: () => ID, nullable: true }) schoolId: string | null,
    @Args('topicId', { type: () => ID, nullable: true }) topicId: string | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SlaAttainment> {
    const districtWide =
      principal.kind === 'client' ||
      (principal.kind === 'user' &&
        principal.roles.some((role) => role === 'DISTRICT_ADMIN' || role === 'VIEWER'));
    if (schoolId ? !canSeeSchool(principal, schoolId) && !districtWide : !districtWide) {
      throw new ForbiddenException('You may see the SLA figures of your own schools only');
    }
    return this.attainment.attainment({ from: range.from, to: range.to, schoolId, topicId });
  }
}
