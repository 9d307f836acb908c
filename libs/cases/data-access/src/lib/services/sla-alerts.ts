import type { EntityManager } from 'typeorm';
import type { SlaTimerKind } from '@homeroom/cases/domain';
import type { CaseEntity } from '../entities';

/** A staff reply meets the response timers; resolving (or closing) meets the resolution timer. */
export const MET_BY_REPLY: readonly SlaTimerKind[] = ['FIRST_RESPONSE', 'NEXT_RESPONSE'];
export const MET_BY_RESOLUTION: readonly SlaTimerKind[] = ['RESOLUTION'];

/**
 * The timers the SLA service warned about or saw breach that nothing here has met yet, and the case's
 * nearest such deadline (`support_case.sla_due_at`): what "breaching soon" lists and SLA_DUE orders by.
 * The SLA service owns the timers; this is only what its warnings said, cleared by the reply or the
 * resolution that meets them, so the inbox can filter and sort on it without a call per case.
 */
export const SlaAlerts = {
  /** A warning or breach, unless the timer was met before the event got here (a reply raced it). */
  async record(
    manager: EntityManager,
    supportCase: CaseEntity,
    alert: { timerKind: SlaTimerKind; dueAt: string; breachedAt?: string },
  ): Promise<void> {
    if (!(await stillOwed(manager, supportCase, alert.timerKind))) return;
    await manager.query(
      `INSERT INTO case_sla_alert (case_id, timer_kind, due_at, breached_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (case_id, timer_kind) DO UPDATE
         SET due_at = EXCLUDED.due_at, breached_at = COALESCE(EXCLUDED.breached_at, case_sla_alert.breached_at)`,
      [supportCase.id, alert.timerKind, alert.dueAt, alert.breachedAt ?? null],
    );
    await refreshDue(manager, supportCase);
  },

  async clear(
    manager: EntityManager,
    supportCase: CaseEntity,
    kinds: readonly SlaTimerKind[],
  ): Promise<void> {
    if (!supportCase.slaDueAt) return;
    await manager.query('DELETE FROM case_sla_alert WHERE case_id = $1 AND timer_kind = ANY($2)', [
      supportCase.id,
      kinds,
    ]);
    await refreshDue(manager, supportCase);
  },
};

async function stillOwed(manager: EntityManager, supportCase: CaseEntity, kind: SlaTimerKind) {
  if (kind === 'FIRST_RESPONSE') return supportCase.firstRespondedAt === null;
  if (kind === 'RESOLUTION') return true;
  // A next response is owed while the family wrote last (a reply held for review was not sent).
  const [last] = (await manager.query(
    `SELECT direction FROM case_message WHERE case_id = $1 AND direction IN ('INBOUND', 'OUTBOUND')
       AND review_status IS DISTINCT FROM 'PENDING' AND review_status IS DISTINCT FROM 'RETURNED'
     ORDER BY created_at DESC, id DESC LIMIT 1`,
    [supportCase.id],
  )) as { direction: string }[];
  return last?.direction === 'INBOUND';
}

/** Kept on the entity too: the caller's later save must not write the old value back. */
async function refreshDue(manager: EntityManager, supportCase: CaseEntity): Promise<void> {
  const [row] = (await manager.query(
    `UPDATE support_case SET sla_due_at = (SELECT min(due_at) FROM case_sla_alert WHERE case_id = $1)
     WHERE id = $1 RETURNING sla_due_at`,
    [supportCase.id],
  )) as [{ sla_due_at: Date | null }[], number];
  supportCase.slaDueAt = row[0]?.sla_due_at ?? null;
}
