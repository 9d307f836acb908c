import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, type Principal, Allow } from '@homeroom/platform/auth';
import { DateRangeInput } from '@homeroom/platform/graphql';
import { SurveyResultsService } from '@homeroom/surveys/data-access';
import { assertMaySeeResults, SURVEY_RESULTS_READ } from '../access';
import { NpsResult } from '../types/results.type';

/**
 * The district's Net Promoter Score over a range, next to `satisfaction`. No school filter: district
 * surveys are sent to people and through anonymous links, and their responses carry no school (only the
 * satisfaction survey's do, from the case), so a school's NPS cannot be told apart from the district's.
 */
@Resolver()
export class NpsResolver {
  constructor(private readonly results: SurveyResultsService) {}

  @Allow(SURVEY_RESULTS_READ)
  @Query(() => NpsResult, {
    name: 'nps',
    description:
      "Net Promoter Score of the district's surveys: every answer to an NPS question of a district survey (not the satisfaction survey after cases) in the responses submitted in the range. District-wide only: district survey responses carry no school (invitations go to people, open links are anonymous). Withheld (suppression SMALL_GROUP) when fewer people answered than the district's minimum.",
  })
  async nps(
    @Args('range') range: DateRangeInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<NpsResult> {
    // District-wide figures: district administrators, viewers and integrations, as for `satisfaction`.
    assertMaySeeResults(principal, null);
    return this.results.districtNps({ from: range.from, to: range.to });
  }
}
