import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { newLinkToken } from '@homeroom/platform/auth';
import { insertEntities, inTransaction } from '@homeroom/platform/database';
import { batchEventHandler, eventHandler, type EventHandler } from '@homeroom/platform/messaging';
import {
  PeopleMerged,
  PERSON_KINDS,
  PersonCreated,
  PersonDeactivated,
  PersonUpdated,
  StaffRolesChanged,
} from '@homeroom/directory/contracts';
import { ConflictException, InvalidInputException, NotFoundException } from '@homeroom/shared/errors';
import { invitationSchedule, type SurveyAudience } from '@homeroom/surveys/domain';
import { SurveyEntity, SurveyInvitationEntity } from '../entities/survey.entities';
import { SURVEY_SETTINGS, type SurveySettings } from '../survey-settings';
import { InvitationIssuer } from './invitation-issuer';
import { SurveyService } from './survey.service';

export type RecipientKind = (typeof PERSON_KINDS)[number];

/** Who a district survey goes to; an empty list means no condition on that fact. */
export interface AudienceFilter {
  kinds: RecipientKind[];
  schoolIds: string[];
  /** Language subtags (es, en): people whose preferred language is one of them. */
  languages: string[];
  /** Staff roles (AGENT, SCHOOL_ADMIN, …): staff holding any of them. */
  roles: string[];
}

export interface ScheduledSend {
  id: string;
  audience: AudienceFilter;
  sendAt: Date;
  sentAt: Date | null;
  invited: number | null;
  /** Why a send was refused when its time came (the survey closed meanwhile). */
  failure: string | null;
}

/** The directory's kinds each survey audience reaches. */
const KINDS_OF_AUDIENCE: Record<SurveyAudience, RecipientKind> = {
  FAMILIES: 'GUARDIAN',
  STUDENTS: 'STUDENT',
  STAFF: 'STAFF',
  COMMUNITY: 'COMMUNITY',
};

const BATCH_SIZE = 500;

/**
 * District surveys' audiences, drawn from the directory's events (the service keeps ids and routing facts:
 * kind, schools, language, channel, staff roles; never names or addresses), and sending a survey to one:
 * a personal invitation and one-time link each, once per person however often the survey is sent.
 */
@Injectable()
export class AudienceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly surveys: SurveyService,
    private readonly issuer: InvitationIssuer,
    @Inject(SURVEY_SETTINGS) private readonly settings: SurveySettings,
  ) {}

  handlers(): EventHandler[] {
    // A roster import's people arrive a batch at a time: one statement for the batch, each person as their
    // last snapshot in it (one statement cannot upsert a row twice).
    const upsertPeople = (
      people: readonly {
        personId: string;
        kind: string;
        schoolIds: string[];
        preferredLanguage: string;
        preferredChannel: string | null;
        active: boolean;
      }[],
      manager: EntityManager,
    ) =>
      manager.query(
        `INSERT INTO survey_person (id, kind, school_ids, language, preferred_channel, active)
         SELECT p.id, p.kind, ARRAY(SELECT jsonb_array_elements_text(p.school_ids))::uuid[], p.language,
                p.preferred_channel, p.active
           FROM jsonb_to_recordset($1::jsonb) AS p(id uuid, kind text, school_ids jsonb, language text,
                preferred_channel text, active boolean)
         ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, school_ids = EXCLUDED.school_ids,
           language = EXCLUDED.language, preferred_channel = EXCLUDED.preferred_channel,
           active = EXCLUDED.active, updated_at = now()`,
        [
          JSON.stringify(
            [...new Map(people.map((person) => [person.personId, person])).values()].map((person) => ({
              id: person.personId,
              kind: person.kind,
              school_ids: person.schoolIds,
              language: person.preferredLanguage,
              preferred_channel: person.preferredChannel,
              active: person.active,
            })),
          ),
        ],
      );
    const upsertPeopleOf = (
      events: readonly { data: Parameters<typeof upsertPeople>[0][number] }[],
      manager: EntityManager,
    ) =>
      upsertPeople(
        events.map(({ data }) => data),
        manager,
      );
    const deactivate = (personId: string, manager: EntityManager) =>
      manager.query('UPDATE survey_person SET active = false, updated_at = now() WHERE id = $1', [personId]);
    return [
      batchEventHandler(PersonCreated, upsertPeopleOf),
      batchEventHandler(PersonUpdated, upsertPeopleOf),
      eventHandler(PersonDeactivated, ({ data }, manager) => deactivate(data.personId, manager)),
      eventHandler(PeopleMerged, ({ data }, manager) => deactivate(data.mergedId, manager)),
      eventHandler(StaffRolesChanged, ({ data }, manager) =>
        manager.query('UPDATE survey_person SET roles = $2, updated_at = now() WHERE id = $1', [
          data.personId,
          [...new Set(data.roles.map((grant) => grant.role))],
        ]),
      ),
    ] as EventHandler[];
  }

  /**
   * Plans a send for `at` (the scheduled-sends sweep runs it then, as `send` would now). The survey may
   * still be a draft; it must be open when the time comes, or the send is recorded as failed.
   */
  async schedule(
    surveyId: string,
    audience: AudienceFilter,
    at: Date,
  ): Promise<{ id: string; sendAt: Date }> {
    const { survey } = await this.checked(surveyId, audience);
    if (survey.status === 'CLOSED') throw new ConflictException('The survey is closed', 'SURVEY_CLOSED');
    const id = randomUUID();
    await this.dataSource.query(
      'INSERT INTO survey_send (id, survey_id, audience, send_at) VALUES ($1, $2, $3, $4)',
      [id, surveyId, audience, at],
    );
    return { id, sendAt: at };
  }

  /** A survey's scheduled sends, next first, then those done (with how many they invited or why they failed). */
  async scheduledSends(surveyId: string): Promise<ScheduledSend[]> {
    const rows = (await this.dataSource.query(
      `SELECT id, audience, send_at, sent_at, invited, failure FROM survey_send WHERE survey_id = $1
        ORDER BY sent_at IS NOT NULL, send_at`,
      [surveyId],
    )) as {
      id: string;
      audience: AudienceFilter;
      send_at: Date;
      sent_at: Date | null;
      invited: number | null;
      failure: string | null;
    }[];
    return rows.map((row) => ({
      id: row.id,
      audience: row.audience,
      sendAt: row.send_at,
      sentAt: row.sent_at,
      invited: row.invited,
      failure: row.failure,
    }));
  }

  /** Cancels a send not yet made; false when there is no such send or it has gone (or is going) already. */
  async cancelScheduledSend(id: string): Promise<boolean> {
    const [rows] = (await this.dataSource.query(
      `DELETE FROM survey_send WHERE id = $1 AND sent_at IS NULL AND (claimed_until IS NULL OR claimed_until < now())
       RETURNING id`,
      [id],
    )) as [unknown[], number];
    return rows.length > 0;
  }

  /** The survey, if it is a district survey and the audience is within the kinds it was written for. */
  private async checked(surveyId: string, audience: AudienceFilter) {
    const survey = await this.dataSource.manager.findOneBy(SurveyEntity, { id: surveyId });
    if (!survey) throw new NotFoundException('Survey');
    if (survey.kind !== 'DISTRICT')
      throw new ConflictException(
        'The satisfaction survey goes out after cases, not to an audience',
        'NOT_A_DISTRICT_SURVEY',
      );
    const definition = await this.surveys.definition(
      this.dataSource.manager,
      surveyId,
      survey.currentVersion,
    );
    const allowed = definition.audiences.map((written) => KINDS_OF_AUDIENCE[written]);
    const outside = audience.kinds.filter((kind) => !allowed.includes(kind));
    if (outside.length)
      throw new InvalidInputException(
        `The survey was written for ${definition.audiences.join(', ').toLowerCase()}`,
        outside.map((kind) => ({
          path: 'audience.kinds',
          message: `${kind} is outside the survey's audiences`,
        })),
        'AUDIENCE_OUTSIDE_SURVEY',
      );
    return { survey, allowed };
  }

  /**
   * A new anonymous link to a district survey, for a newsletter or the district's website: anyone may open
   * it, each answer is a response of its own, and closing the survey stops it. Only its hash is kept, so
   * the link is shown once.
   */
  async openLink(surveyId: string): Promise<string> {
    const survey = await this.dataSource.manager.findOneBy(SurveyEntity, { id: surveyId });
    if (!survey) throw new NotFoundException('Survey');
    if (survey.kind !== 'DISTRICT')
      throw new ConflictException(
        'The satisfaction survey is answered by personal links only',
        'NOT_A_DISTRICT_SURVEY',
      );
    const { token, hash } = newLinkToken();
    await this.dataSource.query('INSERT INTO survey_open_link (token_hash, survey_id) VALUES ($1, $2)', [
      hash,
      surveyId,
    ]);
    return this.issuer.linkFor(token);
  }

  /**
   * Invites everyone in the audience not invited yet (in batches, each its own transaction, so a large
   * district is not one long transaction). The survey must be an open district survey, and the audience
   * within the kinds of people it was written for.
   */
  async send(
    surveyId: string,
    audience: AudienceFilter,
  ): Promise<{ invited: number; alreadyInvited: number }> {
    const { survey, allowed } = await this.checked(surveyId, audience);
    if (survey.status !== 'OPEN')
      throw new ConflictException('Open the survey before sending it', 'SURVEY_NOT_OPEN');
    const kinds = audience.kinds.length ? audience.kinds : allowed;
    const now = new Date();
    const expiresAt =
      survey.closesAt && survey.closesAt > now
        ? survey.closesAt
        : new Date(now.getTime() + this.settings.expireAfterDays * 86_400_000);
    const { remindAt } = invitationSchedule(now, {
      remindAfterDays: this.settings.remindAfterDays,
      expireAfterDays: Math.max(1, (expiresAt.getTime() - now.getTime()) / 86_400_000),
    });
    const params = [
      surveyId,
      kinds,
      audience.schoolIds.length ? audience.schoolIds : null,
      audience.languages.length ? audience.languages.map((l) => l.toLowerCase().split('-')[0]) : null,
      audience.roles.length ? audience.roles : null,
    ];
    const matching = `FROM survey_person p
      WHERE p.active AND p.kind = ANY($2::text[])
        AND ($3::uuid[] IS NULL OR p.school_ids && $3::uuid[])
        AND ($4::text[] IS NULL OR lower(split_part(p.language, '-', 1)) = ANY($4::text[]))
        AND ($5::text[] IS NULL OR p.roles && $5::text[])`;
    const [{ n: alreadyInvited }] = (await this.dataSource.query(
      `SELECT count(*)::int AS n ${matching}
         AND EXISTS (SELECT 1 FROM survey_invitation i WHERE i.survey_id = $1 AND i.person_id = p.id AND i.case_id IS NULL)`,
      params,
    )) as [{ n: number }];
    let invited = 0;
    for (;;) {
      const batch = await inTransaction(this.dataSource, async (manager) => {
        const people = (await manager.query(
          `SELECT p.id, p.language, p.preferred_channel ${matching}
             AND NOT EXISTS (SELECT 1 FROM survey_invitation i WHERE i.survey_id = $1 AND i.person_id = p.id AND i.case_id IS NULL)
           ORDER BY p.id LIMIT ${BATCH_SIZE}`,
          params,
        )) as { id: string; language: string; preferred_channel: string | null }[];
        // The batch's invitations in one statement and their links and events in one each (the survey's
        // title read once), rather than several statements a person.
        const invitations = people.map((person): SurveyInvitationEntity => ({
          id: randomUUID(),
          surveyId,
          version: survey.currentVersion,
          caseId: null,
          caseNumber: null,
          personId: person.id,
          channel: person.preferred_channel === 'SMS' ? 'SMS' : 'EMAIL',
          language: person.language,
          schoolId: null,
          topicId: null,
          assigneeId: null,
          caseChannel: null,
          imported: false,
          sentAt: now,
          remindAt,
          remindedAt: null,
          expiresAt,
          respondedAt: null,
          score: null,
        }));
        await insertEntities(manager, SurveyInvitationEntity, invitations);
        await this.issuer.issueAll(manager, invitations, false);
        return people.length;
      });
      invited += batch;
      if (batch < BATCH_SIZE) break;
    }
    await this.dataSource.manager.update(
      SurveyEntity,
      { id: surveyId },
      { audience: { ...audience }, updatedAt: new Date() },
    );
    return { invited, alreadyInvited };
  }
}
