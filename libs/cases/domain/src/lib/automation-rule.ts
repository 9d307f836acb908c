import { InvalidInputException, type FieldProblem } from '@homeroom/shared/errors';
import { type CaseStatus, type Priority, STATUSES } from './case-kinds';
import { messageBody } from './inquiry';
import { normalizeTag } from './case-tags';
import { checkSlaCondition, type SlaCondition } from './automation-sla-condition';

/**
 * A time-based automation (what Zendesk calls automations, Zammad schedulers): the cases in some
 * statuses that have been quiet for some business days, optionally narrowed by priority, school or
 * topic, and what to do to each. A rule acts on a case once per quiet spell: acting changes the case, so
 * it must be quiet as long again before the rule acts on it again.
 */
export interface AutomationConditions {
  statuses: CaseStatus[];
  /** Business days (Monday to Friday, in the district's time zone) since the case last changed. */
  idleBusinessDays: number;
  priorities?: Priority[] | null;
  schoolIds?: string[] | null;
  topicIds?: string[] | null;
  /** On the case's SLA timers (breached, or due within hours); none: whatever their state. */
  sla?: SlaCondition | null;
}

export type AutomationAction =
  | { kind: 'REMIND_REQUESTER'; message: string }
  | { kind: 'RESOLVE'; message?: string | null }
  | { kind: 'SET_PRIORITY'; priority: Priority }
  | { kind: 'ASSIGN_TEAM'; teamId: string }
  | { kind: 'ADD_TAG'; tag: string };

export const AUTOMATION_ACTION_KINDS = [
  'REMIND_REQUESTER',
  'RESOLVE',
  'SET_PRIORITY',
  'ASSIGN_TEAM',
  'ADD_TAG',
] as const;

export const AUTOMATION_LIMITS = {
  /** A rule acts on at most this many cases a sweep; the rest wait for the next. */
  casesPerSweep: 500,
  /** A rule that would act on more cases than this now is refused (RULE_TOO_BROAD): it is a mass change. */
  casesWhenActivated: 5_000,
  maxIdleBusinessDays: 260,
  actions: 5,
} as const;

/** Closed and resolved cases are done: a rule on them would act on history. */
const OPEN_STATUSES: readonly CaseStatus[] = STATUSES.filter((s) => s !== 'RESOLVED' && s !== 'CLOSED');

/**
 * The rule checked: open statuses only, at least one business day of quiet (a rule without one would act
 * on the same cases every sweep: RULE_WOULD_LOOP), some actions of known kinds, each complete.
 */
export function checkAutomationRule(
  name: string,
  conditions: AutomationConditions,
  actions: readonly AutomationAction[],
): { name: string; conditions: AutomationConditions; actions: AutomationAction[] } {
  const problems: FieldProblem[] = [];
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 120) problems.push({ path: 'name', message: '1 to 120 characters' });
  if (!conditions.statuses.length) problems.push({ path: 'conditions.statuses', message: 'at least one' });
  for (const status of conditions.statuses)
    if (!OPEN_STATUSES.includes(status))
      problems.push({
        path: 'conditions.statuses',
        message: `${status} cases are done; a rule acts on open ones`,
      });
  if (
    !Number.isInteger(conditions.idleBusinessDays) ||
    conditions.idleBusinessDays > AUTOMATION_LIMITS.maxIdleBusinessDays
  )
    problems.push({
      path: 'conditions.idleBusinessDays',
      message: `a whole number up to ${AUTOMATION_LIMITS.maxIdleBusinessDays}`,
    });
  if (!actions.length || actions.length > AUTOMATION_LIMITS.actions)
    problems.push({ path: 'actions', message: `1 to ${AUTOMATION_LIMITS.actions} actions` });
  const checkedActions = actions.map((action, index): AutomationAction => {
    const path = `actions.${index}`;
    switch (action.kind) {
      case 'REMIND_REQUESTER':
        return { kind: action.kind, message: messageBody(action.message ?? '', `${path}.message`) };
      case 'RESOLVE':
        return {
          kind: action.kind,
          message: action.message?.trim() ? messageBody(action.message, `${path}.message`) : null,
        };
      case 'SET_PRIORITY':
        if (!action.priority) problems.push({ path: `${path}.priority`, message: 'required' });
        return action;
      case 'ASSIGN_TEAM':
        if (!action.teamId) problems.push({ path: `${path}.teamId`, message: 'required' });
        return action;
      case 'ADD_TAG':
        return { kind: action.kind, tag: normalizeTag(action.tag ?? '', `${path}.tag`) };
      default:
        problems.push({ path: `${path}.kind`, message: 'unknown action' });
        return action;
    }
  });
  if (problems.length) throw new InvalidInputException(problems[0]!.message, problems);
  const { sla, ...others } = conditions;
  const checkedConditions: AutomationConditions = sla ? { ...others, sla: checkSlaCondition(sla) } : others;
  if (conditions.idleBusinessDays < 1)
    throw new InvalidInputException(
      'A rule needs at least one business day of quiet: without it, it would act on the same cases every few minutes',
      [{ path: 'conditions.idleBusinessDays', message: 'at least 1' }],
      'RULE_WOULD_LOOP',
    );
  return { name: trimmed, conditions: checkedConditions, actions: checkedActions };
}

/**
 * The latest instant a case may have last changed and be quiet for `days` business days at `now`: that
 * many weekdays back, counted in the district's time zone, to the same time of day. A quiet spell that
 * spans a weekend counts only its weekdays.
 */
export function quietSince(now: Date, days: number, timeZone: string): Date {
  const weekday = (at: Date) => new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short' }).format(at);
  let at = now;
  let counted = 0;
  while (counted < days) {
    at = new Date(at.getTime() - 86_400_000);
    if (!['Sat', 'Sun'].includes(weekday(at))) counted += 1;
  }
  return at;
}
