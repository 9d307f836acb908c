import { InvalidInputException } from '@homeroom/shared/errors';
import type { Channel, Priority } from './case-kinds';
import { MAX_TAGS_PER_CASE, normalizeTag } from './case-tags';

/** When a rule applies: every condition given must hold (an empty list or absent field matches anything). */
export interface RoutingConditions {
  topicIds?: string[];
  schoolIds?: string[];
  channels?: Channel[];
  languages?: string[];
  priorities?: Priority[];
  /** Any of these words or phrases in the subject or first message (case and accents ignored). */
  keywords?: string[];
}

/** What a matching rule does. */
export interface RoutingActions {
  teamId?: string | null;
  assigneeId?: string | null;
  priority?: Priority | null;
  /** Added to the case's tags (normalized when the rule is saved). */
  tags?: string[] | null;
}

/** A rule as administrators write it, new or edited. */
export interface RoutingRuleDefinition {
  name: string;
  conditions: RoutingConditions;
  actions: RoutingActions;
}

/**
 * The checks every rule passes whether it is new or edited (an edit is checked as the whole rule it makes):
 * a name, and something to do. Returns the rule as it is kept: the name trimmed, the tags in their one
 * spelling without repeats. Field paths are relative to the rule (`name`, `actions`, `actions.tags.0`).
 */
export function validateRoutingRule(rule: RoutingRuleDefinition): RoutingRuleDefinition {
  const name = rule.name.trim();
  if (!name) throw new InvalidInputException('A rule needs a name', [{ path: 'name', message: 'required' }]);
  const tags = [
    ...new Set((rule.actions.tags ?? []).map((tag, i) => normalizeTag(tag, `actions.tags.${i}`))),
  ];
  if (tags.length > MAX_TAGS_PER_CASE) {
    throw new InvalidInputException(
      `A rule adds at most ${MAX_TAGS_PER_CASE} tags`,
      [{ path: 'actions.tags', message: 'too many tags' }],
      'TOO_MANY_TAGS',
    );
  }
  if (!rule.actions.teamId && !rule.actions.assigneeId && !rule.actions.priority && !tags.length) {
    throw new InvalidInputException(
      'A rule must do something',
      [{ path: 'actions', message: 'set a team, an assignee, a priority or tags' }],
      'EMPTY_RULE_ACTIONS',
    );
  }
  return { name, conditions: rule.conditions, actions: { ...rule.actions, tags } };
}

export interface RoutableCase {
  topicId: string | null;
  schoolId: string | null;
  channel: Channel;
  language: string;
  priority: Priority;
  text: string;
}

export function ruleMatches(conditions: RoutingConditions, candidate: RoutableCase): boolean {
  const within = <T>(allowed: readonly T[] | undefined, value: T | null) =>
    !allowed?.length || (value !== null && allowed.includes(value));
  if (!within(conditions.topicIds, candidate.topicId)) return false;
  if (!within(conditions.schoolIds, candidate.schoolId)) return false;
  if (!within(conditions.channels, candidate.channel)) return false;
  if (!within(conditions.priorities, candidate.priority)) return false;
  // A rule for "es" also takes "es-MX".
  if (
    conditions.languages?.length &&
    !conditions.languages.some((l) => candidate.language === l || candidate.language.startsWith(`${l}-`))
  )
    return false;
  if (conditions.keywords?.length) {
    const text = fold(candidate.text);
    if (!conditions.keywords.some((keyword) => new RegExp(`\\b${escapeRegExp(fold(keyword))}\\b`).test(text)))
      return false;
  }
  return true;
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
