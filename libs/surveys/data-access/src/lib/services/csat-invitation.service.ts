import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { eventHandler, type EventHandler } from '@homeroom/platform/messaging';
import type { EventData, EventEnvelope } from '@homeroom/platform/event-contracts';
import { CaseMerged, CaseResolved } from '@homeroom/cases/contracts';
import { csatEligibility, invitationSchedule } from '@homeroom/surveys/domain';
import { SurveyInvitationEntity } from '../entities/survey.entities';
import { SURVEY_SETTINGS, type SurveySettings } from '../survey-settings';
import { InvitationIssuer } from './invitation-issuer';
import { SurveyService } from './survey.service';

type Resolved = EventEnvelope<EventData<typeof CaseResolved>>;

/**
 * A resolution older than this when first handled is not surveyed (STALE): a consumer group that starts at
 * the beginning of the topic must not ask families about last month's cases.
 */
const MAX_RESOLUTION_AGE_MS = 3 * 24 * 60 * 60 * 1000;

/**
 * The satisfaction survey after each case. On CaseResolved it decides once per case (redelivery, reopening
 * and resolving again change nothing) whether to ask the requester, records the decision, and for an
 * invitation stores a one-time link (its hash) and writes SurveyInvitationIssued, which the cases service,
 * holding the requester's address, delivers. Imported history is recorded as it would have been decided
 * then, and nobody is sent anything.
 */
@Injectable()
export class CsatInvitationService {
  constructor(
    private readonly surveys: SurveyService,
    private readonly issuer: InvitationIssuer,
    @Inject(SURVEY_SETTINGS) private readonly settings: SurveySettings,
  ) {}

  handlers(): EventHandler[] {
    return [
      eventHandler(CaseResolved, (envelope, manager) => this.resolved(envelope as Resolved, manager)),
      eventHandler(CaseMerged, ({ data }, manager) =>
        this.merged(manager, data.mergedCaseId, data.survivorCaseId),
      ),
    ] as EventHandler[];
  }

  async resolved(envelope: Resolved, manager: EntityManager): Promise<void> {
    const { data } = envelope;
    await manager.query('INSERT INTO csat_case (case_id) VALUES ($1) ON CONFLICT DO NOTHING', [data.caseId]);
    const [state] = (await manager.query(
      'SELECT merged_into, decided_at FROM csat_case WHERE case_id = $1 FOR UPDATE',
      [data.caseId],
    )) as { merged_into: string | null; decided_at: Date | null }[];
    if (state!.decided_at) return;

    const resolvedAt = new Date(data.resolvedAt);
    const imported = envelope.imported === true;
    const now = imported ? resolvedAt : new Date();
    const skip = (reason: string) =>
      manager.query('UPDATE csat_case SET decided_at = $2, skip_reason = $3 WHERE case_id = $1', [
        data.caseId,
        now,
        reason,
      ]);

    const csat = await this.surveys.csat(manager);
    if (!csat || csat.survey.status !== 'OPEN') return skip('SURVEY_CLOSED');
    if (!imported && now.getTime() - resolvedAt.getTime() > MAX_RESOLUTION_AGE_MS) return skip('STALE');

    const facts = data.survey;
    const decision = csatEligibility(
      {
        anonymous: data.anonymous,
        confidential: data.confidential,
        merged: state!.merged_into !== null,
        duplicate: facts?.duplicate ?? false,
        // The cases service has no spam verdict yet; a spam case is closed, not resolved.
        spam: false,
        staffInternal: facts?.requesterKind === 'STAFF',
        agentOptedOut: facts?.optedOut ?? false,
        // Events from before the facts were added name no way to reach anyone.
        reachableBy: facts?.reachableBy ?? [],
        channel: data.channel,
        language: data.language,
        lastInvitedAt: await this.lastInvitedAt(manager, data.requesterId, now),
      },
      now,
      { coolingOffDays: this.settings.coolingOffDays, defaultLanguage: this.settings.defaultLanguage },
    );
    if (!decision.invite) return skip(decision.reason);

    const schedule = invitationSchedule(now, {
      remindAfterDays: this.settings.remindAfterDays,
      expireAfterDays: this.settings.expireAfterDays,
    });
    const invitation: SurveyInvitationEntity = {
      id: randomUUID(),
      surveyId: csat.survey.id,
      version: csat.survey.currentVersion,
      caseId: data.caseId,
      caseNumber: data.number,
      personId: data.requesterId,
      channel: decision.channel,
      language: decision.language,
      schoolId: data.schoolId,
      topicId: data.topicId,
      assigneeId: data.assigneeId,
      caseChannel: data.channel,
      imported,
      sentAt: now,
      remindAt: imported ? null : schedule.remindAt,
      remindedAt: null,
      expiresAt: schedule.expiresAt,
      respondedAt: null,
      score: null,
    };
    await manager.insert(SurveyInvitationEntity, invitation);
    await manager.query('UPDATE csat_case SET decided_at = $2, invitation_id = $3 WHERE case_id = $1', [
      data.caseId,
      now,
      invitation.id,
    ]);
    if (!imported) await this.issuer.issue(manager, invitation, false);
  }

  private async merged(manager: EntityManager, mergedCaseId: string, survivorCaseId: string): Promise<void> {
    await manager.query(
      `INSERT INTO csat_case (case_id, merged_into) VALUES ($1, $2)
       ON CONFLICT (case_id) DO UPDATE SET merged_into = EXCLUDED.merged_into`,
      [mergedCaseId, survivorCaseId],
    );
  }

  private async lastInvitedAt(
    manager: EntityManager,
    personId: string | null,
    now: Date,
  ): Promise<Date | null> {
    if (!personId) return null;
    const [row] = (await manager.query(
      'SELECT max(sent_at) AS at FROM survey_invitation WHERE person_id = $1 AND sent_at <= $2',
      [personId, now],
    )) as { at: Date | null }[];
    return row?.at ?? null;
  }
}
