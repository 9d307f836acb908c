import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Channel, type Contact, subjectOf } from '@homeroom/cases/domain';
import type { CaseEntity } from '../entities';
import { type MessageAttachments, NO_ATTACHMENTS } from '../attachments/attachment-types';
import type { CaseActor } from './case-actor';
import {
  CaseIntakeService,
  INTAKE_SETTINGS,
  type IntakeSettings,
  type OpenedCase,
} from './case-intake.service';
import type { InboundDelivery } from './case-writer';
import { CaseService } from './case.service';
import { currentConversation } from './conversations';

/** A requester's message on a channel with no form to fill: a text, a voicemail transcript, a post. */
export interface ChannelMessage {
  channel: Channel;
  contact: Contact;
  /** As it will be kept (checked and cut by the caller's channel rules). */
  body: string;
  subject?: string | null;
  schoolId?: string | null;
  /** When the channel says; otherwise detected, else the district's default. */
  language?: string | null;
}

export type ConversationOutcome =
  | { kind: 'CREATED'; supportCase: CaseEntity }
  | { kind: 'THREADED'; supportCase: CaseEntity; followUp?: OpenedCase };

/**
 * The one way a message from a channel without threads of its own (texts, integrations' messages) reaches a
 * case: it joins the sender's current conversation on that channel (currentConversation) or opens a case
 * there, triaged and routed like any other. The channel's intake keeps its own rules (signatures, keywords,
 * second deliveries) and hands over the message, its files and how it arrived.
 */
@Injectable()
export class ConversationIntakeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly intake: CaseIntakeService,
    private readonly cases: CaseService,
    @Inject(INTAKE_SETTINGS) private readonly settings: IntakeSettings,
  ) {}

  async take(
    message: ChannelMessage,
    /** Who opens a new case (the requester, or the integration that handed the message over). */
    actor: CaseActor,
    {
      attachments = NO_ATTACHMENTS,
      delivery = {},
    }: { attachments?: MessageAttachments; delivery?: InboundDelivery } = {},
  ): Promise<ConversationOutcome> {
    const arrival = message.language ? { ...delivery, language: message.language } : delivery;
    const conversation = await currentConversation(this.dataSource.manager, message.channel, message.contact);
    if (conversation) {
      const { supportCase, followUp } = await this.cases.requesterReply(
        conversation.id,
        message.body,
        attachments,
        arrival,
      );
      return { kind: 'THREADED', supportCase, ...(followUp ? { followUp } : {}) };
    }
    const { supportCase } = await this.intake.open(
      {
        subject: subjectOf(message.subject, message.body),
        channel: message.channel,
        priority: 'NORMAL',
        type: null,
        schoolId: message.schoolId ?? null,
        topicId: null,
        requesterId: null,
        contact: message.contact,
        anonymous: false,
        confidential: false,
        // What the requester wrote in, as far as it can be told: they chose no language anywhere.
        language:
          message.language ?? this.intake.messageLanguage(message.body) ?? this.settings.defaultLanguage,
      },
      message.body,
      actor,
      { attachments, delivery: arrival },
    );
    return { kind: 'CREATED', supportCase };
  }
}
