import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { NotFoundException } from '@homeroom/shared/errors';
import { inTransaction } from '@homeroom/platform/database';
import { eventHandler, OutboxWriter } from '@homeroom/platform/messaging';
import {
  assertMayReview,
  canTransition,
  messageBody,
  returnReason,
  type VitalCategory,
} from '@homeroom/cases/domain';
import { MessageTranslated } from '@homeroom/cases/contracts';
import { TranslatorLanguagesChanged } from '@homeroom/directory/contracts';
import { CaseEntity, CaseMessageEntity, ReplyTemplateEntity } from '../entities';
import { type CaseActor, describeActor } from '../services/case-actor';
import { CaseWriter } from '../services/case-writer';

/**
 * The vital category a case carries: that of the newest reply from a vital template on it. A reply sent
 * machine-translated on it afterwards waits for review too (reviewCategoryOf).
 */
export async function vitalCategoryOfCase(
  manager: EntityManager,
  caseId: string,
): Promise<VitalCategory | null> {
  const [row] = (await manager.query(
    `SELECT vital_category FROM case_message WHERE case_id = $1 AND vital_category IS NOT NULL
      ORDER BY created_at DESC, id DESC LIMIT 1`,
    [caseId],
  )) as { vital_category: VitalCategory }[];
  return row?.vital_category ?? null;
}

/**
 * The directory's qualified translators, as its events tell them (TranslatorLanguagesChanged, keyed by the
 * person, so in order per person): the whole list each time, so the last event is the truth.
 */
export const TRANSLATOR_READ_MODEL = [
  eventHandler(TranslatorLanguagesChanged, async ({ data }, manager) => {
    await manager.query(
      `INSERT INTO known_translator (person_id, languages) VALUES ($1, $2)
       ON CONFLICT (person_id) DO UPDATE SET languages = EXCLUDED.languages, updated_at = now()`,
      [data.personId, data.languages.map((tag) => tag.toLowerCase().split('-')[0]!)],
    );
  }),
];

/** A held reply as its reviewer finds it: the message and its case. */
export interface HeldReply {
  message: CaseMessageEntity;
  supportCase: CaseEntity;
}

/**
 * Review of vital messages by a qualified translator (issue 22, ADR 32). A held reply is approved (maybe
 * with its text corrected), then sent as any reply is, the reviewer kept on the translation, the timeline
 * and MessageTranslated; or returned to its author with a reason, and never sent. The caller's reach over
 * the case is the resolver's to check; who may review a message at all is the domain's (assertMayReview).
 */
@Injectable()
export class VitalReviewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  /** The languages the directory marked this staff member a qualified translator for (none: []). */
  async languagesOf(personId: string): Promise<string[]> {
    const [row] = (await this.dataSource.query(
      'SELECT languages FROM known_translator WHERE person_id = $1',
      [personId],
    )) as { languages: string[] }[];
    return row?.languages ?? [];
  }

  /** The case of a message, for the caller's reach to be checked before anything is locked. */
  async caseIdOf(messageId: string): Promise<string> {
    const message = await this.dataSource
      .getRepository(CaseMessageEntity)
      .findOne({ where: { id: messageId }, select: { id: true, caseId: true } });
    if (!message) throw new NotFoundException('Message');
    return message.caseId;
  }

  /**
   * Approves a held reply and sends it. `correctedBody`: the reviewer's correction, which is what the
   * requester receives; the text as held is kept on the timeline.
   */
  approve(messageId: string, reviewer: CaseActor, correctedBody?: string | null): Promise<CaseMessageEntity> {
    const corrected = correctedBody == null ? null : messageBody(correctedBody, 'body');
    return this.review(messageId, reviewer, async ({ message, supportCase }, writer, manager) => {
      const at = new Date();
      const heldText = message.body;
      const changed = corrected !== null && corrected !== heldText;
      Object.assign(message, {
        body: changed ? corrected : heldText,
        reviewStatus: 'APPROVED',
        reviewedBy: reviewer.id,
        reviewedAt: at,
      });
      await manager.update(
        CaseMessageEntity,
        { id: message.id },
        { body: message.body, reviewStatus: 'APPROVED', reviewedBy: reviewer.id, reviewedAt: at },
      );
      // The original beside it (the staff's words, or the template's in their language) names its reviewer.
      const originals = (await manager.query(
        `UPDATE message_translation SET reviewed_by = $2 WHERE message_id = $1 AND source_language IS NULL
         RETURNING language, provider`,
        [message.id, reviewer.id],
      )) as [{ language: string; provider: string }[], number];
      const original = originals[0][0];
      await this.outbox.append(manager, MessageTranslated, {
        aggregateId: supportCase.id,
        data: {
          caseId: supportCase.id,
          messageId: message.id,
          from: original?.language ?? null,
          to: message.language!,
          provider: original?.provider ?? 'STAFF',
          reviewedBy: reviewer.id,
          at: at.toISOString(),
        },
      });
      await writer.timeline(supportCase, 'REVIEW_APPROVED', reviewer, {
        messageId: message.id,
        category: message.vitalCategory,
        language: message.language,
        originalLanguage: original?.language ?? null,
        provider: original?.provider ?? null,
        reviewedBy: reviewer.id,
        corrected: changed,
        ...(changed ? { textAsHeld: heldText } : {}),
      });
      await writer.released(supportCase, message, at);
      await this.madeWithTemplate(manager, writer, supportCase, message);
      return message;
    });
  }

  /** Sends a held reply back to its author with the reason; it is never sent. */
  sendBack(messageId: string, reviewer: CaseActor, reason: string): Promise<CaseMessageEntity> {
    const note = returnReason(reason);
    return this.review(messageId, reviewer, async ({ message, supportCase }, writer, manager) => {
      const at = new Date();
      Object.assign(message, {
        reviewStatus: 'RETURNED',
        reviewedBy: reviewer.id,
        reviewedAt: at,
        reviewNote: note,
      });
      await manager.update(
        CaseMessageEntity,
        { id: message.id },
        { reviewStatus: 'RETURNED', reviewedBy: reviewer.id, reviewedAt: at, reviewNote: note },
      );
      await writer.timeline(supportCase, 'REVIEW_RETURNED', reviewer, {
        messageId: message.id,
        language: message.language,
        reviewedBy: reviewer.id,
        reason: note,
        author: message.authorId ? describeActor({ kind: message.authorKind, id: message.authorId }) : null,
      });
      return message;
    });
  }

  /**
   * One review in one transaction: the case locked first (as every case action locks it, so a reply and a
   * review cannot deadlock), then the message, whose state is decided on as it is now; a second reviewer
   * waits and is told ALREADY_REVIEWED.
   */
  private async review(
    messageId: string,
    reviewer: CaseActor,
    work: (held: HeldReply, writer: CaseWriter, manager: EntityManager) => Promise<CaseMessageEntity>,
  ): Promise<CaseMessageEntity> {
    const caseId = await this.caseIdOf(messageId);
    const languages = reviewer.kind === 'STAFF' && reviewer.id ? await this.languagesOf(reviewer.id) : [];
    return inTransaction(this.dataSource, async (manager) => {
      const supportCase = await manager.findOne(CaseEntity, {
        where: { id: caseId },
        lock: { mode: 'pessimistic_write' },
      });
      const message = await manager.findOne(CaseMessageEntity, {
        where: { id: messageId, caseId },
        lock: { mode: 'pessimistic_write' },
      });
      // Merged into another case between the two reads: the message moved with it.
      if (!supportCase || !message) throw new NotFoundException('Message');
      assertMayReview({
        status: message.reviewStatus,
        language: message.language ?? supportCase.language,
        authorId: message.authorId,
        reviewerId: reviewer.id ?? '',
        reviewerLanguages: languages,
      });
      const result = await work({ message, supportCase }, new CaseWriter(manager, this.outbox), manager);
      await manager.save(supportCase);
      return result;
    });
  }

  /** The status change of the template a held reply came from, made now that the reply goes. */
  private async madeWithTemplate(
    manager: EntityManager,
    writer: CaseWriter,
    supportCase: CaseEntity,
    message: CaseMessageEntity,
  ): Promise<void> {
    if (!message.templateId) return;
    const template = await manager.findOneBy(ReplyTemplateEntity, { id: message.templateId });
    const status = template?.setStatus;
    // The case may have moved on while the reply waited (resolved by someone): then it stays where it is.
    if (!status || status === supportCase.status || !canTransition(supportCase.status, status)) return;
    await writer.status(
      supportCase,
      status,
      { kind: message.authorKind, id: message.authorId },
      'vital reply approved',
    );
  }
}
