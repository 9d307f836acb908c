import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { insertEntities } from '@homeroom/platform/database';
import { batchEventHandler, eventHandler, type EventHandler } from '@homeroom/platform/messaging';
import type { EventData, EventEnvelope } from '@homeroom/platform/event-contracts';
import { CaseMerged, CaseResolved } from '@homeroom/cases/contracts';
import { csatEligibility, invitationSchedule } from '@homeroom/surveys/domain';
import { SurveyInvitationEntity } from '../entities/survey.entities';
import { SURVEY_SETTINGS, type SurveySettings } from '../survey-settings';
import { InvitationIssuer } from './invitation-issuer';
import { SurveyService } from './survey.service';

type Resolved = EventEnvelope<EventData<typeof CaseResolved>>;

/** What was decided for a case: when, and an invitation or the reason for none. */
interface CaseDecision {
  caseId: string;
  at: Date;
  reason: string | null;
  invitation: string | null;
}

function latest(dates: readonly (Date | null)[]): Date | null {
  return dates.reduce<Date | null>((max, date) => (date && (!max || date > max) ? date : max), null);
}

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
      batchEventHandler(CaseResolved, (envelopes, manager) =>
        this.resolvedAll(envelopes as readonly Resolved[], manager),
      ),
      eventHandler(CaseMerged, ({ data }, manager) =>
        this.merged(manager, data.mergedCaseId, data.survivorCaseId),
      ),
    ] as EventHandler[];
  }

  /**
   * Decides resolutions in their order, as one at a time would, in a few statements however many there
   * are (a burst of resolutions arrives a partition's batch at a time): a case resolved twice is decided at
   * its first, and a requester invited by an earlier one is in their cooling-off period for the later ones.
   */
  async resolvedAll(envelopes: readonly Resolved[], manager: EntityManager): Promise<void> {
    const undecided = await this.undecidedResolutions(envelopes, manager);
    if (undecided.length === 0) return;

    const decidedNow = new Date();
    const decisions: CaseDecision[] = [];
    const invitations: SurveyInvitationEntity[] = [];
    const csat = await this.surveys.csat(manager);
    const candidates: { envelope: Resolved; merged: boolean; now: Date }[] = [];
    for (const { envelope, merged } of undecided) {
      const { data } = envelope;
      const resolvedAt = new Date(data.resolvedAt);
      const now = envelope.imported === true ? resolvedAt : decidedNow;
      const skip = (reason: string) =>
        decisions.push({ caseId: data.caseId, at: now, reason, invitation: null });
      if (!csat || csat.survey.status !== 'OPEN') skip('SURVEY_CLOSED');
      else if (envelope.imported !== true && now.getTime() - resolvedAt.getTime() > MAX_RESOLUTION_AGE_MS)
        skip('STALE');
      else candidates.push({ envelope, merged, now });
    }

    const invitedBefore = await this.lastInvitedAtAll(
      manager,
      candidates.map(({ envelope, now }) => ({ personId: envelope.data.requesterId, now })),
    );
    const invitedInThisRun = new Map<string, Date[]>();
    for (const [index, { envelope, merged, now }] of candidates.entries()) {
      const { data } = envelope;
      const imported = envelope.imported === true;
      const facts = data.survey;
      const decision = csatEligibility(
        {
          anonymous: data.anonymous,
          confidential: data.confidential,
          merged,
          duplicate: facts?.duplicate ?? false,
          // The cases service has no spam verdict yet; a spam case is closed, not resolved.
          spam: false,
          staffInternal: facts?.requesterKind === 'STAFF',
          agentOptedOut: facts?.optedOut ?? false,
          // Events from before the facts were added name no way to reach anyone.
          reachableBy: facts?.reachableBy ?? [],
          channel: data.channel,
          language: data.language,
          lastInvitedAt: latest([
            invitedBefore[index] ?? null,
            ...(invitedInThisRun.get(data.requesterId ?? '') ?? []).filter((at) => at <= now),
          ]),
        },
        now,
        { coolingOffDays: this.settings.coolingOffDays, defaultLanguage: this.settings.defaultLanguage },
      );
      if (!decision.invite) {
        decisions.push({ caseId: data.caseId, at: now, reason: decision.reason, invitation: null });
        continue;
      }
      const schedule = invitationSchedule(now, {
        remindAfterDays: this.settings.remindAfterDays,
        expireAfterDays: this.settings.expireAfterDays,
      });
      const invitation: SurveyInvitationEntity = {
        id: randomUUID(),
        surveyId: csat!.survey.id,
        version: csat!.survey.currentVersion,
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
      invitations.push(invitation);
      decisions.push({ caseId: data.caseId, at: now, reason: null, invitation: invitation.id });
      if (data.requesterId)
        invitedInThisRun.set(data.requesterId, [...(invitedInThisRun.get(data.requesterId) ?? []), now]);
    }

    await insertEntities(manager, SurveyInvitationEntity, invitations);
    await manager.query(
      `UPDATE csat_case c SET decided_at = d.at, skip_reason = d.reason, invitation_id = d.invitation
         FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::uuid[]) AS d(case_id, at, reason, invitation)
        WHERE c.case_id = d.case_id`,
      [
        decisions.map((d) => d.caseId),
        decisions.map((d) => d.at),
        decisions.map((d) => d.reason),
        decisions.map((d) => d.invitation),
      ],
    );
    await this.issuer.issueAll(
      manager,
      invitations.filter((invitation) => !invitation.imported),
      false,
    );
  }

  /**
   * The resolutions still to decide, each case's first, with whether the case was merged away. Their
   * cases' rows are locked (in one order, so two consumers cannot deadlock) until the decisions commit.
   */
  private async undecidedResolutions(
    envelopes: readonly Resolved[],
    manager: EntityManager,
  ): Promise<{ envelope: Resolved; merged: boolean }[]> {
    const caseIds = [...new Set(envelopes.map(({ data }) => data.caseId.toLowerCase()))];
    await manager.query('INSERT INTO csat_case (case_id) SELECT unnest($1::uuid[]) ON CONFLICT DO NOTHING', [
      caseIds,
    ]);
    const states = (await manager.query(
      `SELECT case_id, merged_into, decided_at FROM csat_case
        WHERE case_id = ANY($1::uuid[]) ORDER BY case_id FOR UPDATE`,
      [caseIds],
    )) as { case_id: string; merged_into: string | null; decided_at: Date | null }[];
    const open = new Map(
      states.filter((state) => !state.decided_at).map((state) => [state.case_id, state.merged_into !== null]),
    );
    const undecided: { envelope: Resolved; merged: boolean }[] = [];
    for (const envelope of envelopes) {
      const caseId = envelope.data.caseId.toLowerCase();
      const merged = open.get(caseId);
      if (merged === undefined) continue;
      open.delete(caseId);
      undecided.push({ envelope, merged });
    }
    return undecided;
  }

  private async merged(manager: EntityManager, mergedCaseId: string, survivorCaseId: string): Promise<void> {
    await manager.query(
      `INSERT INTO csat_case (case_id, merged_into) VALUES ($1, $2)
       ON CONFLICT (case_id) DO UPDATE SET merged_into = EXCLUDED.merged_into`,
      [mergedCaseId, survivorCaseId],
    );
  }

  /** For each requester, their latest invitation sent by `now` (none for a requester with no record). */
  private async lastInvitedAtAll(
    manager: EntityManager,
    requesters: readonly { personId: string | null; now: Date }[],
  ): Promise<(Date | null)[]> {
    if (!requesters.some(({ personId }) => personId)) return requesters.map(() => null);
    const rows = (await manager.query(
      `SELECT (SELECT max(sent_at) FROM survey_invitation WHERE person_id = r.person_id AND sent_at <= r.now) AS at
         FROM unnest($1::uuid[], $2::timestamptz[]) WITH ORDINALITY AS r(person_id, now, n)
        ORDER BY r.n`,
      [requesters.map(({ personId }) => personId), requesters.map(({ now }) => now)],
    )) as { at: Date | null }[];
    return rows.map((row) => row.at);
  }
}
