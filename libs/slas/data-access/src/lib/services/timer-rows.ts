import type { EntityManager } from 'typeorm';
import type { SlaTimer, SlaTimerKind, SlaTimerStatus } from '@homeroom/slas/domain';

/** A timer as stored: the domain value plus what ties it to its case, policy and calendar. */
export interface StoredTimer {
  caseId: string;
  policyId: string;
  calendarId: string | null;
  timer: SlaTimer;
  /**
   * A first response's business minutes from opening to the response, on the timer's calendar (for
   * `slaAttainment`'s median, kept in its rollups); null until met and for the other kinds.
   */
  responseBusinessMinutes: number | null;
}

/** A raw `sla_timer` row (snake case, as `manager.query` returns it). */
export interface SlaTimerRow {
  case_id: string;
  kind: SlaTimerKind;
  target_minutes: number;
  clock: 'BUSINESS' | 'CALENDAR';
  warn_at_percent: number;
  status: SlaTimerStatus;
  started_at: Date;
  consumed_minutes: number;
  running_since: Date | null;
  due_at: Date | null;
  warn_at: Date | null;
  warned_at: Date | null;
  met_at: Date | null;
  breached_at: Date | null;
  last_event_at: Date;
  policy_id: string;
  calendar_id: string | null;
  response_business_minutes: number | null;
}

export function timerFromRow(row: SlaTimerRow): StoredTimer {
  return {
    caseId: row.case_id,
    policyId: row.policy_id,
    calendarId: row.calendar_id,
    responseBusinessMinutes:
      row.response_business_minutes === null ? null : Number(row.response_business_minutes),
    timer: Object.freeze({
      kind: row.kind,
      targetMinutes: row.target_minutes,
      clock: row.clock,
      warnAtPercent: row.warn_at_percent,
      status: row.status,
      startedAt: row.started_at,
      consumedMinutes: Number(row.consumed_minutes),
      runningSince: row.running_since,
      dueAt: row.due_at,
      warnAt: row.warn_at,
      warnedAt: row.warned_at,
      metAt: row.met_at,
      breachedAt: row.breached_at,
      lastEventAt: row.last_event_at,
    }),
  };
}

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

/**
 * Writes timers in one statement (insert or update by case and kind), bumping `version`. Callers hold the
 * rows' locks (SELECT … FOR UPDATE) or are creating them.
 */
export async function saveTimers(manager: EntityManager, timers: readonly StoredTimer[]): Promise<void> {
  if (timers.length === 0) return;
  const column = <T>(pick: (stored: StoredTimer) => T): T[] => timers.map(pick);
  await manager.query(
    `INSERT INTO sla_timer (case_id, kind, target_minutes, clock, warn_at_percent, status, started_at,
       consumed_minutes, running_since, due_at, warn_at, warned_at, met_at, breached_at, last_event_at,
       policy_id, calendar_id, response_business_minutes, version)
     SELECT *, 1 FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::int[], $6::text[],
       $7::timestamptz[], $8::float8[], $9::timestamptz[], $10::timestamptz[], $11::timestamptz[],
       $12::timestamptz[], $13::timestamptz[], $14::timestamptz[], $15::timestamptz[], $16::uuid[], $17::uuid[],
       $18::float8[])
     ON CONFLICT (case_id, kind) DO UPDATE SET
       target_minutes = EXCLUDED.target_minutes, clock = EXCLUDED.clock,
       warn_at_percent = EXCLUDED.warn_at_percent, status = EXCLUDED.status, started_at = EXCLUDED.started_at,
       consumed_minutes = EXCLUDED.consumed_minutes, running_since = EXCLUDED.running_since,
       due_at = EXCLUDED.due_at, warn_at = EXCLUDED.warn_at, warned_at = EXCLUDED.warned_at,
       met_at = EXCLUDED.met_at, breached_at = EXCLUDED.breached_at, last_event_at = EXCLUDED.last_event_at,
       policy_id = EXCLUDED.policy_id, calendar_id = EXCLUDED.calendar_id,
       response_business_minutes = EXCLUDED.response_business_minutes, version = sla_timer.version + 1`,
    [
      column((s) => s.caseId),
      column((s) => s.timer.kind),
      column((s) => s.timer.targetMinutes),
      column((s) => s.timer.clock),
      column((s) => s.timer.warnAtPercent),
      column((s) => s.timer.status),
      column((s) => iso(s.timer.startedAt)),
      column((s) => s.timer.consumedMinutes),
      column((s) => iso(s.timer.runningSince)),
      column((s) => iso(s.timer.dueAt)),
      column((s) => iso(s.timer.warnAt)),
      column((s) => iso(s.timer.warnedAt)),
      column((s) => iso(s.timer.metAt)),
      column((s) => iso(s.timer.breachedAt)),
      column((s) => iso(s.timer.lastEventAt)),
      column((s) => s.policyId),
      column((s) => s.calendarId),
      column((s) => s.responseBusinessMinutes),
    ],
  );
}
