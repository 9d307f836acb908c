import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ConflictException, NotFoundException } from '@homeroom/shared/errors';
import { inTransaction } from '@homeroom/platform/database';
import { OutboxWriter } from '@homeroom/platform/messaging';
import {
  afterRequesterReply,
  assertTransition,
  type AutomationAction,
  type AutomationConditions,
  type BulkCaseChange,
  type BulkCaseFields,
  type CaseStatus,
  type CaseType,
  languageOf,
  mergeTags,
  messageBody,
  type SlaAlert,
  slaConditionMet,
  type Priority,
  reviewCategoryOf,
  subjectOf,
} from '@homeroom/cases/domain';
import { AutomationApplied, TemplateUsed } from '@homeroom/cases/contracts';
import { CaseEntity, type CaseMessageEntity, ReplyTemplateEntity } from '../entities';
import { type CaseActor, describeActor, REQUESTER } from './case-actor';
import { TriageService } from '../triage/triage.service';
import { CaseIntakeService, type OpenedCase } from './case-intake.service';
import { CaseWriter, type InboundDelivery } from './case-writer';
import { REOPEN_WINDOW_DAYS } from './conversations';
import { MessageTranslationService, TEMPLATE_PROVIDER } from '../translation/message-translation.service';
import { vitalCategoryOfCase } from '../translation/vital-review.service';
import { type MessageAttachments, NO_ATTACHMENTS } from '../attachments/attachment-types';
import { hashLinkToken } from '@homeroom/platform/auth';

/** What staff may correct on a case; absent fields stay as they are, null clears. */
export interface CaseChanges {
  topicId?: string | null;
  schoolId?: string | null;
  type?: CaseType | null;
  priority?: Priority | null;
  subject?: string | null;
  language?: string | null;
}

/** How long after resolution a requester's reply reopens the case rather than opening a new one. */

/** What staff and requesters do to an open case; each action is one transaction with its events. */
@Injectable()
export class CaseService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly intake: CaseIntakeService,
    private readonly triage: TriageService,
    private readonly translations: MessageTranslationService,
  ) {}

  /**
   * A staff reply. `original`: the reply was written in the staff's language and is sent translated (`body`
   * is the translation, what the requester receives); the original is kept beside it (MessageTranslated).
   * Sent translated on a case a vital template was used on, it waits for a qualified translator (ADR 32).
   */
  reply(
    caseId: string,
    body: string,
    actor: CaseActor,
    attachments: MessageAttachments = NO_ATTACHMENTS,
    original?: { language: string; text: string; translatedTo: string },
  ): Promise<CaseMessageEntity> {
    const text = messageBody(body, 'body');
    const originalText = original && messageBody(original.text, 'original');
    return this.act(caseId, async (supportCase, writer, manager) => {
      const category = reviewCategoryOf({
        templateCategory: null,
        caseCategory: await vitalCategoryOfCase(manager, supportCase.id),
        machineTranslated: Boolean(original),
        language: supportCase.language,
        staffLanguage: this.translations.staffLanguage,
      });
      const message = category
        ? await writer.heldReply(supportCase, text, actor, attachments, {
            vitalCategory: category,
            language: supportCase.language,
            templateId: null,
          })
        : await writer.message(supportCase, 'OUTBOUND', text, actor, attachments);
      if (original && originalText)
        await this.translations.keep(
          manager,
          supportCase,
          message.id,
          { language: original.language, text: originalText, sourceLanguage: null, reviewedBy: null },
          { from: original.language, to: original.translatedTo },
        );
      // Answering a new case is taking it on.
      if (supportCase.status === 'NEW') await writer.status(supportCase, 'OPEN', actor);
      return message;
    });
  }

  /**
   * A reply from a template: the text as staff left it after inserting the template (in `language`), sent;
   * the template's changes made to the case (priority, topic, tags, then status); its use counted and
   * announced (TemplateUsed). One transaction: a change the case refuses (a status it cannot move to)
   * refuses the reply with it. A vital template's reply in another language than the staff's waits for a
   * qualified translator (ADR 32), with the template's text in the staff's language (`original`) beside it
   * for them to read; its status change waits with it (the family is not waiting on words they lack).
   */
  replyFromTemplate(
    caseId: string,
    template: ReplyTemplateEntity,
    body: string,
    language: string,
    actor: CaseActor,
    attachments: MessageAttachments = NO_ATTACHMENTS,
    original?: { language: string; text: string },
  ): Promise<CaseMessageEntity> {
    const text = messageBody(body, 'body');
    return this.act(caseId, async (supportCase, writer, manager) => {
      const category = reviewCategoryOf({
        templateCategory: template.vitalCategory,
        caseCategory: null,
        machineTranslated: false,
        language,
        staffLanguage: this.translations.staffLanguage,
      });
      const message = category
        ? await writer.heldReply(supportCase, text, actor, attachments, {
            vitalCategory: category,
            language,
            templateId: template.id,
          })
        : await writer.message(supportCase, 'OUTBOUND', text, actor, attachments, {
            vitalCategory: template.vitalCategory,
          });
      if (category && original)
        await this.translations.keep(
          manager,
          supportCase,
          message.id,
          { language: original.language, text: original.text, sourceLanguage: null, reviewedBy: null },
          { from: original.language, to: language },
          TEMPLATE_PROVIDER,
        );
      const from: Record<string, unknown> = {};
      const to: Record<string, unknown> = {};
      if (template.setPriority && template.setPriority !== supportCase.priority) {
        [from['priority'], to['priority']] = [supportCase.priority, template.setPriority];
        supportCase.priority = template.setPriority;
      }
      if (template.setTopicId && template.setTopicId !== supportCase.topicId) {
        [from['topicId'], to['topicId']] = [supportCase.topicId, template.setTopicId];
        supportCase.topicId = template.setTopicId;
      }
      const tagsBefore = supportCase.tags;
      supportCase.tags = mergeTags(tagsBefore, template.addTags);
      if (Object.keys(to).length) await writer.timeline(supportCase, 'UPDATED', actor, { from, to });
      if (tagsBefore.join() !== supportCase.tags.join())
        await writer.timeline(supportCase, 'TAGS_CHANGED', actor, { from: tagsBefore, to: supportCase.tags });
      if (Object.keys(to).length) {
        await manager.save(supportCase);
        await writer.updated(supportCase);
      }
      // A held reply's status change is made when it is approved (VitalReviewService).
      const status = (category ? null : template.setStatus) ?? (supportCase.status === 'NEW' ? 'OPEN' : null);
      if (status && status !== supportCase.status) {
        assertTransition(supportCase.status, status);
        await writer.status(supportCase, status, actor);
      }
      await manager.increment(ReplyTemplateEntity, { id: template.id }, 'usageCount', 1);
      await manager.update(ReplyTemplateEntity, { id: template.id }, { lastUsedAt: message.createdAt });
      await writer.timeline(supportCase, 'TEMPLATE_USED', actor, {
        templateId: template.id,
        name: template.name,
        language,
      });
      await this.outbox.append(manager, TemplateUsed, {
        aggregateId: supportCase.id,
        data: {
          caseId: supportCase.id,
          templateId: template.id,
          messageId: message.id,
          teamId: template.teamId,
          language,
          schoolId: supportCase.schoolId,
          // Staff are directory people; an integration's id is its client id, not a person's.
          actorId: actor.kind === 'STAFF' ? actor.id : null,
          at: message.createdAt.toISOString(),
        },
      });
      return message;
    });
  }

  addInternalNote(
    caseId: string,
    body: string,
    actor: CaseActor,
    attachments: MessageAttachments = NO_ATTACHMENTS,
  ): Promise<CaseMessageEntity> {
    const text = messageBody(body, 'body');
    return this.act(caseId, (supportCase, writer) =>
      writer.message(supportCase, 'INTERNAL_NOTE', text, actor, attachments),
    );
  }

  /**
   * Staff correct what a case is about: topic, type, priority, school, subject, language. Only what
   * changed goes on the timeline; a new topic also teaches the classifier (see TriageService).
   */
  async update(caseId: string, changes: CaseChanges, actor: CaseActor): Promise<CaseEntity> {
    let topicCorrected = false;
    const updated = await this.act(caseId, async (supportCase, writer, manager) => {
      const next = {
        ...(changes.topicId !== undefined ? { topicId: changes.topicId } : {}),
        ...(changes.schoolId !== undefined ? { schoolId: changes.schoolId } : {}),
        ...(changes.type !== undefined ? { type: changes.type } : {}),
        ...(changes.priority ? { priority: changes.priority } : {}),
        ...(changes.subject != null ? { subject: subjectOf(changes.subject, supportCase.subject) } : {}),
        ...(changes.language != null ? { language: languageOf(changes.language, supportCase.language) } : {}),
      };
      const changed = (Object.keys(next) as (keyof typeof next)[]).filter(
        (key) => next[key] !== supportCase[key],
      );
      if (changed.length === 0) return supportCase;
      await this.intake.checkReferences(manager, next.schoolId ?? null, next.topicId ?? null);
      const from = Object.fromEntries(changed.map((key) => [key, supportCase[key]]));
      const to = Object.fromEntries(changed.map((key) => [key, next[key]]));
      Object.assign(supportCase, to);
      await manager.save(supportCase);
      await writer.updated(supportCase);
      await writer.timeline(supportCase, 'UPDATED', actor, { from, to });
      if (changed.includes('topicId') && supportCase.topicId) {
        await this.triage.recordCorrection(
          manager,
          supportCase.id,
          supportCase.topicId,
          describeActor(actor),
        );
        topicCorrected = true;
      }
      return supportCase;
    });
    // After the commit: the correction is durable, so this replica learns it now (others on their refresh).
    if (topicCorrected) await this.triage.retrain();
    return updated;
  }

  setStatus(
    caseId: string,
    status: CaseStatus,
    actor: CaseActor,
    options: { sendSurvey?: boolean } = {},
  ): Promise<CaseEntity> {
    return this.act(caseId, async (supportCase, writer) => {
      assertTransition(supportCase.status, status);
      await writer.status(supportCase, status, actor, undefined, options);
      return supportCase;
    });
  }

  assign(
    caseId: string,
    assigneeId: string | null,
    teamId: string | null,
    actor: CaseActor,
  ): Promise<CaseEntity> {
    return this.act(caseId, async (supportCase, writer, manager) => {
      const before = { assigneeId: supportCase.assigneeId, teamId: supportCase.teamId };
      supportCase.assigneeId = assigneeId;
      supportCase.teamId = teamId;
      await manager.save(supportCase);
      await writer.updated(supportCase);
      await writer.timeline(supportCase, 'ASSIGNED', actor, { from: before, to: { assigneeId, teamId } });
      return supportCase;
    });
  }

  /**
   * One case's part of a bulk action, in one transaction: each change as its own action makes it
   * (timeline, CaseUpdated, CaseStatusChanged), the bulk action named on the timeline. Gives what the
   * case had before, which the undo puts back. The undo (`undoOf`) sets the fields back exactly, the
   * status too without the forward-only rule, and only when the case is still at `expectVersion`
   * (CONFLICT, CHANGED_SINCE: someone changed it since, and their change is not overwritten).
   */
  applyBulk(
    caseId: string,
    change: BulkCaseChange & { setTags?: string[] },
    actor: CaseActor,
    options: { bulkId: string; undoOf?: boolean; expectVersion?: number },
  ): Promise<{ before: BulkCaseFields; supportCase: CaseEntity }> {
    return this.act(caseId, async (supportCase, writer, manager) => {
      if (options.expectVersion !== undefined && supportCase.version !== options.expectVersion)
        throw new ConflictException('The case was changed since the bulk action', 'CHANGED_SINCE');
      const before: BulkCaseFields = {
        assigneeId: supportCase.assigneeId,
        teamId: supportCase.teamId,
        status: supportCase.status,
        priority: supportCase.priority,
        topicId: supportCase.topicId,
        tags: supportCase.tags,
      };
      const bulk = options.undoOf ? { undoOf: options.bulkId } : { bulk: options.bulkId };
      let updated = false;
      const { assignment } = change;
      if (
        assignment &&
        (assignment.assigneeId !== before.assigneeId || assignment.teamId !== before.teamId)
      ) {
        Object.assign(supportCase, assignment);
        await writer.timeline(supportCase, 'ASSIGNED', actor, {
          from: { assigneeId: before.assigneeId, teamId: before.teamId },
          to: assignment,
          ...bulk,
        });
        updated = true;
      }
      const from: Record<string, unknown> = {};
      const to: Record<string, unknown> = {};
      if (change.priority && change.priority !== before.priority) {
        [from['priority'], to['priority']] = [before.priority, change.priority];
        supportCase.priority = change.priority;
      }
      if (change.topicId !== undefined && change.topicId !== before.topicId) {
        if (change.topicId) await this.intake.checkReferences(manager, null, change.topicId);
        [from['topicId'], to['topicId']] = [before.topicId, change.topicId];
        supportCase.topicId = change.topicId;
      }
      if (Object.keys(to).length) {
        await writer.timeline(supportCase, 'UPDATED', actor, { from, to, ...bulk });
        updated = true;
      }
      const tags = change.setTags ?? mergeTags(before.tags, change.addTags ?? []);
      if (tags.join() !== before.tags.join()) {
        supportCase.tags = tags;
        await writer.timeline(supportCase, 'TAGS_CHANGED', actor, { from: before.tags, to: tags, ...bulk });
        updated = true;
      }
      if (updated) {
        await manager.save(supportCase);
        await writer.updated(supportCase);
      }
      if (change.status && change.status !== supportCase.status) {
        if (!options.undoOf) assertTransition(supportCase.status, change.status);
        await writer.status(supportCase, change.status, actor, options.undoOf ? 'undo' : undefined);
      }
      return { before, supportCase };
    });
  }

  /**
   * One automation rule's actions on one case, in one transaction, if the case still matches now that it
   * is locked (in the rule's statuses, quiet since `quietBefore`, in its narrowing, in its SLA state at
   * `now`) and the rule has not acted on it in this quiet spell yet (another replica's sweep may have):
   * true when it acted. Each
   * action as staff would make it (a reminder is a reply the requester receives), the rule named on the
   * timeline, AutomationApplied with them.
   */
  applyAutomation(
    caseId: string,
    rule: {
      id: string;
      name: string;
      conditions: AutomationConditions;
      actions: readonly AutomationAction[];
    },
    quietBefore: Date,
    now = new Date(),
  ): Promise<boolean> {
    const actor: CaseActor = { kind: 'SYSTEM', id: rule.id };
    return this.act(caseId, async (supportCase, writer, manager) => {
      const { conditions } = rule;
      const matches =
        conditions.statuses.includes(supportCase.status) &&
        supportCase.updatedAt <= quietBefore &&
        (!conditions.priorities?.length || conditions.priorities.includes(supportCase.priority)) &&
        (!conditions.schoolIds?.length || conditions.schoolIds.includes(supportCase.schoolId ?? '')) &&
        (!conditions.topicIds?.length || conditions.topicIds.includes(supportCase.topicId ?? ''));
      if (!matches) return false;
      // A reply since the sweep looked may have met the timer: the SLA state is read again under the lock.
      if (conditions.sla) {
        const alerts = (await manager.query(
          `SELECT timer_kind AS "timerKind", due_at AS "dueAt", breached_at AS "breachedAt"
             FROM case_sla_alert WHERE case_id = $1`,
          [supportCase.id],
        )) as SlaAlert[];
        if (!slaConditionMet(alerts, conditions.sla, now)) return false;
      }
      const [claimed] = (await manager.query(
        `INSERT INTO automation_application (rule_id, case_id, quiet_since) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING rule_id`,
        [rule.id, supportCase.id, supportCase.updatedAt],
      )) as unknown[];
      if (!claimed) return false;
      const before = { priority: supportCase.priority, teamId: supportCase.teamId, tags: supportCase.tags };
      for (const action of rule.actions) {
        if (action.kind === 'REMIND_REQUESTER')
          await writer.message(supportCase, 'OUTBOUND', action.message, actor);
        if (action.kind === 'RESOLVE') {
          if (action.message) await writer.message(supportCase, 'OUTBOUND', action.message, actor);
          await writer.status(supportCase, 'RESOLVED', actor, `automation: ${rule.name}`);
        }
        if (action.kind === 'SET_PRIORITY') supportCase.priority = action.priority;
        if (action.kind === 'ASSIGN_TEAM')
          Object.assign(supportCase, { teamId: action.teamId, assigneeId: null });
        if (action.kind === 'ADD_TAG') supportCase.tags = mergeTags(supportCase.tags, [action.tag]);
      }
      const changed =
        before.priority !== supportCase.priority ||
        before.teamId !== supportCase.teamId ||
        before.tags.join() !== supportCase.tags.join();
      if (changed) {
        await manager.save(supportCase);
        await writer.updated(supportCase);
      }
      await writer.timeline(supportCase, 'AUTOMATION_APPLIED', actor, {
        ruleId: rule.id,
        name: rule.name,
        actions: rule.actions.map((a) => a.kind),
        ...(changed
          ? {
              from: before,
              to: { priority: supportCase.priority, teamId: supportCase.teamId, tags: supportCase.tags },
            }
          : {}),
      });
      const at = new Date();
      await this.outbox.append(manager, AutomationApplied, {
        aggregateId: supportCase.id,
        data: {
          caseId: supportCase.id,
          ruleId: rule.id,
          actions: rule.actions.map((a) => a.kind),
          schoolId: supportCase.schoolId,
          at: at.toISOString(),
        },
      });
      await manager.query(
        'UPDATE automation_rule SET applied_count = applied_count + 1, last_applied_at = $2 WHERE id = $1',
        [rule.id, at],
      );
      return true;
    });
  }

  /**
   * The requester answers through their link: the reply joins the case (reopening it if resolved within
   * the window), or, once the case is closed or long resolved, opens a new case that follows it up.
   */
  async replyAsRequester(
    token: string,
    body: string,
    attachments: MessageAttachments = NO_ATTACHMENTS,
  ): Promise<{ supportCase: CaseEntity; followUp?: OpenedCase }> {
    const found = await this.findByToken(token);
    return this.requesterReply(found.id, body, attachments);
  }

  /** The requester's reply, however it came (their tracking link, an email). */
  async requesterReply(
    caseId: string,
    body: string,
    attachments: MessageAttachments = NO_ATTACHMENTS,
    delivery: InboundDelivery = {},
  ): Promise<{ supportCase: CaseEntity; followUp?: OpenedCase }> {
    const text = messageBody(body, 'body');
    return inTransaction(this.dataSource, async (manager) => {
      let supportCase = await this.locked(manager, caseId);
      // A merged case lives on in the one it was merged into: the requester's reply goes there.
      if (supportCase.mergedIntoId) supportCase = await this.locked(manager, supportCase.mergedIntoId);
      const next = afterRequesterReply(
        supportCase.status,
        supportCase.resolvedAt,
        new Date(),
        REOPEN_WINDOW_DAYS,
      );
      if (next === 'NEW_CASE') {
        const {
          id: _id,
          number: _number,
          status: _status,
          trackingTokenHash: _hash,
          createdAt: _c,
          updatedAt: _u,
          firstRespondedAt: _f,
          resolvedAt: _r,
          slaDueAt: _sd,
          version: _v,
          assigneeId: _a,
          teamId: _t,
          departmentId: _d,
          followUpOfId: _o,
          mergedIntoId: _m,
          sentiment: _s,
          sentimentScore: _ss,
          // The follow-up asks its candidate (if any) to confirm anew, by its own link.
          requesterConfirmationSentAt: _cs,
          requesterConfirmedAt: _ca,
          ...fields
        } = supportCase;
        const followUp = await this.intake.open(
          {
            ...fields,
            subject: `Re: ${supportCase.subject}`.slice(0, 200),
            followUpOfId: supportCase.id,
          },
          text,
          REQUESTER,
          { manager, attachments, delivery },
        );
        return { supportCase, followUp };
      }
      const writer = new CaseWriter(manager, this.outbox);
      const language = this.intake.messageLanguage(text);
      await writer.message(supportCase, 'INBOUND', text, REQUESTER, attachments, { language, ...delivery });
      if (next !== supportCase.status)
        await writer.status(supportCase, next, REQUESTER, 'the requester replied');
      await manager.save(supportCase);
      return { supportCase };
    });
  }

  /** The case a tracking link opens: its first link, or one made for a delivery (ADR 36). */
  async findByToken(token: string): Promise<CaseEntity> {
    const hash = hashLinkToken(token);
    const supportCase = await this.dataSource
      .getRepository(CaseEntity)
      .createQueryBuilder('c')
      .where('c.trackingTokenHash = :hash', { hash })
      .orWhere('c.id = (SELECT l.case_id FROM case_tracking_link l WHERE l.token_hash = :hash)', { hash })
      .getOne();
    if (!supportCase) throw new NotFoundException('Case');
    return supportCase;
  }

  private act<T>(
    caseId: string,
    work: (supportCase: CaseEntity, writer: CaseWriter, manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    return inTransaction(this.dataSource, async (manager) => {
      const supportCase = await this.locked(manager, caseId);
      const result = await work(supportCase, new CaseWriter(manager, this.outbox), manager);
      await manager.save(supportCase);
      return result;
    });
  }

  private async locked(manager: EntityManager, caseId: string): Promise<CaseEntity> {
    const supportCase = await manager.findOne(CaseEntity, {
      where: { id: caseId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!supportCase) throw new NotFoundException('Case');
    return supportCase;
  }
}
