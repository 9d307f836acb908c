import type { EntityManager } from 'typeorm';
import { eventHandler, type EventHandler, type OutboxWriter } from '@homeroom/platform/messaging';
import { isOpen, PRIORITIES, type Priority } from '@homeroom/cases/domain';
import { CaseEscalated } from '@homeroom/cases/contracts';
import { SlaBreached, SlaWarning } from '@homeroom/slas/contracts';
import { LowSatisfactionReported, SurveySafetyConcernRaised } from '@homeroom/surveys/contracts';
import { CaseEntity, EscalationPolicyEntity } from '../entities';
import type { CaseIntakeService } from '../services/case-intake.service';
import { CaseWriter } from '../services/case-writer';
import { SlaAlerts } from '../services/sla-alerts';
import { SYSTEM } from '../services/case-actor';

/**
 * What the cases service does when other services speak: an SLA warning or breach escalates the case as
 * the district's escalation policy says; a low satisfaction score opens a follow-up case for the school; a
 * survey comment that signals danger opens an URGENT case.
 * Each runs in the consumer's transaction, so a redelivered event changes nothing twice.
 */
export function caseReactions(outbox: OutboxWriter, intake: CaseIntakeService): EventHandler[] {
  const escalate =
    (trigger: 'SLA_WARNING' | 'SLA_BREACHED') =>
    async (
      data: {
        caseId: string;
        timerKind: 'FIRST_RESPONSE' | 'NEXT_RESPONSE' | 'RESOLUTION';
        dueAt: string;
        breachedAt?: string;
      },
      manager: EntityManager,
    ) => {
      const supportCase = await manager.findOne(CaseEntity, {
        where: { id: data.caseId },
        lock: { mode: 'pessimistic_write' },
      });
      // A timer can fire just as a case closes; nothing to escalate then.
      if (!supportCase || !isOpen(supportCase.status)) return;
      await SlaAlerts.record(manager, supportCase, data);
      const policy = await manager.findOneBy(EscalationPolicyEntity, { trigger });
      const writer = new CaseWriter(manager, outbox);
      const before = { priority: supportCase.priority, teamId: supportCase.teamId };
      if (policy?.raisePriority) supportCase.priority = raised(supportCase.priority);
      if (policy?.reassignTeamId) {
        supportCase.teamId = policy.reassignTeamId;
        supportCase.assigneeId = null;
      }
      await manager.save(supportCase);
      const at = new Date().toISOString();
      if (before.priority !== supportCase.priority || before.teamId !== supportCase.teamId) {
        await writer.updated(supportCase, new Date(at));
      }
      await outbox.append(manager, CaseEscalated, {
        aggregateId: supportCase.id,
        data: {
          caseId: supportCase.id,
          trigger,
          timerKind: data.timerKind,
          priority: supportCase.priority,
          teamId: supportCase.teamId,
          notifyPersonIds: policy?.notifyPersonIds ?? [],
          at,
        },
      });
      await writer.timeline(supportCase, trigger, SYSTEM, {
        timer: data.timerKind,
        from: before,
        to: { priority: supportCase.priority, teamId: supportCase.teamId },
        notified: policy?.notifyPersonIds ?? [],
      });
    };

  return [
    eventHandler(SlaWarning, ({ data }, manager) => escalate('SLA_WARNING')(data, manager)),
    eventHandler(SlaBreached, ({ data }, manager) => escalate('SLA_BREACHED')(data, manager)),
    eventHandler(LowSatisfactionReported, async ({ data }, manager) => {
      const original = await manager.findOneBy(CaseEntity, { id: data.caseId });
      if (!original) return;
      const followUp = await intake.open(
        {
          subject: `Follow-up: ${data.score}/10 satisfaction on ${original.number}`,
          channel: 'STAFF',
          priority: 'HIGH',
          type: 'CONCERN',
          topicId: original.topicId,
          schoolId: original.schoolId,
          requesterId: original.requesterId,
          contact: original.contact,
          anonymous: original.anonymous,
          confidential: original.confidential,
          language: original.language,
          followUpOfId: original.id,
        },
        `The requester rated case ${original.number} ${data.score} out of 10 (threshold ${data.threshold})` +
          `${data.hasComment ? ' and left a comment in the survey results' : ''}. Reach out to close the loop.`,
        SYSTEM,
        { manager },
      );
      await new CaseWriter(manager, outbox).timeline(original, 'LOW_SATISFACTION', SYSTEM, {
        score: data.score,
        followUp: followUp.supportCase.number,
      });
    }),
    // A survey comment that signals danger is a contact like any other: an URGENT case with its words (the
    // intake's own screening raises the alert), following the surveyed case when there is one.
    eventHandler(SurveySafetyConcernRaised, async ({ data }, manager) => {
      const original = data.caseId ? await manager.findOneBy(CaseEntity, { id: data.caseId }) : null;
      // Not ours: services (and test runs) with other databases share the topic.
      if (data.caseId && !original) return;
      const concern = await intake.open(
        {
          subject: original
            ? `Safety concern in the satisfaction survey on ${original.number}`
            : 'Safety concern in a survey comment',
          channel: 'WEB_FORM',
          priority: 'URGENT',
          type: 'CONCERN',
          topicId: original?.topicId ?? null,
          schoolId: original ? original.schoolId : await knownSchool(manager, data.schoolId),
          requesterId: original?.requesterId ?? null,
          contact: original?.contact ?? { name: null, email: null, phone: null },
          anonymous: original?.anonymous ?? true,
          confidential: original?.confidential ?? false,
          language: data.language,
          followUpOfId: original?.id ?? null,
        },
        data.comment,
        SYSTEM,
        { manager },
      );
      if (original)
        await new CaseWriter(manager, outbox).timeline(original, 'SURVEY_SAFETY_CONCERN', SYSTEM, {
          categories: data.categories,
          followUp: concern.supportCase.number,
        });
    }),
  ];
}

/** The school, if this service knows it (a survey may name one the directory has since retired). */
async function knownSchool(manager: EntityManager, schoolId: string | null): Promise<string | null> {
  if (!schoolId) return null;
  const [row] = (await manager.query('SELECT 1 FROM known_school WHERE id = $1', [schoolId])) as unknown[];
  return row ? schoolId : null;
}

function raised(priority: Priority): Priority {
  return PRIORITIES[Math.min(PRIORITIES.indexOf(priority) + 1, PRIORITIES.length - 1)]!;
}
