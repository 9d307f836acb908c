import { caseStatusName, priorityName } from '@homeroom/portal/ui';
import type {
  AdminAutomationRuleFragment,
  AutomationActionKind,
  AutomationRuleInput,
  CaseStatus,
  Priority,
  SlaConditionState,
  SlaTimerKind,
} from '../operations.generated';

/** One action as typed: the field its kind needs is the one kept. */
export interface ActionDraft {
  kind: AutomationActionKind;
  message: string;
  priority: Priority | '';
  teamId: string;
  tag: string;
}

/** The rule form as typed; narrowing set through the API (priorities, schools, topics) is kept as it was. */
export interface AutomationForm {
  name: string;
  active: boolean;
  statuses: readonly CaseStatus[];
  idleBusinessDays: number | null;
  /** '': whatever the case's SLA. */
  slaState: SlaConditionState | '';
  /** None: any timer. */
  slaTimerKinds: readonly SlaTimerKind[];
  /** DUE_WITHIN's hours. */
  slaWithinHours: number | null;
  actions: readonly ActionDraft[];
  kept: Pick<AdminAutomationRuleFragment['conditions'], 'priorities' | 'schoolIds' | 'topicIds'>;
}

export type AutomationFormResult =
  { input: AutomationRuleInput; problems?: never } | { input?: never; problems: string[] };

export const OPEN_STATUSES: readonly CaseStatus[] = ['NEW', 'OPEN', 'PENDING', 'ON_HOLD'];

export const ACTION_KINDS: readonly { kind: AutomationActionKind; name: string }[] = [
  { kind: 'RESOLVE', name: 'Resolve it, with a message to the requester' },
  { kind: 'REMIND_REQUESTER', name: 'Remind the requester' },
  { kind: 'SET_PRIORITY', name: 'Set its priority' },
  { kind: 'ASSIGN_TEAM', name: 'Hand it to a team' },
  { kind: 'ADD_TAG', name: 'Tag it' },
];

export const SLA_STATES: readonly { state: SlaConditionState | ''; name: string }[] = [
  { state: '', name: 'Whatever its SLA' },
  { state: 'BREACHED', name: 'Past an SLA deadline (breached)' },
  { state: 'DUE_WITHIN', name: 'Due within some hours, not breached yet' },
];

export const SLA_TIMERS: readonly { kind: SlaTimerKind; name: string }[] = [
  { kind: 'FIRST_RESPONSE', name: 'First response' },
  { kind: 'NEXT_RESPONSE', name: 'Next response' },
  { kind: 'RESOLUTION', name: 'Resolution' },
];

/** The SLA service's limit for a warned deadline: a week (the service refuses more, INVALID_SLA_CONDITION). */
const MAX_SLA_HOURS = 168;

export function newAction(kind: AutomationActionKind = 'RESOLVE'): ActionDraft {
  return { kind, message: '', priority: '', teamId: '', tag: '' };
}

/** A new rule: pending cases quiet for five school days, resolved with a message. */
export function newAutomationForm(): AutomationForm {
  return {
    name: '',
    active: true,
    statuses: ['PENDING'],
    idleBusinessDays: 5,
    slaState: '',
    slaTimerKinds: [],
    slaWithinHours: null,
    actions: [newAction('RESOLVE')],
    kept: { priorities: null, schoolIds: null, topicIds: null },
  };
}

export function automationFormOf(rule: AdminAutomationRuleFragment): AutomationForm {
  return {
    name: rule.name,
    active: rule.active,
    statuses: rule.conditions.statuses,
    idleBusinessDays: rule.conditions.idleBusinessDays,
    slaState: rule.conditions.sla?.state ?? '',
    slaTimerKinds: rule.conditions.sla?.timerKinds ?? [],
    slaWithinHours: rule.conditions.sla?.withinHours ?? null,
    actions: rule.actions.map((action) => ({
      kind: action.kind,
      message: action.message ?? '',
      priority: action.priority ?? '',
      teamId: action.teamId ?? '',
      tag: action.tag ?? '',
    })),
    kept: {
      priorities: rule.conditions.priorities,
      schoolIds: rule.conditions.schoolIds,
      topicIds: rule.conditions.topicIds,
    },
  };
}

/** The conditions as the API takes them, for the dry run as for saving. */
export function conditionsOf(form: AutomationForm): AutomationRuleInput['conditions'] {
  return {
    statuses: [...form.statuses],
    idleBusinessDays: form.idleBusinessDays ?? 0,
    priorities: form.kept.priorities ?? null,
    schoolIds: form.kept.schoolIds ?? null,
    topicIds: form.kept.topicIds ?? null,
    sla: form.slaState
      ? {
          state: form.slaState,
          timerKinds: form.slaTimerKinds.length ? [...form.slaTimerKinds] : null,
          withinHours: form.slaState === 'DUE_WITHIN' ? form.slaWithinHours : null,
        }
      : null,
  };
}

/**
 * The API's input, or what to fix first, in words: a name, a status, whole days of quiet, each action
 * complete. The service refuses the rest (RULE_WOULD_LOOP, RULE_TOO_BROAD).
 */
export function automationInput(form: AutomationForm): AutomationFormResult {
  const problems: string[] = [];
  if (!form.name.trim()) problems.push('Give the rule a name.');
  if (!form.statuses.length) problems.push('Choose the statuses of the cases it acts on.');
  if (form.idleBusinessDays === null || !Number.isInteger(form.idleBusinessDays))
    problems.push('Say how many school days a case must be quiet, as a whole number.');
  const hours = form.slaWithinHours;
  if (
    form.slaState === 'DUE_WITHIN' &&
    (hours === null || !Number.isInteger(hours) || hours < 1 || hours > MAX_SLA_HOURS)
  )
    problems.push(
      `Say within how many hours the SLA deadline falls, a whole number from 1 to ${MAX_SLA_HOURS}.`,
    );
  if (!form.actions.length) problems.push('Add what the rule does.');
  const actions = form.actions.map((action, index) => {
    const n = index + 1;
    if (action.kind === 'REMIND_REQUESTER' && !action.message.trim())
      problems.push(`Action ${n}: write the reminder.`);
    if (action.kind === 'SET_PRIORITY' && !action.priority)
      problems.push(`Action ${n}: choose the priority.`);
    if (action.kind === 'ASSIGN_TEAM' && !action.teamId) problems.push(`Action ${n}: choose the team.`);
    if (action.kind === 'ADD_TAG' && !action.tag.trim()) problems.push(`Action ${n}: write the tag.`);
    return {
      kind: action.kind,
      message: ['REMIND_REQUESTER', 'RESOLVE'].includes(action.kind) ? action.message.trim() || null : null,
      priority: action.kind === 'SET_PRIORITY' ? action.priority || null : null,
      teamId: action.kind === 'ASSIGN_TEAM' ? action.teamId || null : null,
      tag: action.kind === 'ADD_TAG' ? action.tag.trim() || null : null,
    };
  });
  if (problems.length) return { problems };
  return { input: { name: form.name.trim(), active: form.active, conditions: conditionsOf(form), actions } };
}

/** "Pending cases quiet for 5 school days": what a rule acts on, in words. */
export function describeConditions(conditions: AdminAutomationRuleFragment['conditions']): string {
  const statuses = conditions.statuses.map((s) => caseStatusName(s).toLowerCase()).join(' or ');
  const days =
    conditions.idleBusinessDays === 1 ? '1 school day' : `${conditions.idleBusinessDays} school days`;
  const priorities = conditions.priorities?.length
    ? `, priority ${conditions.priorities.map((p) => priorityName(p).toLowerCase()).join(' or ')}`
    : '';
  const narrowed =
    conditions.schoolIds?.length || conditions.topicIds?.length ? ', at some schools or topics' : '';
  return `${statuses[0]!.toUpperCase()}${statuses.slice(1)} cases quiet for ${days}${priorities}${narrowed}${describeSla(conditions.sla)}`;
}

/** ", first response breached", ", an SLA deadline within 4 hours": the SLA condition, in words. */
function describeSla(sla: AdminAutomationRuleFragment['conditions']['sla']): string {
  if (!sla) return '';
  const timers = sla.timerKinds?.length
    ? sla.timerKinds
        .map((kind) => SLA_TIMERS.find((timer) => timer.kind === kind)?.name.toLowerCase() ?? kind)
        .join(' or ')
    : 'an SLA deadline';
  if (sla.state === 'BREACHED') return `, ${timers} breached`;
  const hours = sla.withinHours === 1 ? '1 hour' : `${sla.withinHours} hours`;
  return `, ${timers} due within ${hours}`;
}

/** "Resolve with a message; tag auto-resolved": what a rule does, in words. */
export function describeActions(
  actions: AdminAutomationRuleFragment['actions'],
  teams: ReadonlyMap<string, string>,
): string {
  return actions
    .map((action) => {
      switch (action.kind) {
        case 'RESOLVE':
          return action.message ? 'resolve with a message' : 'resolve';
        case 'REMIND_REQUESTER':
          return 'remind the requester';
        case 'SET_PRIORITY':
          return `priority ${priorityName(action.priority ?? '').toLowerCase()}`;
        case 'ASSIGN_TEAM':
          return `hand to ${teams.get(action.teamId ?? '') ?? 'a team'}`;
        case 'ADD_TAG':
          return `tag ${action.tag}`;
        default:
          return action.kind;
      }
    })
    .join('; ');
}
