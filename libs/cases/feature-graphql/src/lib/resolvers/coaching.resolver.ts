import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CoachingService, type CoachingReach, MAX_SAMPLE } from '@homeroom/cases/data-access';
import {
  Allow,
  CurrentPrincipal,
  isDistrictAdmin,
  type Principal,
  reachOf,
  Roles,
  STAFF_ROLES,
} from '@homeroom/platform/auth';
import { ArgsMaxLength, DateRangeInput } from '@homeroom/platform/graphql';
import { ForbiddenException, NotFoundException } from '@homeroom/shared/errors';
import { CASE_READ } from '../access';
import {
  CaseReview,
  CoachingGrouping,
  CoachingTrend,
  CriterionScoreInput,
  ReviewSampleCase,
  RubricCriterion,
  RubricCriterionInput,
} from '../types/coaching.type';

/** The schools a supervisor coaches: every one for the district's administrators, else those they administer. */
function supervisorReach(principal: Principal): CoachingReach {
  if (isDistrictAdmin(principal)) return { schools: 'all' };
  const reach = reachOf(principal, ['SCHOOL_ADMIN']);
  return reach.district ? { schools: 'all' } : { schools: reach.schoolIds };
}

/**
 * Coaching: the district's standards (everyone who serves families reads them), supervisors' reviews of
 * resolved cases and their trends; an agent reads their own reviews. Reviews are personnel records:
 * no API client reads them.
 */
@Resolver()
export class CoachingResolver {
  constructor(private readonly coaching: CoachingService) {}

  @Allow(CASE_READ)
  @Query(() => [RubricCriterion], { description: "The district's service standards, as reviews score them." })
  coachingRubric(): Promise<RubricCriterion[]> {
    return this.coaching.rubric();
  }

  @Roles('DISTRICT_ADMIN')
  @Mutation(() => [RubricCriterion], {
    description: 'Replaces the standards; reviews keep the ones they were scored on.',
  })
  updateCoachingRubric(
    @Args('criteria', { type: () => [RubricCriterionInput] }) criteria: RubricCriterionInput[],
  ): Promise<RubricCriterion[]> {
    return this.coaching.updateRubric(criteria);
  }

  @Roles('DISTRICT_ADMIN', 'SCHOOL_ADMIN')
  @Query(() => [ReviewSampleCase], {
    description: `Resolved cases of the last 30 days at your schools, not reviewed yet, drawn at random (at most ${MAX_SAMPLE}).`,
  })
  caseReviewSample(
    @Args('schoolId', { type: () => ID, nullable: true }) schoolId: string | null,
    @Args('size', { type: () => Int, defaultValue: 5 }) size: number,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReviewSampleCase[]> {
    return this.coaching.sample(supervisorReach(principal), size, schoolId);
  }

  @Roles('DISTRICT_ADMIN', 'SCHOOL_ADMIN')
  @Mutation(() => CaseReview, {
    description:
      'Reviews a resolved case of your schools against the standards: every standard scored 1 to 4 (INCOMPLETE_REVIEW), once a case (ALREADY_REVIEWED).',
  })
  @ArgsMaxLength({ comment: 4_000 })
  async reviewCase(
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('scores', { type: () => [CriterionScoreInput] }) scores: CriterionScoreInput[],
    @Args('comment', { type: () => String, nullable: true }) comment: string | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CaseReview> {
    const reach = supervisorReach(principal);
    if (reach.schools !== 'all') {
      const schools = await this.coaching.schoolOf(caseId);
      if (schools === undefined || !schools || !reach.schools.includes(schools))
        throw new NotFoundException('Case');
    }
    return this.coaching.review(
      caseId,
      scores,
      comment,
      'subject' in principal ? principal.subject : 'unknown',
    );
  }

  @Roles('DISTRICT_ADMIN', 'SCHOOL_ADMIN', 'AGENT')
  @Query(() => [CaseReview], {
    description:
      "Reviews, newest first: a supervisor's schools' (narrowed by agent or school); an agent's own.",
  })
  caseReviews(
    @Args('agentId', { type: () => ID, nullable: true }) agentId: string | null,
    @Args('schoolId', { type: () => ID, nullable: true }) schoolId: string | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CaseReview[]> {
    const reach = supervisorReach(principal);
    const supervises = reach.schools === 'all' || reach.schools.length > 0;
    if (supervises) return this.coaching.reviews({ agentId, schoolId }, reach);
    if (principal.kind !== 'user') throw new ForbiddenException();
    if (agentId && agentId !== principal.subject)
      throw new ForbiddenException('You may read your own reviews only', 'OWN_REVIEWS_ONLY');
    return this.coaching.reviews({ agentId: principal.subject, schoolId }, { schools: 'all' });
  }

  @Roles(...STAFF_ROLES)
  @Query(() => [CaseReview], {
    description:
      "The signed-in staff member's own reviews (the cases they handled), newest first, whatever else they supervise. Not for API clients.",
  })
  myCoachingReviews(@CurrentPrincipal() principal: Principal): Promise<CaseReview[]> {
    // @Roles already refuses clients; a personnel record is never read on anyone's behalf, so say it again here.
    if (principal.kind !== 'user') throw new ForbiddenException();
    return this.coaching.reviews({ agentId: principal.subject }, { schools: 'all' });
  }

  @Roles('DISTRICT_ADMIN', 'SCHOOL_ADMIN')
  @Query(() => [CoachingTrend], {
    description: 'Per agent or school and month: reviews and their mean scores.',
  })
  coachingTrends(
    @Args('range') range: DateRangeInput,
    @Args('by', { type: () => CoachingGrouping }) by: CoachingGrouping,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CoachingTrend[]> {
    return this.coaching.trends(range, by, supervisorReach(principal));
  }
}
