import { Args, ID, Int, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { CurrentPrincipal, Scopes, type Principal, Allow, reachOf } from '@homeroom/platform/auth';
import { assertDateRange, DateRangeInput, pageSize } from '@homeroom/platform/graphql';
import { SatisfactionService, type SatisfactionDimension } from '@homeroom/surveys/data-access';
import {
  agentFiguresScope,
  assertMaySeeResults,
  SURVEY_SCOPES,
  CASE_SATISFACTION_READ,
  SURVEY_AGENT_FIGURES_READ,
  SURVEY_RESULTS_READ,
} from '../access';
import { SatisfactionDimensionEnum, SentimentEnum } from '../types/enums';
import { CaseReference, SchoolReference } from '../types/references.type';
import {
  CaseSatisfaction,
  SatisfactionComment,
  SatisfactionAgentTrend,
  SatisfactionGroup,
  SatisfactionSummary,
  SatisfactionTrend,
} from '../types/satisfaction.type';

/** Two years of months: a coaching trend's longest view. */
const AGENT_TRENDS_MAX_DAYS = 731;

@Resolver()
export class SatisfactionResolver {
  constructor(private readonly results: SatisfactionService) {}

  @Allow(SURVEY_RESULTS_READ)
  @Query(() => SatisfactionSummary, {
    name: 'satisfaction',
    description:
      'Satisfaction after resolved cases: invitations sent in the range, response rate and scores.',
  })
  async satisfactionSummary(
    @Args('range') range: DateRangeInput,
    @Args('schoolId', { type: () => ID, nullable: true }) schoolId: string | null,
    @Args('topicId', { type: () => ID, nullable: true }) topicId: string | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SatisfactionSummary> {
    assertMaySeeResults(principal, schoolId);
    const filter = { from: range.from, to: range.to, schoolId, topicId };
    return { ...(await this.results.summary(filter)), filter };
  }

  @Allow(SURVEY_RESULTS_READ)
  @Query(() => [SatisfactionTrend], {
    description:
      "Per school and month of the range, its satisfaction: every school's for district-wide readers, their own schools' for a school's staff. Withheld alike for everyone.",
  })
  satisfactionTrends(
    @Args('range') range: DateRangeInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SatisfactionTrend[]> {
    // Who sees which school's figures is `satisfaction`'s rule (canSeeSchoolFigures), row by row.
    return this.results.trend({ from: range.from, to: range.to }, reachOf(principal));
  }

  @Allow(SURVEY_AGENT_FIGURES_READ)
  @Query(() => [SatisfactionAgentTrend], {
    description: `Per staff member and month of the range, the satisfaction of the cases assigned to them (at most ${AGENT_TRENDS_MAX_DAYS} days): every agent's over every case for district-wide readers; over their own schools' cases only for a school's readers; any staff member their own agentId, over all their cases. Anyone else's agentId: FORBIDDEN (OWN_FIGURES_ONLY). Withheld alike for everyone who reads the same cases.`,
  })
  satisfactionAgentTrends(
    @Args('range') range: DateRangeInput,
    @Args('agentId', { type: () => ID, nullable: true, description: "Only this staff member's months." })
    agentId: string | null | undefined,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SatisfactionAgentTrend[]> {
    // Left out, the argument is undefined rather than null: both mean every agent the caller may see.
    const scope = agentFiguresScope(principal, agentId ?? null);
    assertDateRange(range, AGENT_TRENDS_MAX_DAYS);
    return this.results.agentTrend({ from: range.from, to: range.to }, scope);
  }
}

/** Breakdowns of a summary, over the same cases; the summary's own check already let the caller see them. */
@Resolver(() => SatisfactionSummary)
export class SatisfactionBreakdownResolver {
  constructor(private readonly results: SatisfactionService) {}

  @ResolveField(() => [SatisfactionGroup], {
    description: 'The figures by school, topic, staff member, channel, month or week; small groups withheld.',
  })
  breakdown(
    @Parent() summary: SatisfactionSummary,
    @Args('by', { type: () => SatisfactionDimensionEnum }) by: SatisfactionDimension,
  ): Promise<SatisfactionGroup[]> {
    return this.results.breakdown(summary.filter, by);
  }

  @ResolveField(() => [SatisfactionComment], {
    description:
      'The comments behind the figures, newest first; only NEGATIVE ones (for example) when asked.',
  })
  comments(
    @Parent() summary: SatisfactionSummary,
    @Args('first', { type: () => Int, nullable: true, description: '1–100; 20 by default.' })
    first: number | null,
    @Args('sentiment', { type: () => SentimentEnum, nullable: true }) sentiment: string | null,
  ): Promise<SatisfactionComment[]> {
    return this.results.comments(summary.filter, { first: pageSize(first), sentiment });
  }

  @ResolveField(() => String, { description: 'The breakdown as CSV (RFC 4180), withheld figures empty.' })
  csv(
    @Parent() summary: SatisfactionSummary,
    @Args('by', { type: () => SatisfactionDimensionEnum }) by: SatisfactionDimension,
  ): Promise<string> {
    return this.results.breakdownCsv(summary.filter, by);
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

  @Allow(SURVEY_RESULTS_READ)
  @ResolveField(() => SatisfactionSummary, { description: "Satisfaction over this school's resolved cases." })
  async satisfaction(
    @Parent() school: SchoolReference,
    @Args('range') range: DateRangeInput,
    @Args('topicId', { type: () => ID, nullable: true }) topicId: string | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SatisfactionSummary> {
    assertMaySeeResults(principal, school.id);
    const filter = { from: range.from, to: range.to, schoolId: school.id, topicId };
    return { ...(await this.results.summary(filter)), filter };
  }
}

/** `Case.satisfaction`: the cases subgraph owns Case (and decides who reaches it); this one adds the survey. */
@Resolver(() => CaseReference)
export class CaseSatisfactionResolver {
  constructor(private readonly results: SatisfactionService) {}

  @Allow(CASE_SATISFACTION_READ)
  @ResolveReference()
  resolveReference(reference: { id: string }): CaseReference {
    return { id: reference.id };
  }

  @Allow(CASE_SATISFACTION_READ)
  @ResolveField(() => CaseSatisfaction, {
    nullable: true,
    description: 'The satisfaction survey after the case; null until the case is resolved.',
  })
  satisfaction(@Parent() supportCase: CaseReference): Promise<CaseSatisfaction | null> {
    return this.results.ofCase(supportCase.id);
  }
}
