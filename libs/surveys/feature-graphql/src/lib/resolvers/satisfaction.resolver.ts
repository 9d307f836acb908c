import { Args, ID, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { CurrentPrincipal, Roles, Scopes, type Principal } from '@homeroom/platform/auth';
import { DateRangeInput } from '@homeroom/platform/graphql';
import { SatisfactionService, type SatisfactionReport } from '@homeroom/surveys/data-access';
import { assertMaySeeResults, CASE_SATISFACTION_READERS, RESULT_READERS, SURVEY_SCOPES } from '../access';
import { CaseReference, CaseSatisfaction, SatisfactionSummary, SchoolReference } from '../types';

@Resolver()
export class SatisfactionResolver {
  constructor(private readonly results: SatisfactionService) {}

  @Roles(...RESULT_READERS)
  @Scopes(SURVEY_SCOPES.read)
  @Query(() => SatisfactionSummary, {
    name: 'satisfaction',
    description:
      'Satisfaction after resolved cases: invitations sent in the range, response rate and scores.',
  })
  satisfactionSummary(
    @Args('range') range: DateRangeInput,
    @Args('schoolId', { type: () => ID, nullable: true }) schoolId: string | null,
    @Args('topicId', { type: () => ID, nullable: true }) topicId: string | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SatisfactionReport> {
    assertMaySeeResults(principal, schoolId);
    return this.results.summary({ from: range.from, to: range.to, schoolId, topicId });
  }
}

/** `School.satisfaction`: the directory owns School; this subgraph adds how its requesters felt. */
@Resolver(() => SchoolReference)
export class SchoolSatisfactionResolver {
  constructor(private readonly results: SatisfactionService) {}

  @Scopes(SURVEY_SCOPES.read)
  @ResolveReference()
  resolveReference(reference: { id: string }): SchoolReference {
    return { id: reference.id };
  }

  @Roles(...RESULT_READERS)
  @Scopes(SURVEY_SCOPES.read)
  @ResolveField(() => SatisfactionSummary, { description: "Satisfaction over this school's resolved cases." })
  satisfaction(
    @Parent() school: SchoolReference,
    @Args('range') range: DateRangeInput,
    @Args('topicId', { type: () => ID, nullable: true }) topicId: string | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SatisfactionReport> {
    assertMaySeeResults(principal, school.id);
    return this.results.summary({ from: range.from, to: range.to, schoolId: school.id, topicId });
  }
}

/** `Case.satisfaction`: the cases subgraph owns Case (and decides who reaches it); this one adds the survey. */
@Resolver(() => CaseReference)
export class CaseSatisfactionResolver {
  constructor(private readonly results: SatisfactionService) {}

  @Roles(...CASE_SATISFACTION_READERS)
  @Scopes(SURVEY_SCOPES.read)
  @ResolveReference()
  resolveReference(reference: { id: string }): CaseReference {
    return { id: reference.id };
  }

  @Roles(...CASE_SATISFACTION_READERS)
  @Scopes(SURVEY_SCOPES.read)
  @ResolveField(() => CaseSatisfaction, {
    nullable: true,
    description: 'The satisfaction survey after the case; null until the case is resolved.',
  })
  satisfaction(@Parent() supportCase: CaseReference): Promise<CaseSatisfaction | null> {
    return this.results.ofCase(supportCase.id);
  }
}
