import type {
  Channel,
  CreateRoutingRuleMutationVariables,
  Priority,
  RoutingActionsInput,
  RoutingConditionsInput,
  RoutingRulesQuery,
  UpdateRoutingRuleInput,
} from '../operations.generated';
import { listFromText } from './routing-rule-text';

type Rule = RoutingRulesQuery['routingRules'][number];

/** The rule form as typed: lists picked or comma-separated, and empty for "any" (conditions) or "none". */
export interface RuleForm {
  name: string;
  schoolIds: readonly string[];
  topicIds: readonly string[];
  channels: readonly Channel[];
  keywords: string;
  languages: string;
  teamId: string;
  priority: Priority | '';
  tags: string;
  /** Where a new rule goes (1 is tried first); empty puts it last. A saved rule moves with its buttons. */
  position: number | null;
}

export type RuleFormResult<Input> =
  { input: Input; problems?: never } | { input?: never; problems: string[] };

export function newRuleForm(): RuleForm {
  return {
    name: '',
    schoolIds: [],
    topicIds: [],
    channels: [],
    keywords: '',
    languages: '',
    teamId: '',
    priority: '',
    tags: '',
    position: null,
  };
}

/** The form filled with a saved rule, to edit it. */
export function ruleFormOf(rule: Rule): RuleForm {
  const { conditions, actions } = rule;
  return {
    name: rule.name,
    schoolIds: conditions.schoolIds ?? [],
    topicIds: conditions.topicIds ?? [],
    channels: conditions.channels ?? [],
    keywords: (conditions.keywords ?? []).join(', '),
    languages: (conditions.languages ?? []).join(', '),
    teamId: actions.teamId ?? '',
    priority: actions.priority ?? '',
    tags: (actions.tags ?? []).join(', '),
    position: rule.position,
  };
}

/** A new rule as createRoutingRule takes it, or what is wrong in words. */
export function newRuleInput(form: RuleForm): RuleFormResult<CreateRoutingRuleMutationVariables> {
  const rule = ruleOf(form, null);
  if ('problems' in rule) return { problems: rule.problems };
  return { input: { ...rule, position: form.position || null } };
}

/**
 * What changed in the form of a saved rule, as updateRoutingRule takes it: the name, the conditions and
 * the actions only when they differ (conditions and actions are sent whole, and keep what the form does
 * not show: conditions on priority, a named assignee). Or what is wrong in words.
 */
export function ruleUpdate(rule: Rule, form: RuleForm): RuleFormResult<UpdateRoutingRuleInput> {
  const edited = ruleOf(form, rule);
  if ('problems' in edited) return { problems: edited.problems };
  const input: UpdateRoutingRuleInput = {};
  if (edited.name !== rule.name) input.name = edited.name;
  if (!sameFields(edited.conditions, rule.conditions)) input.conditions = edited.conditions;
  if (!sameFields(edited.actions, rule.actions)) input.actions = edited.actions;
  return Object.keys(input).length ? { input } : { problems: ['Nothing has changed.'] };
}

type RuleParts = { name: string; conditions: RoutingConditionsInput; actions: RoutingActionsInput };

function ruleOf(form: RuleForm, kept: Rule | null): RuleParts | { problems: string[] } {
  const name = form.name.trim();
  const actions: RoutingActionsInput = {
    teamId: form.teamId || null,
    assigneeId: kept?.actions.assigneeId ?? null,
    priority: form.priority || null,
    tags: listFromText(form.tags),
  };
  const problems = [
    name ? null : 'Give the rule a name.',
    actions.teamId || actions.assigneeId || actions.priority || actions.tags
      ? null
      : 'Choose what the rule does: send it to a team, set its priority or tag it.',
  ].filter((problem): problem is string => problem !== null);
  if (problems.length) return { problems };
  const conditions: RoutingConditionsInput = {
    schoolIds: form.schoolIds.length ? [...form.schoolIds] : null,
    topicIds: form.topicIds.length ? [...form.topicIds] : null,
    channels: form.channels.length ? [...form.channels] : null,
    priorities: kept?.conditions.priorities?.length ? kept.conditions.priorities : null,
    keywords: listFromText(form.keywords),
    languages: listFromText(form.languages),
  };
  return { name, conditions, actions };
}

/**
 * Whether the saved rule has the edited values in every field the input sends (what the cache adds, such
 * as __typename, is not compared): an empty list is no list, and a list's order does not matter.
 */
function sameFields<T extends object>(edited: T, saved: object): boolean {
  const value = (field: unknown) =>
    JSON.stringify(Array.isArray(field) ? (field.length ? [...field].sort() : null) : (field ?? null));
  return Object.entries(edited).every(
    ([key, field]) => value(field) === value((saved as Record<string, unknown>)[key]),
  );
}
