import { Args, Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { CaseMetricsService } from '@homeroom/cases/data-access';
import { CurrentPrincipal, Scopes, type Principal, Allow } from '@homeroom/platform/auth';
import { DateRangeInput } from '@homeroom/platform/graphql';
import { assertMaySeeFigures, CASE_SCOPES, caseVisibility, CASE_READ } from '../access';
import { SchoolReference } from '../types/references.type';
import { CaseMetrics } from './case-metrics.resolver';

/** `School.caseMetrics`: the directory owns School; this subgraph adds its contact figures. */
@Resolver(() => SchoolReference)
export class SchoolCasesResolver {
  constructor(private readonly metricsService: CaseMetricsService) {}

  @Scopes(CASE_SCOPES.read)
  @ResolveReference()
  resolveReference(reference: { id: string }): SchoolReference {
    return { id: reference.id };
  }

  @Allow(CASE_READ)
  @ResolveField(() => CaseMetrics, {
    description:
      "This school's contacts, response times, backlog and reopen rate: for its staff, district roles and integrations.",
  })
  caseMetrics(
    @Parent() school: SchoolReference,
    @Args('range') range: DateRangeInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CaseMetrics> {
    assertMaySeeFigures(principal, school.id);
    return this.metricsService.metrics(
      { from: range.from, to: range.to, schoolId: school.id },
      caseVisibility(principal),
    );
  }
}
