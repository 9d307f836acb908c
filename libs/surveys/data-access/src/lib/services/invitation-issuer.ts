import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { newLinkToken } from '@homeroom/platform/auth';
import { insertRows, type InsertColumn } from '@homeroom/platform/database';
import { OutboxWriter } from '@homeroom/platform/messaging';
import { LOGGER, type Logger } from '@homeroom/platform/observability';
import { SurveyInvitationIssued } from '@homeroom/surveys/contracts';
import { translate, type InvitationChannel } from '@homeroom/surveys/domain';
import type { SurveyInvitationEntity } from '../entities/survey.entities';
import { SURVEY_SETTINGS, type SurveySettings } from '../survey-settings';
import { invitationMessage } from './invitation-message';
import { SurveyService } from './survey.service';

/** A one-time link as stored: its hash only. */
const LINK_COLUMNS: InsertColumn<{ hash: string; invitationId: string }>[] = [
  { name: 'token_hash', type: 'text', value: (link) => link.hash },
  { name: 'invitation_id', type: 'uuid', value: (link) => link.invitationId },
];

/**
 * Sends an invitation on its way: a new one-time link (only its hash is kept) and the message carrying it,
 * to the outbox as SurveyInvitationIssued for the service that holds the recipient's address (ADR 0012).
 * A reminder brings its own link (the first cannot be sent again); either answers the invitation, once.
 */
@Injectable()
export class InvitationIssuer {
  constructor(
    private readonly surveys: SurveyService,
    private readonly outbox: OutboxWriter,
    @Inject(SURVEY_SETTINGS) private readonly settings: SurveySettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async issue(manager: EntityManager, invitation: SurveyInvitationEntity, reminder: boolean): Promise<void> {
    await this.issueAll(manager, [invitation], reminder);
  }

  /** Several invitations at once: a statement for their links and one for their events, however many. */
  async issueAll(
    manager: EntityManager,
    invitations: readonly SurveyInvitationEntity[],
    reminder: boolean,
  ): Promise<void> {
    if (invitations.length === 0) return;
    const tokens = invitations.map(() => newLinkToken());
    await insertRows(
      manager,
      'survey_link',
      LINK_COLUMNS,
      tokens.map(({ hash }, index) => ({
        hash,
        invitationId: invitations[index]!.id,
      })),
    );
    const titles = new Map<string, Promise<string>>();
    const titleOf = (invitation: SurveyInvitationEntity) => {
      const key = `${invitation.surveyId}/${invitation.version}/${invitation.language}`;
      if (!titles.has(key)) titles.set(key, this.titleOf(manager, invitation));
      return titles.get(key)!;
    };
    const events = [];
    for (const [index, invitation] of invitations.entries()) {
      const link = this.linkFor(tokens[index]!.token);
      const message = invitationMessage({
        channel: invitation.channel as InvitationChannel,
        language: invitation.language,
        link,
        reminder,
        about: invitation.caseId
          ? { caseNumber: invitation.caseNumber }
          : {
              surveyTitle: await titleOf(invitation),
              closesAt: invitation.expiresAt,
              timeZone: this.settings.timeZone,
            },
      });
      events.push({
        aggregateId: invitation.id,
        data: {
          invitationId: invitation.id,
          surveyId: invitation.surveyId,
          caseId: invitation.caseId,
          personId: invitation.personId,
          channel: invitation.channel,
          language: invitation.language,
          reminder,
          subject: message.subject,
          body: message.body,
          link,
          expiresAt: invitation.expiresAt.toISOString(),
        },
      });
    }
    await this.outbox.appendAll(manager, SurveyInvitationIssued, events);
    for (const { id } of invitations)
      this.logger.debug({ invitationId: id, reminder }, 'survey invitation issued');
  }

  /** Where a token is answered: the portal's survey page. */
  linkFor(token: string): string {
    return `${this.settings.portalUrl.replace(/\/+$/, '')}/s/${token}`;
  }

  private async titleOf(manager: EntityManager, invitation: SurveyInvitationEntity): Promise<string> {
    const definition = await this.surveys.definition(manager, invitation.surveyId, invitation.version);
    return translate(definition.title, invitation.language, definition.defaultLanguage);
  }
}
