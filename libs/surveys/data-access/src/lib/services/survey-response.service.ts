import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { hashLinkToken } from '@homeroom/platform/auth';
import { inTransaction } from '@homeroom/platform/database';
import { OutboxWriter } from '@homeroom/platform/messaging';
import { ConflictException, NotFoundException } from '@homeroom/shared/errors';
import { detectSafetyConcerns } from '@homeroom/shared/safety';
import { scoreSentiment } from '@homeroom/shared/sentiment';
import { LowSatisfactionReported, SurveySafetyConcernRaised } from '@homeroom/surveys/contracts';
import {
  csatAnswers,
  isLowSatisfaction,
  localize,
  validateAnswers,
  type LocalizedSurvey,
  type SurveyDefinition,
} from '@homeroom/surveys/domain';
import { SurveyEntity, SurveyInvitationEntity, SurveyResponseEntity } from '../entities/survey.entities';
import { SURVEY_SETTINGS, type SurveySettings } from '../survey-settings';
import { SurveyService } from './survey.service';

export type InvitationState = 'OPEN' | 'ANSWERED' | 'EXPIRED' | 'CLOSED';

/** What a link opens: the survey in the respondent's language, and whether it can still be answered. */
export interface InvitationView {
  /** Null for an anonymous open link. */
  invitation: SurveyInvitationEntity | null;
  state: InvitationState;
  survey: LocalizedSurvey;
  expiresAt: Date | null;
  caseNumber: string | null;
}

/** A link's target: a personal invitation, or a survey's anonymous open link. */
type LinkTarget = { invitation: SurveyInvitationEntity } | { openSurveyId: string };

/**
 * Answers by link, with no sign-in: the link's hash finds a personal invitation or a survey's anonymous
 * open link (each answer through it a response of its own). One response per invitation (the same
 * answers again return the first response; different ones are refused); expired
 * links and closed surveys are refused with their reasons. A satisfaction score at or below the district's
 * threshold publishes LowSatisfactionReported, and a comment that signals danger SurveySafetyConcernRaised,
 * in the response's transaction.
 */
@Injectable()
export class SurveyResponseService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly surveys: SurveyService,
    private readonly outbox: OutboxWriter,
    @Inject(SURVEY_SETTINGS) private readonly settings: SurveySettings,
  ) {}

  /**
   * The survey behind a link; null for a link this service never issued. A personal link shows the version
   * and language of its invitation; an open link the current version, in `language` when it is translated.
   */
  async byToken(
    token: string,
    language?: string | null,
    now: Date = new Date(),
  ): Promise<InvitationView | null> {
    const manager = this.dataSource.manager;
    const target = await this.linkOf(manager, token, false);
    if (!target) return null;
    if ('openSurveyId' in target) {
      const survey = await manager.findOneByOrFail(SurveyEntity, { id: target.openSurveyId });
      const definition = await this.surveys.definition(manager, survey.id, survey.currentVersion);
      return {
        invitation: null,
        state: isClosed(survey, now) ? 'CLOSED' : 'OPEN',
        survey: localize(definition, language ?? definition.defaultLanguage),
        expiresAt: survey.closesAt,
        caseNumber: null,
      };
    }
    const { invitation } = target;
    const survey = await manager.findOneByOrFail(SurveyEntity, { id: invitation.surveyId });
    const definition = await this.surveys.definition(manager, invitation.surveyId, invitation.version);
    return {
      invitation,
      state: stateOf(invitation, survey, now),
      survey: localize(definition, invitation.language),
      expiresAt: invitation.expiresAt,
      caseNumber: invitation.caseNumber,
    };
  }

  async submit(
    token: string,
    rawAnswers: Record<string, unknown>,
    language?: string | null,
  ): Promise<SurveyResponseEntity> {
    return inTransaction(this.dataSource, async (manager) => {
      const target = await this.linkOf(manager, token, true);
      if (!target) throw new NotFoundException('Survey link', 'SURVEY_LINK_NOT_FOUND');
      if ('openSurveyId' in target)
        return this.submitOpen(manager, target.openSurveyId, rawAnswers, language);
      const { invitation } = target;
      const definition = await this.surveys.definition(manager, invitation.surveyId, invitation.version);
      const answers = validateAnswers(definition, rawAnswers);

      const earlier = await manager.findOneBy(SurveyResponseEntity, { invitationId: invitation.id });
      if (earlier) {
        if (isDeepStrictEqual(earlier.answers, answers)) return earlier;
        throw new ConflictException('This survey has already been answered', 'SURVEY_ALREADY_ANSWERED');
      }
      const now = new Date();
      const survey = await manager.findOneByOrFail(SurveyEntity, { id: invitation.surveyId });
      const state = stateOf(invitation, survey, now);
      if (state === 'EXPIRED')
        throw new ConflictException('This survey link has expired', 'SURVEY_LINK_EXPIRED');
      if (state === 'CLOSED') throw new ConflictException('This survey is closed', 'SURVEY_CLOSED');

      const { score, comment } =
        survey.kind === 'CSAT' ? csatAnswers(definition, answers) : { score: null, comment: null };
      const threshold = this.settings.lowSatisfactionThreshold;
      const low = score !== null && isLowSatisfaction(score, threshold);
      const response: SurveyResponseEntity = {
        id: randomUUID(),
        surveyId: invitation.surveyId,
        version: invitation.version,
        invitationId: invitation.id,
        language: invitation.language,
        answers,
        score,
        comment,
        ...sentimentOf(comment),
        caseId: invitation.caseId,
        schoolId: invitation.schoolId,
        topicId: invitation.topicId,
        assigneeId: invitation.assigneeId,
        caseChannel: invitation.caseChannel,
        lowSatisfaction: low,
        submittedAt: now,
      };
      await manager.insert(SurveyResponseEntity, response);
      await manager.update(SurveyInvitationEntity, { id: invitation.id }, { respondedAt: now, score });
      if (low && invitation.caseId)
        await this.outbox.append(manager, LowSatisfactionReported, {
          aggregateId: response.id,
          data: {
            responseId: response.id,
            surveyId: response.surveyId,
            caseId: invitation.caseId,
            score: score!,
            threshold,
            hasComment: comment !== null,
            at: now.toISOString(),
          },
        });
      await this.screen(manager, response, definition);
      return response;
    });
  }

  /** Every text answer through the safety-concern detector; a finding goes to the cases service as a case. */
  private async screen(
    manager: EntityManager,
    response: SurveyResponseEntity,
    definition: SurveyDefinition,
  ): Promise<void> {
    const texts = definition.questions
      .filter((question) => question.kind === 'TEXT')
      .map((question) => response.answers[question.id])
      .filter((answer): answer is string => typeof answer === 'string' && answer.length > 0);
    const findings = texts.flatMap((text) => detectSafetyConcerns(text));
    if (findings.length === 0) return;
    await this.outbox.append(manager, SurveySafetyConcernRaised, {
      aggregateId: response.id,
      data: {
        responseId: response.id,
        surveyId: response.surveyId,
        caseId: response.caseId,
        schoolId: response.schoolId,
        language: response.language,
        categories: [...new Set(findings.map((finding) => finding.category))],
        comment: texts.join('\n\n').slice(0, 10_000),
        at: response.submittedAt.toISOString(),
      },
    });
  }

  /** An anonymous answer through a survey's open link: a response of its own, to the current version. */
  private async submitOpen(
    manager: EntityManager,
    surveyId: string,
    rawAnswers: Record<string, unknown>,
    language: string | null | undefined,
  ): Promise<SurveyResponseEntity> {
    const survey = await manager.findOneByOrFail(SurveyEntity, { id: surveyId });
    const definition = await this.surveys.definition(manager, surveyId, survey.currentVersion);
    const answers = validateAnswers(definition, rawAnswers);
    if (isClosed(survey, new Date())) throw new ConflictException('This survey is closed', 'SURVEY_CLOSED');
    const response: SurveyResponseEntity = {
      id: randomUUID(),
      surveyId,
      version: survey.currentVersion,
      invitationId: null,
      language: localize(definition, language ?? definition.defaultLanguage).language,
      answers,
      score: null,
      comment: null,
      commentSentiment: null,
      commentSentimentScore: null,
      caseId: null,
      schoolId: null,
      topicId: null,
      assigneeId: null,
      caseChannel: null,
      lowSatisfaction: false,
      submittedAt: new Date(),
    };
    await manager.insert(SurveyResponseEntity, response);
    await this.screen(manager, response, definition);
    return response;
  }

  private async linkOf(manager: EntityManager, token: string, lock: boolean): Promise<LinkTarget | null> {
    const hash = hashLinkToken(token);
    const [link] = (await manager.query('SELECT invitation_id FROM survey_link WHERE token_hash = $1', [
      hash,
    ])) as { invitation_id: string }[];
    if (link) {
      const invitation = await manager.findOne(SurveyInvitationEntity, {
        where: { id: link.invitation_id },
        ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
      });
      return invitation ? { invitation } : null;
    }
    const [open] = (await manager.query('SELECT survey_id FROM survey_open_link WHERE token_hash = $1', [
      hash,
    ])) as { survey_id: string }[];
    return open ? { openSurveyId: open.survey_id } : null;
  }
}

function sentimentOf(comment: string | null) {
  if (!comment) return { commentSentiment: null, commentSentimentScore: null };
  const { label, score } = scoreSentiment(comment);
  return { commentSentiment: label, commentSentimentScore: Math.round(score * 1000) / 1000 };
}

function isClosed(survey: SurveyEntity, now: Date): boolean {
  return survey.status !== 'OPEN' || (survey.closesAt !== null && survey.closesAt <= now);
}

function stateOf(invitation: SurveyInvitationEntity, survey: SurveyEntity, now: Date): InvitationState {
  if (invitation.respondedAt) return 'ANSWERED';
  if (isClosed(survey, now)) return 'CLOSED';
  if (invitation.expiresAt <= now) return 'EXPIRED';
  return 'OPEN';
}
