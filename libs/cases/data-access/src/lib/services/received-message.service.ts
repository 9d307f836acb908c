import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Channel, type ContactInput, contactOf, languageOf, messageBody } from '@homeroom/cases/domain';
import { InvalidInputException } from '@homeroom/shared/errors';
import { isUniqueViolation } from '@homeroom/platform/database';
import type { CaseActor } from './case-actor';
import { ConversationIntakeService } from './conversation-intake.service';

/** The channels a vendor's system hands messages over from; the web form, email and texts have their own intake. */
export const RECEIVED_CHANNELS: readonly Channel[] = ['PHONE', 'SMS', 'CHAT', 'SOCIAL'];

export interface ReceivedMessage {
  channel: Channel;
  /** The client's own id of the message (a voicemail's id): the same message handed over again adds nothing. */
  externalId: string;
  from: ContactInput;
  body: string;
  subject?: string | null;
  schoolId?: string | null;
  /** When the client knows it (BCP 47); otherwise detected. */
  language?: string | null;
}

export type ReceivedOutcome =
  | { kind: 'CREATED'; caseId: string; caseNumber: string }
  | { kind: 'THREADED'; caseId: string; caseNumber: string }
  | { kind: 'DUPLICATE'; caseId: string; caseNumber: string };

/**
 * A message an API client hands over from a channel we do not run (a phone system's voicemail transcript, a
 * social inbox, another SMS gateway): it joins the sender's current conversation on that channel (by phone,
 * else email; as texts do) or opens a case there, triaged and routed like any other. The client's own id of
 * the message makes a retry harmless: the second submission answers with the case the first one reached.
 */
@Injectable()
export class ReceivedMessageService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly conversations: ConversationIntakeService,
  ) {}

  async receive(message: ReceivedMessage, clientId: string, actor: CaseActor): Promise<ReceivedOutcome> {
    if (!RECEIVED_CHANNELS.includes(message.channel))
      throw new InvalidInputException(
        `Messages are handed over from ${RECEIVED_CHANNELS.join(', ')}; ${message.channel} has its own intake`,
        [{ path: 'input.channel', message: 'not a channel messages are handed over from' }],
        'INVALID_CHANNEL',
      );
    const externalId = message.externalId.trim();
    if (!externalId || externalId.length > 200)
      throw new InvalidInputException(
        'The message needs its id in your system (1 to 200 characters)',
        [{ path: 'input.externalId', message: 'required, at most 200 characters' }],
        'EXTERNAL_ID_REQUIRED',
      );
    const body = messageBody(message.body, 'input.body');
    const contact = contactOf(message.from, false);
    const language = languageOf(message.language, '') || null;
    // Keyed by the client: two vendors' ids never meet.
    const externalKey = `${clientId}:${externalId}`;
    const earlier = await this.caseOfMessage(externalKey);
    if (earlier) return { kind: 'DUPLICATE', ...earlier };
    try {
      const { kind, supportCase } = await this.conversations.take(
        {
          channel: message.channel,
          contact,
          body,
          subject: message.subject,
          schoolId: message.schoolId,
          language,
        },
        actor,
        { delivery: { externalKey } },
      );
      return { kind, caseId: supportCase.id, caseNumber: supportCase.number };
    } catch (error) {
      // Two submissions of one message at once: the second one's insert meets the first one's key.
      if (isUniqueViolation(error, 'uq_case_message_external_key')) {
        const first = await this.caseOfMessage(externalKey);
        if (first) return { kind: 'DUPLICATE', ...first };
      }
      throw error;
    }
  }

  private async caseOfMessage(
    externalKey: string,
  ): Promise<{ caseId: string; caseNumber: string } | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT c.id AS "caseId", c.number AS "caseNumber"
         FROM case_message m JOIN support_case c ON c.id = m.case_id WHERE m.external_key = $1`,
      [externalKey],
    )) as { caseId: string; caseNumber: string }[];
    return row;
  }
}
