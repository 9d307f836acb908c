import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Roles, Scopes } from '@homeroom/platform/auth';
import { decodeCursor, PageArgs, pageSize, toConnection } from '@homeroom/platform/graphql';
import { SurveyService, type SurveyEntity } from '@homeroom/surveys/data-access';
import { localize } from '@homeroom/surveys/domain';
import { RESULT_READERS, SURVEY_SCOPES } from '../access';
import { toQuestion } from '../mappers';
import { Survey, SurveyConnection, SurveyQuestion } from '../types';

@Resolver(() => Survey)
export class SurveyResolver {
  constructor(private readonly surveyService: SurveyService) {}

  @Roles(...RESULT_READERS)
  @Scopes(SURVEY_SCOPES.read)
  @Query(() => SurveyConnection, { description: 'The district’s surveys, newest first.' })
  async surveys(@Args() { first, after }: PageArgs): Promise<InstanceType<typeof SurveyConnection>> {
    const size = pageSize(first);
    const { rows, total } = await this.surveyService.page({
      limit: size,
      after: after ? decodeCursor(after, 2) : undefined,
    });
    const withDefinitions = await Promise.all(rows.map((row) => this.toSurvey(row)));
    return toConnection(
      withDefinitions,
      size,
      total,
      (s) => [s.createdAt.toISOString(), s.id],
      (s) => s,
    );
  }

  @ResolveField(() => String)
  async title(
    @Parent() survey: Survey,
    @Args('language', { nullable: true, description: 'BCP 47; the survey’s default when absent.' })
    language?: string,
  ): Promise<string> {
    return (await this.localized(survey, language)).title;
  }

  @ResolveField(() => [SurveyQuestion])
  async questions(
    @Parent() survey: Survey,
    @Args('language', { nullable: true }) language?: string,
  ): Promise<SurveyQuestion[]> {
    return (await this.localized(survey, language)).questions.map(toQuestion);
  }

  private async localized(survey: Survey, language: string | undefined) {
    const found = await this.surveyService.withDefinition(survey.id);
    return localize(found!.definition, language ?? survey.defaultLanguage);
  }

  private async toSurvey(entity: SurveyEntity): Promise<Survey> {
    const { definition } = (await this.surveyService.withDefinition(entity.id))!;
    return {
      id: entity.id,
      kind: entity.kind,
      name: entity.name,
      status: entity.status,
      version: entity.currentVersion,
      defaultLanguage: definition.defaultLanguage,
      languages: definition.languages,
      closesAt: entity.closesAt,
      createdAt: entity.createdAt,
    };
  }
}
