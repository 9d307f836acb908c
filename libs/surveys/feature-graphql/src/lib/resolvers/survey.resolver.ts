import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Roles, type Principal, Allow } from '@homeroom/platform/auth';
import { decodeCursor, PageArgs, pageSize, toConnection } from '@homeroom/platform/graphql';
import {
  AudienceService,
  SurveyResultsService,
  SurveyService,
  type RecipientKind,
  type SurveyEntity,
  type SurveyStatus,
  type SurveyWithDefinition,
} from '@homeroom/surveys/data-access';
import { InvalidInputException } from '@homeroom/shared/errors';
import { localize, ppraWarnings, surveyTranslations, validateSurvey } from '@homeroom/surveys/domain';
import { assertMaySeeResults, SURVEY_AUTHORS, SURVEY_RESULTS_READ, SURVEY_WRITE } from '../access';
import { SurveyAudienceInput, SurveyInput, toSurveyInput } from '../types/inputs';
import { toQuestion } from '../mappers';
import { SurveyStatusEnum } from '../types/enums';
import { SurveyResults } from '../types/results.type';
import { ScheduledSurveySend } from '../types/scheduled-send.type';
import { SendSurveyPayload } from '../types/sends.type';
import {
  PpraWarning,
  Survey,
  SurveyConnection,
  SurveyPayload,
  SurveyQuestion,
  SurveyTranslation,
} from '../types/survey.type';

@Resolver(() => Survey)
export class SurveyResolver {
  constructor(
    private readonly surveyService: SurveyService,
    private readonly audiences: AudienceService,
    private readonly surveyResults: SurveyResultsService,
  ) {}

  @Allow(SURVEY_RESULTS_READ)
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

  @Allow(SURVEY_RESULTS_READ)
  @Query(() => Survey, { nullable: true, description: 'One survey; null when there is none with this id.' })
  async survey(
    @Args('id', { type: () => ID }) id: string,
    @Args('language', {
      type: () => String,
      nullable: true,
      description:
        'BCP 47: the language of its title, questions and results where they ask for none; the survey’s default when absent.',
    })
    language: string | null,
  ): Promise<Survey | null> {
    const found = await this.surveyService.withDefinition(id);
    return found ? { ...surveyOf(found), askedLanguage: language } : null;
  }

  @Allow(SURVEY_WRITE)
  @Mutation(() => SurveyPayload, { description: 'A new district survey, as a draft.' })
  async createSurvey(@Args('input') input: SurveyInput): Promise<SurveyPayload> {
    const definition = validateSurvey(toSurveyInput(input));
    const created = await this.surveyService.create({
      kind: 'DISTRICT',
      name: surveyName(input.name),
      status: 'DRAFT',
      closesAt: input.closesAt ?? null,
      definition,
    });
    return {
      survey: await this.toSurvey(created),
      versionAction: 'NEW_VERSION',
      ppraWarnings: ppraWarnings(definition),
    };
  }

  @Allow(SURVEY_WRITE)
  @Mutation(() => SurveyPayload, {
    description:
      'Saves an edit: in place until someone has answered, then as a new version (answers keep the version they answered).',
  })
  async updateSurvey(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: SurveyInput,
  ): Promise<SurveyPayload> {
    const { survey, decision } = await this.surveyService.update(id, {
      name: surveyName(input.name),
      closesAt: input.closesAt ?? null,
      definition: toSurveyInput(input),
    });
    const saved = await this.toSurvey(survey);
    return { survey: saved, versionAction: decision.action, ppraWarnings: ppraWarnings(saved.definition) };
  }

  @Allow(SURVEY_WRITE)
  @Mutation(() => Survey, {
    description:
      'OPEN takes answers (and, for the satisfaction survey, sends invitations); CLOSED stops both.',
  })
  async setSurveyStatus(
    @Args('id', { type: () => ID }) id: string,
    @Args('status', { type: () => SurveyStatusEnum }) status: SurveyStatus,
  ): Promise<Survey> {
    return this.toSurvey(await this.surveyService.setStatus(id, status));
  }

  @Allow(SURVEY_WRITE)
  @Mutation(() => SendSurveyPayload, {
    description:
      'Sends an open district survey to an audience from the directory, now or at a set time: a personal one-time link each, once per person.',
  })
  async sendSurvey(
    @Args('id', { type: () => ID }) id: string,
    @Args('audience') audience: SurveyAudienceInput,
    @Args('at', {
      type: () => Date,
      nullable: true,
      description: 'Later: the send goes at this time (the survey must be open by then). Now when absent.',
    })
    at: Date | null,
  ): Promise<SendSurveyPayload> {
    const filter = {
      kinds: (audience.kinds ?? []) as RecipientKind[],
      schoolIds: audience.schoolIds ?? [],
      languages: audience.languages ?? [],
      roles: audience.roles ?? [],
    };
    if (at && at.getTime() > Date.now()) {
      const { sendAt } = await this.audiences.schedule(id, filter, at);
      return { invited: 0, alreadyInvited: 0, scheduledFor: sendAt };
    }
    return { ...(await this.audiences.send(id, filter)), scheduledFor: null };
  }

  @Allow(SURVEY_WRITE)
  @Mutation(() => Boolean, {
    description: 'Cancels a scheduled send not yet made; false when it has gone (or is going) already.',
  })
  cancelScheduledSurveySend(@Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.audiences.cancelScheduledSend(id);
  }

  @Roles(...SURVEY_AUTHORS)
  @ResolveField(() => [ScheduledSurveySend], {
    description: 'Sends planned for later, next first, then those made.',
  })
  async scheduledSends(@Parent() survey: Survey): Promise<ScheduledSurveySend[]> {
    return (await this.audiences.scheduledSends(survey.id)).map(({ audience, ...send }) => ({
      ...send,
      ...audience,
    }));
  }

  @Allow(SURVEY_WRITE)
  @Mutation(() => String, {
    description:
      'A new anonymous link to a district survey (for a newsletter or website); each answer through it is a response of its own. Shown once.',
  })
  openSurveyLink(@Args('id', { type: () => ID }) id: string): Promise<string> {
    return this.audiences.openLink(id);
  }

  @Allow(SURVEY_RESULTS_READ)
  @ResolveField(() => SurveyResults, {
    description:
      'Answers question by question, in the language asked for: district-wide figures, for district-wide roles and integrations.',
  })
  results(
    @Parent() survey: Survey,
    @CurrentPrincipal() principal: Principal,
    @Args('language', { nullable: true }) language?: string,
  ): Promise<SurveyResults> {
    assertMaySeeResults(principal, null);
    return this.surveyResults.results(survey.id, language ?? survey.askedLanguage ?? undefined);
  }

  @ResolveField(() => [PpraWarning], {
    description: 'For surveys that reach students: questions touching an area PPRA protects.',
  })
  ppraWarnings(@Parent() survey: Survey): PpraWarning[] {
    return ppraWarnings(survey.definition);
  }

  @ResolveField(() => String)
  title(
    @Parent() survey: Survey,
    @Args('language', {
      nullable: true,
      description: 'BCP 47; when absent, the one `survey(language:)` asked for, else the survey’s default.',
    })
    language?: string,
  ): string {
    return this.localized(survey, language).title;
  }

  @ResolveField(() => [SurveyQuestion])
  questions(
    @Parent() survey: Survey,
    @Args('language', { nullable: true }) language?: string,
  ): SurveyQuestion[] {
    return this.localized(survey, language).questions.map(toQuestion);
  }

  @ResolveField(() => [SurveyTranslation], {
    description:
      'Every text in each of its languages (the default first) exactly as written, to edit the survey.',
  })
  translations(@Parent() survey: Survey): SurveyTranslation[] {
    return surveyTranslations(survey.definition);
  }

  private localized(survey: Survey, language: string | undefined) {
    return localize(survey.definition, language ?? survey.askedLanguage ?? survey.defaultLanguage);
  }

  private async toSurvey(entity: SurveyEntity): Promise<Survey> {
    return surveyOf((await this.surveyService.withDefinition(entity.id))!);
  }
}

function surveyOf({ survey, definition }: SurveyWithDefinition): Survey {
  return {
    id: survey.id,
    kind: survey.kind,
    name: survey.name,
    status: survey.status,
    version: survey.currentVersion,
    defaultLanguage: definition.defaultLanguage,
    languages: definition.languages,
    audiences: definition.audiences,
    closesAt: survey.closesAt,
    createdAt: survey.createdAt,
    definition,
  };
}

function surveyName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 200)
    throw new InvalidInputException('A survey needs a name of 1–200 characters', [
      { path: 'input.name', message: '1–200 characters' },
    ]);
  return trimmed;
}
