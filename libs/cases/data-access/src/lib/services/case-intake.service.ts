import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { InvalidInputException } from '@homeroom/shared/errors';
import { inTransaction } from '@homeroom/platform/database';
import { OutboxWriter } from '@homeroom/platform/messaging';
import {
  type CaseType,
  type Channel,
  type ContactInput,
  contactOf,
  formatCaseNumber,
  languageOf,
  messageBody,
  type Priority,
  STAFF_LOGGED_CHANNELS,
  subjectOf,
  UNVERIFIED_CHANNELS,
} from '@homeroom/cases/domain';
import { detectSafetyConcerns } from '@homeroom/shared/safety';
import { CaseOpened } from '@homeroom/cases/contracts';
import { CaseEntity, KnownSchoolEntity, TopicEntity } from '../entities';
import { type CaseActor, REQUESTER, SYSTEM } from './case-actor';
import { RoutingService } from '../routing/routing.service';
import { AlertService } from '../alerts/alert.service';
import { TriageService } from '../triage/triage.service';
import { assertKnownRequester, matchRequester, requesterKindOf } from '../requesters/requester-matcher';
import { CaseWriter, type InboundDelivery } from './case-writer';
import { detectLanguage } from '@homeroom/platform/language';
import { type MessageAttachments, NO_ATTACHMENTS } from '../attachments/attachment-types';
import { addLink } from './case-relations.service';
import { newLinkToken } from '@homeroom/platform/auth';
import { newReplyToken } from '../email/reply-address';

export interface IntakeSettings {
  /** The case number prefix (HR-2026-…). */
  numberPrefix: string;
  /** The district's time zone: case numbers take the local year. */
  timeZone: string;
  /** The district's default language, for inquiries that name none. */
  defaultLanguage: string;
  /**
   * The languages the district's families write in (BCP 47): an inbound message's language is detected among
   * them. Unset: the default language only, which detects nothing.
   */
  languages?: readonly string[];
  /** How often the automation sweep runs (AutomationService); a minute unless configured. */
  automationSweepSeconds?: number;
}

export const INTAKE_SETTINGS = Symbol('INTAKE_SETTINGS');

export interface InquiryInput {
  message: string;
  subject?: string | null;
  schoolId?: string | null;
  topicId?: string | null;
  language?: string | null;
  requester?: ContactInput | null;
  anonymous?: boolean | null;
}

export interface StaffCaseInput {
  channel: Channel;
  description: string;
  subject?: string | null;
  schoolId?: string | null;
  topicId?: string | null;
  priority?: Priority | null;
  type?: CaseType | null;
  language?: string | null;
  requesterId?: string | null;
  contact?: ContactInput | null;
  confidential?: boolean | null;
}

export interface OpenedCase {
  supportCase: CaseEntity;
  /** Shown to the requester once, in their confirmation and link. */
  trackingToken: string;
}

/** Every way a contact becomes a case: the public form, staff logging a call or visit, email (EmailIntakeService). */
@Injectable()
export class CaseIntakeService {
  /** The district's year now; made once, as building a formatter costs more than the rest of numbering. */
  private readonly districtYear: Intl.DateTimeFormat;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    @Inject(INTAKE_SETTINGS) private readonly settings: IntakeSettings,
    private readonly routing: RoutingService,
    private readonly alerts: AlertService,
    private readonly triage: TriageService,
  ) {
    this.districtYear = new Intl.DateTimeFormat('en', { timeZone: settings.timeZone, year: 'numeric' });
  }

  /** The language an inbound message is written in, among the district's languages; null when unclear. */
  messageLanguage(text: string): string | null {
    return detectLanguage(text, this.settings.languages ?? [this.settings.defaultLanguage])?.language ?? null;
  }

  /**
   * The public inquiry form: no sign-in, anonymous allowed. The chat widget opens its conversation the same
   * way (channel CHAT, in the transaction that also starts the chat session).
   */
  submitInquiry(
    input: InquiryInput,
    attachments: MessageAttachments = NO_ATTACHMENTS,
    { channel = 'WEB_FORM', manager }: { channel?: 'WEB_FORM' | 'CHAT'; manager?: EntityManager } = {},
  ): Promise<OpenedCase> {
    const body = messageBody(input.message);
    const anonymous = input.anonymous ?? false;
    return this.open(
      {
        subject: subjectOf(input.subject, body),
        channel,
        priority: 'NORMAL',
        type: null,
        schoolId: input.schoolId ?? null,
        topicId: input.topicId ?? null,
        requesterId: null,
        // A chat is answered while the family is in it; an address is for afterwards, when they give one.
        contact: contactOf(input.requester, anonymous, channel !== 'CHAT'),
        anonymous,
        confidential: false,
        language: languageOf(input.language, this.settings.defaultLanguage),
      },
      body,
      REQUESTER,
      // Whoever types into a public page may type anyone's address (ADR 19), whatever the channel.
      { attachments, manager, unverifiedContact: true },
    );
  }

  /** A phone call, a walk-in, a chat: staff record it on the requester's behalf. */
  createCase(input: StaffCaseInput, actor: CaseActor): Promise<OpenedCase> {
    if (!STAFF_LOGGED_CHANNELS.includes(input.channel)) {
      throw new InvalidInputException(
        `Staff log ${STAFF_LOGGED_CHANNELS.join(', ')} contacts; ${input.channel} has its own intake`,
        [{ path: 'channel', message: 'not a staff-logged channel' }],
        'INVALID_CHANNEL',
      );
    }
    const body = messageBody(input.description, 'description');
    const hasContact = Boolean(input.contact?.email?.trim() || input.contact?.phone?.trim());
    return this.open(
      {
        subject: subjectOf(input.subject, body),
        channel: input.channel,
        priority: input.priority ?? 'NORMAL',
        type: input.type ?? null,
        schoolId: input.schoolId ?? null,
        topicId: input.topicId ?? null,
        requesterId: input.requesterId ?? null,
        // A known requester needs no snapshot; an unknown one must leave a way to answer them.
        contact:
          input.requesterId && !hasContact
            ? { name: input.contact?.name?.trim() || null, email: null, phone: null }
            : contactOf(input.contact, false),
        anonymous: false,
        confidential: input.confidential ?? false,
        language: languageOf(input.language, this.settings.defaultLanguage),
      },
      body,
      actor,
    );
  }

  /** Opens a case in one transaction: number, case, first message, timeline and events, or nothing. */
  async open(
    fields: Omit<
      CaseEntity,
      | 'id'
      | 'number'
      | 'status'
      | 'trackingTokenHash'
      | 'createdAt'
      | 'updatedAt'
      | 'firstRespondedAt'
      | 'resolvedAt'
      | 'slaDueAt'
      | 'version'
      | 'assigneeId'
      | 'teamId'
      | 'departmentId'
      | 'followUpOfId'
      | 'tags'
      | 'mergedIntoId'
      | 'sentiment'
      | 'sentimentScore'
      | 'replyToken'
      | 'requesterCandidateId'
      | 'requesterConfirmationSentAt'
      | 'requesterConfirmedAt'
    > & { followUpOfId?: string | null; tags?: string[]; requesterCandidateId?: string | null },
    body: string,
    actor: CaseActor,
    {
      manager,
      attachments = NO_ATTACHMENTS,
      delivery: arrival = {},
      unverifiedContact,
    }: {
      /** A transaction to open it in (a follow-up opened with what caused it); its own one otherwise. */
      manager?: EntityManager;
      attachments?: MessageAttachments;
      /** How the first message arrived (an email's or a text's second-delivery key). */
      delivery?: InboundDelivery;
      /** The contact was typed by whoever wrote (a public page): a matched person is only a candidate. */
      unverifiedContact?: boolean;
    } = {},
  ): Promise<OpenedCase> {
    // A safety concern makes the case URGENT from its first moment, before routing reads the priority.
    const concerns = detectSafetyConcerns(`${fields.subject}\n${body}`);
    if (concerns.length) fields = { ...fields, priority: 'URGENT' };
    const checkReferences = async (db: EntityManager) => {
      await this.checkReferences(db, fields.schoolId, fields.topicId);
      if (fields.requesterId) await assertKnownRequester(db, fields.requesterId);
    };
    // The references are checked and the number taken before the transaction, each statement on its own
    // (ADR 27): a refused intake takes no number, and one intake never holds two connections. Within a
    // caller's transaction (a follow-up), both happen on that transaction's connection.
    let number: string | null = null;
    if (!manager) {
      await checkReferences(this.dataSource.manager);
      number = await this.nextNumber(this.dataSource.manager);
    }
    const work = async (tx: EntityManager): Promise<OpenedCase> => {
      if (manager) await checkReferences(tx);
      const known = fields.requesterId || fields.requesterCandidateId || fields.anonymous;
      const match = known ? null : await matchRequester(tx, fields.contact);
      // Anyone can type anyone's address into the form: there, a match waits for its owner to confirm.
      const unverified = unverifiedContact ?? UNVERIFIED_CHANNELS.includes(fields.channel);
      if (match?.kind === 'matched')
        fields = unverified
          ? { ...fields, requesterCandidateId: match.personId }
          : { ...fields, requesterId: match.personId };
      // Triage before routing: a classified topic is what topic-based rules route on.
      const triage = await this.triage.triage(tx, `${fields.subject}\n${body}`, Boolean(fields.topicId));
      if (triage.topic) fields = { ...fields, topicId: triage.topic.topicId };
      const { token, hash } = newLinkToken();
      const supportCase = tx.create(CaseEntity, {
        ...fields,
        id: randomUUID(),
        number: number ?? (await this.nextNumber(tx)),
        status: 'NEW',
        trackingTokenHash: hash,
        // Always a new one: a follow-up copies the original's fields, but answers to its own address.
        replyToken: newReplyToken(),
        followUpOfId: fields.followUpOfId ?? null,
        requesterCandidateId: fields.requesterCandidateId ?? null,
        requesterConfirmationSentAt: null,
        requesterConfirmedAt: null,
        tags: fields.tags ?? [],
        mergedIntoId: null,
        sentiment: triage.sentiment.label,
        sentimentScore: Math.round(triage.sentiment.score * 1000) / 1000,
        assigneeId: null,
        teamId: null,
        departmentId: null,
      });
      // insert, not save: the id is new, so the SELECT that save sends first to tell insert from update is wasted.
      await tx.insert(CaseEntity, supportCase);
      if (supportCase.followUpOfId)
        await addLink(tx, supportCase.id, supportCase.followUpOfId, 'FOLLOW_UP', actor);
      await this.outbox.append(tx, CaseOpened, {
        aggregateId: supportCase.id,
        data: {
          caseId: supportCase.id,
          number: supportCase.number,
          channel: supportCase.channel,
          priority: supportCase.priority,
          topicId: supportCase.topicId,
          schoolId: supportCase.schoolId,
          requesterId: supportCase.requesterId,
          requesterKind: await requesterKindOf(tx, supportCase.requesterId),
          anonymous: supportCase.anonymous,
          confidential: supportCase.confidential,
          language: supportCase.language,
          openedAt: supportCase.createdAt.toISOString(),
        },
      });
      const writer = new CaseWriter(tx, this.outbox);
      await writer.timeline(supportCase, 'OPENED', actor, {
        channel: supportCase.channel,
        ...(fields.followUpOfId ? { followUpOf: fields.followUpOfId } : {}),
      });
      if (triage.topic) {
        const { topic, confidence, evidence } = triage.topic;
        await writer.timeline(supportCase, 'TOPIC_CLASSIFIED', SYSTEM, {
          topic,
          confidence,
          evidence,
        });
      }
      if (match && match.kind !== 'none') {
        await writer.timeline(
          supportCase,
          match.kind === 'matched' ? 'REQUESTER_MATCHED' : 'REQUESTER_AMBIGUOUS',
          SYSTEM,
          match.kind === 'matched'
            ? { personId: match.personId, by: match.by, confirmed: !unverified }
            : { candidates: match.candidates },
        );
      }
      const delivery = { language: this.messageLanguage(body), ...arrival };
      await writer.message(supportCase, 'INBOUND', body, actor, attachments, delivery);
      await this.alerts.raise(tx, this.outbox, supportCase, `${supportCase.subject}\n${body}`, concerns);
      await this.routing.route(tx, this.outbox, supportCase, `${supportCase.subject}\n${body}`);
      return { supportCase, trackingToken: token };
    };
    return manager ? work(manager) : inTransaction(this.dataSource, work);
  }

  /**
   * The next number of the district's local year. Outside a transaction (ADR 27) the year row is locked
   * for this statement only, not for the rest of the intake, so concurrent intakes do not queue behind one
   * another; an intake that fails afterwards leaves its number unused.
   */
  private async nextNumber(manager: EntityManager): Promise<string> {
    const year = Number(this.districtYear.format(new Date()));
    const [row] = (await manager.query(
      `INSERT INTO case_number_sequence (year, last_value) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last_value = case_number_sequence.last_value + 1
       RETURNING last_value`,
      [year],
    )) as { last_value: number }[];
    return formatCaseNumber(this.settings.numberPrefix, year, row!.last_value);
  }

  /** The school and topic a case names must be ones the district has (and still uses). */
  async checkReferences(
    manager: EntityManager,
    schoolId: string | null,
    topicId: string | null,
  ): Promise<void> {
    if (schoolId && !(await manager.existsBy(KnownSchoolEntity, { id: schoolId, active: true }))) {
      throw new InvalidInputException(
        'There is no such school',
        [{ path: 'schoolId', message: 'unknown or inactive school' }],
        'UNKNOWN_SCHOOL',
      );
    }
    if (topicId && !(await manager.existsBy(TopicEntity, { id: topicId, active: true }))) {
      throw new InvalidInputException(
        'There is no such topic',
        [{ path: 'topicId', message: 'unknown or inactive topic' }],
        'UNKNOWN_TOPIC',
      );
    }
  }
}
