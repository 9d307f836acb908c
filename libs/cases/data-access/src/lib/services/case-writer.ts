import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { OutboxWriter } from '@homeroom/platform/messaging';
import type { CaseStatus, MessageDirection, ReviewStatus, VitalCategory } from '@homeroom/cases/domain';
import { CaseMessageAdded, CaseResolved, CaseStatusChanged, CaseUpdated } from '@homeroom/cases/contracts';
import { CaseAttachmentEntity, type CaseEntity, CaseMessageEntity } from '../entities';
import { type MessageAttachments, NO_ATTACHMENTS } from '../attachments/attachment-types';
import { requesterKindOf } from '../requesters/requester-matcher';
import { type CaseActor, describeActor, SYSTEM } from './case-actor';
import { MET_BY_REPLY, MET_BY_RESOLUTION, SlaAlerts } from './sla-alerts';

/** Where an INBOUND message came from when it was an email. */
/** How a requester's message arrived, where a channel tells: what threads our answers and drops a second delivery. */
export interface InboundDelivery {
  /** An email's Message-ID, without brackets: our replies answer it (In-Reply-To). */
  messageId?: string;
  /** An email's Message-ID with its sender's address: unique, so a second delivery cannot add it again. */
  dedupeKey?: string;
  /** A text message's provider id (Twilio's SM…/MM… sid): unique, so a retried webhook adds nothing. */
  smsMessageSid?: string;
  /** The language the message is written in, as detected (null: unclear). */
  language?: string | null;
  /** An API client's id with its own id of a message it handed over: unique, so a resubmission adds nothing. */
  externalKey?: string;
}

/** What a reply carries about its review (ADR 32). */
export interface ReplyFacts {
  vitalCategory?: VitalCategory | null;
  templateId?: string | null;
  reviewStatus?: ReviewStatus | null;
}

/**
 * The writes every case action shares, inside the action's transaction: a message, a status change, a
 * timeline entry, and their events. One place, so that no action forgets the timeline or the event.
 */
export class CaseWriter {
  constructor(
    private readonly manager: EntityManager,
    private readonly outbox: OutboxWriter,
  ) {}

  async message(
    supportCase: CaseEntity,
    direction: MessageDirection,
    body: string,
    actor: CaseActor,
    attachments: MessageAttachments = NO_ATTACHMENTS,
    delivery: InboundDelivery & ReplyFacts = {},
  ): Promise<CaseMessageEntity> {
    const message = await this.insert(supportCase, direction, body, actor, attachments, delivery);
    await this.sent(supportCase, message, actor, message.createdAt);
    await this.refused(supportCase, message, attachments);
    return message;
  }

  /**
   * A reply held for a qualified translator (ADR 32): kept with its files, but announced to no one
   * (no CaseMessageAdded, so neither email nor text sends it and no SLA counts it) and meeting nothing.
   */
  async heldReply(
    supportCase: CaseEntity,
    body: string,
    actor: CaseActor,
    attachments: MessageAttachments,
    review: { vitalCategory: VitalCategory; language: string; templateId: string | null },
  ): Promise<CaseMessageEntity> {
    const message = await this.insert(supportCase, 'OUTBOUND', body, actor, attachments, {
      ...review,
      reviewStatus: 'PENDING',
    });
    await this.timeline(supportCase, 'REPLY_HELD_FOR_REVIEW', actor, {
      messageId: message.id,
      category: review.vitalCategory,
      language: review.language,
    });
    await this.refused(supportCase, message, attachments);
    return message;
  }

  /**
   * A held reply a translator approved, sent as a reply is when it is written: CaseMessageAdded (which
   * email and text deliver), the first response met, REPLIED on the timeline, all as of `at`.
   */
  async released(supportCase: CaseEntity, message: CaseMessageEntity, at: Date): Promise<void> {
    await this.sent(supportCase, message, { kind: message.authorKind, id: message.authorId }, at);
  }

  private async insert(
    supportCase: CaseEntity,
    direction: MessageDirection,
    body: string,
    actor: CaseActor,
    attachments: MessageAttachments,
    delivery: InboundDelivery & ReplyFacts,
  ): Promise<CaseMessageEntity> {
    const message = this.manager.create(CaseMessageEntity, {
      id: randomUUID(),
      caseId: supportCase.id,
      direction,
      authorKind: actor.kind,
      authorId: actor.id,
      body,
      emailMessageId: delivery.messageId ?? null,
      emailDedupeKey: delivery.dedupeKey ?? null,
      smsMessageSid: delivery.smsMessageSid ?? null,
      language: delivery.language ?? null,
      externalKey: delivery.externalKey ?? null,
      vitalCategory: delivery.vitalCategory ?? null,
      templateId: delivery.templateId ?? null,
      reviewStatus: delivery.reviewStatus ?? null,
    });
    await this.manager.insert(CaseMessageEntity, message);
    // The rows join the message's transaction; their blobs were stored before it (AttachmentService).
    if (attachments.stored.length) {
      await this.manager.insert(
        CaseAttachmentEntity,
        attachments.stored.map((file) => ({ ...file, caseId: supportCase.id, messageId: message.id })),
      );
    }
    // The insert brought back what the database filled in (created_at and the other defaults), so the row
    // is not read again.
    return message;
  }

  private async refused(
    supportCase: CaseEntity,
    message: CaseMessageEntity,
    attachments: MessageAttachments,
  ): Promise<void> {
    if (!attachments.refused.length) return;
    await this.timeline(supportCase, 'ATTACHMENTS_REFUSED', SYSTEM, {
      messageId: message.id,
      refused: attachments.refused,
    });
  }

  /** What a message going out (or coming in) sets off: its event, the first response, the timeline. */
  private async sent(
    supportCase: CaseEntity,
    message: CaseMessageEntity,
    actor: CaseActor,
    at: Date,
  ): Promise<void> {
    const { direction } = message;
    await this.outbox.append(this.manager, CaseMessageAdded, {
      aggregateId: supportCase.id,
      data: { caseId: supportCase.id, messageId: message.id, direction, at: at.toISOString() },
    });
    if (direction === 'OUTBOUND') {
      if (!supportCase.firstRespondedAt) supportCase.firstRespondedAt = at;
      await SlaAlerts.clear(this.manager, supportCase, MET_BY_REPLY);
    }
    await this.timeline(
      supportCase,
      direction === 'INTERNAL_NOTE'
        ? 'NOTE_ADDED'
        : direction === 'OUTBOUND'
          ? 'REPLIED'
          : 'MESSAGE_RECEIVED',
      actor,
      { messageId: message.id },
    );
  }

  /**
   * Moves the case to `to` (CaseStatusChanged, and CaseResolved on resolving). `sendSurvey: false` resolves
   * without asking the requester how it went (a bereavement, a legal matter).
   */
  async status(
    supportCase: CaseEntity,
    to: CaseStatus,
    actor: CaseActor,
    reason?: string,
    { sendSurvey = true }: { sendSurvey?: boolean } = {},
  ): Promise<void> {
    const from = supportCase.status;
    if (from === to) return;
    const at = new Date();
    supportCase.status = to;
    if (to === 'RESOLVED') supportCase.resolvedAt = at;
    if (from === 'RESOLVED' && to === 'OPEN') supportCase.resolvedAt = null;
    if (to === 'RESOLVED' || to === 'CLOSED')
      await SlaAlerts.clear(this.manager, supportCase, MET_BY_RESOLUTION);
    await this.outbox.append(this.manager, CaseStatusChanged, {
      aggregateId: supportCase.id,
      data: { caseId: supportCase.id, from, to, at: at.toISOString() },
    });
    if (to === 'RESOLVED') {
      await this.outbox.append(this.manager, CaseResolved, {
        aggregateId: supportCase.id,
        data: {
          caseId: supportCase.id,
          number: supportCase.number,
          requesterId: supportCase.requesterId,
          anonymous: supportCase.anonymous,
          confidential: supportCase.confidential,
          channel: supportCase.channel,
          language: supportCase.language,
          schoolId: supportCase.schoolId,
          topicId: supportCase.topicId,
          assigneeId: supportCase.assigneeId,
          resolvedAt: at.toISOString(),
          survey: await this.surveyFacts(supportCase, sendSurvey),
        },
      });
    }
    await this.timeline(supportCase, 'STATUS_CHANGED', actor, { from, to, ...(reason ? { reason } : {}) });
  }

  /** What the surveys service decides a satisfaction invitation on; the contact itself stays here. */
  private async surveyFacts(supportCase: CaseEntity, sendSurvey: boolean) {
    const reachableBy: ('EMAIL' | 'SMS')[] = [];
    if (supportCase.contact.email) reachableBy.push('EMAIL');
    if (supportCase.contact.phone) reachableBy.push('SMS');
    const [duplicate] = (await this.manager.query(
      `SELECT 1 FROM case_link WHERE case_id = $1 AND kind = 'DUPLICATE_OF' LIMIT 1`,
      [supportCase.id],
    )) as unknown[];
    return {
      reachableBy,
      requesterKind: await requesterKindOf(this.manager, supportCase.requesterId),
      duplicate: duplicate !== undefined,
      optedOut: !sendSurvey,
    };
  }

  /** CaseUpdated: the routing facts other services key on (priority, topic, school, assignment) as they are now. */
  async updated(supportCase: CaseEntity, at: Date = new Date()): Promise<void> {
    await this.outbox.append(this.manager, CaseUpdated, {
      aggregateId: supportCase.id,
      data: {
        caseId: supportCase.id,
        priority: supportCase.priority,
        topicId: supportCase.topicId,
        schoolId: supportCase.schoolId,
        assigneeId: supportCase.assigneeId,
        teamId: supportCase.teamId,
        at: at.toISOString(),
      },
    });
  }

  async timeline(
    supportCase: CaseEntity,
    kind: string,
    actor: CaseActor,
    details: Record<string, unknown> = {},
  ): Promise<void> {
    await this.manager.query(
      'INSERT INTO case_timeline (case_id, kind, actor, details) VALUES ($1, $2, $3, $4)',
      [supportCase.id, kind, describeActor(actor), details],
    );
  }
}
