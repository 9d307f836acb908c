import { Module } from '@nestjs/common';
import {
  CaseSatisfactionResolver,
  SatisfactionBreakdownResolver,
  SatisfactionResolver,
  SchoolSatisfactionResolver,
} from './resolvers/satisfaction.resolver';
import { NpsResolver } from './resolvers/nps.resolver';
import { SurveyLinkResolver } from './resolvers/survey-link.resolver';
import { SurveyResolver } from './resolvers/survey.resolver';

/** The surveys subgraph: surveys, the public survey link, satisfaction results, the district's NPS, `Case.satisfaction`, `School.satisfaction`. */
@Module({
  providers: [
    SurveyLinkResolver,
    SurveyResolver,
    SatisfactionResolver,
    SatisfactionBreakdownResolver,
    SchoolSatisfactionResolver,
    CaseSatisfactionResolver,
    NpsResolver,
  ],
})
export class SurveysGraphqlModule {}
