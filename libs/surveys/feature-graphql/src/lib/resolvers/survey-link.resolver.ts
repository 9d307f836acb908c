import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Public } from '@homeroom/platform/auth';
import { SurveyResponseService } from '@homeroom/surveys/data-access';
import { toAnswers, toQuestion } from '../mappers';
import { SurveyAnswerInput, SurveyInvitation, SurveyResponse } from '../types/invitation.type';

/** What a respondent does with their one-time link: no sign-in, the link is the credential. */
@Resolver()
export class SurveyLinkResolver {
  constructor(private readonly responses: SurveyResponseService) {}

  @Public()
  @Query(() => SurveyInvitation, {
    nullable: true,
    description: 'The survey a one-time link opens, in the invitation’s language; null for an unknown link.',
  })
  async surveyByToken(
    @Args('token') token: string,
    @Args('language', {
      nullable: true,
      description: 'For an open link: the language to show it in (a personal link has its own).',
    })
    language?: string,
  ): Promise<SurveyInvitation | null> {
    const view = await this.responses.byToken(token, language);
    if (!view) return null;
    return {
      state: view.state,
      expiresAt: view.expiresAt,
      caseNumber: view.caseNumber,
      language: view.survey.language,
      title: view.survey.title,
      questions: view.survey.questions.map(toQuestion),
    };
  }

  @Public()
  @Mutation(() => SurveyResponse, {
    description:
      'Answers the survey a link opens, once: the same answers again return the first response; other answers are refused (SURVEY_ALREADY_ANSWERED), as are expired links (SURVEY_LINK_EXPIRED) and closed surveys (SURVEY_CLOSED).',
  })
  async submitSurveyResponse(
    @Args('token') token: string,
    @Args('answers', { type: () => [SurveyAnswerInput] }) answers: SurveyAnswerInput[],
    @Args('language', { nullable: true, description: 'For an open link: the language it was answered in.' })
    language?: string,
  ): Promise<SurveyResponse> {
    const response = await this.responses.submit(token, toAnswers(answers), language);
    return { id: response.id, submittedAt: response.submittedAt, score: response.score };
  }
}
