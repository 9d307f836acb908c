import { type FieldProblem, InvalidInputException } from '@homeroom/shared/errors';

/** The SLA timers the cases service hears of from the SLA service's warnings and breaches (ADR 16). */
export const SLA_TIMER_KINDS = ['FIRST_RESPONSE', 'NEXT_RESPONSE', 'RESOLUTION'] as const;
export type SlaTimerKind = (typeof SLA_TIMER_KINDS)[number];

/**
 * BREACHED: the SLA service saw a timer pass its deadline unmet. DUE_WITHIN: a timer it warned of, not
 * breached, due within `withinHours` (an overdue one whose breach has not reached us yet included, so a
 * rule never misses a case between the deadline and the breach event).
 */
export const SLA_CONDITION_STATES = ['BREACHED', 'DUE_WITHIN'] as const;
export type SlaConditionState = (typeof SLA_CONDITION_STATES)[number];

/**
 * A rule's condition on the case's SLA, from what the cases service keeps of the SLA service's events
 * (`case_sla_alert`): the timers warned of or breached that no reply or resolution has met yet.
 */
export interface SlaCondition {
  state: SlaConditionState;
  /** Which timers count; none: any. */
  timerKinds?: SlaTimerKind[] | null;
  /** DUE_WITHIN only. */
  withinHours?: number | null;
}

/** An unmet timer of a case as `case_sla_alert` keeps it. */
export interface SlaAlert {
  timerKind: SlaTimerKind;
  dueAt: Date;
  breachedAt: Date | null;
}

/** A week: further out, the SLA service has not warned of the timer yet, so nothing could match. */
export const MAX_SLA_WITHIN_HOURS = 168;

/** The condition as a rule keeps it, or INVALID_SLA_CONDITION naming each problem. */
export function checkSlaCondition(condition: SlaCondition, path = 'conditions.sla'): SlaCondition {
  const problems: FieldProblem[] = [];
  if (!SLA_CONDITION_STATES.includes(condition.state))
    problems.push({ path: `${path}.state`, message: 'BREACHED or DUE_WITHIN' });
  for (const kind of condition.timerKinds ?? [])
    if (!SLA_TIMER_KINDS.includes(kind))
      problems.push({ path: `${path}.timerKinds`, message: `unknown timer ${kind}` });
  const hours = condition.withinHours;
  if (condition.state === 'DUE_WITHIN') {
    if (hours == null || !Number.isInteger(hours) || hours < 1 || hours > MAX_SLA_WITHIN_HOURS)
      problems.push({
        path: `${path}.withinHours`,
        message: `a whole number of hours from 1 to ${MAX_SLA_WITHIN_HOURS}`,
      });
  } else if (hours != null) {
    problems.push({ path: `${path}.withinHours`, message: 'only with DUE_WITHIN' });
  }
  if (problems.length)
    throw new InvalidInputException(problems[0]!.message, problems, 'INVALID_SLA_CONDITION');
  const timerKinds = condition.timerKinds?.length ? [...new Set(condition.timerKinds)] : null;
  return condition.state === 'DUE_WITHIN'
    ? { state: condition.state, timerKinds, withinHours: hours! }
    : { state: condition.state, timerKinds };
}

/** Whether a case's unmet timers meet the condition at `now`: the same test as the sweep's SQL. */
export function slaConditionMet(alerts: readonly SlaAlert[], condition: SlaCondition, now: Date): boolean {
  const kinds = condition.timerKinds?.length ? condition.timerKinds : SLA_TIMER_KINDS;
  const deadline = now.getTime() + (condition.withinHours ?? 0) * 3_600_000;
  return alerts.some((alert) => {
    if (!kinds.includes(alert.timerKind)) return false;
    if (condition.state === 'BREACHED') return alert.breachedAt !== null;
    return alert.breachedAt === null && alert.dueAt.getTime() <= deadline;
  });
}
