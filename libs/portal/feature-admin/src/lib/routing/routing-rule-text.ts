import { channelName, priorityName } from '@homeroom/portal/ui';
import type { RoutingRulesQuery } from '../operations.generated';

type Rule = RoutingRulesQuery['routingRules'][number];

/** Names for the ids a rule holds; an id no longer known (a retired school) reads as "unknown". */
export interface RuleNames {
  schools: ReadonlyMap<string, string>;
  topics: ReadonlyMap<string, string>;
  teams: ReadonlyMap<string, string>;
}

/** "School is Lincoln or Oak; topic is Bus delay": every condition a case must meet, in words. */
export function describeConditions(rule: Rule, names: RuleNames): string {
  const { conditions } = rule;
  const parts = [
    either('school', conditions.schoolIds, names.schools),
    either('topic', conditions.topicIds, names.topics),
    either('channel', conditions.channels, channelName),
    either('priority', conditions.priorities, priorityName),
    either('language', conditions.languages),
    conditions.keywords?.length ? `mentions ${conditions.keywords.map((k) => `“${k}”`).join(' or ')}` : null,
  ].filter((part): part is string => part !== null);
  return parts.length ? parts.join('; ') : 'Every new case';
}

/** "Team Transportation; priority High; tags bus": what the rule does to a case it matches. */
export function describeActions(rule: Rule, names: RuleNames): string {
  const { actions } = rule;
  const parts = [
    actions.teamId ? `team ${names.teams.get(actions.teamId) ?? 'unknown'}` : null,
    actions.assigneeId ? 'a named person' : null,
    actions.priority ? `priority ${priorityName(actions.priority)}` : null,
    actions.tags?.length ? `tags ${actions.tags.join(', ')}` : null,
  ].filter((part): part is string => part !== null);
  return parts.length ? parts.join('; ') : 'Nothing';
}

/** A comma-separated field as a list: trimmed, without empty or repeated entries; null when empty. */
export function listFromText(text: string): string[] | null {
  const items = [
    ...new Set(
      text
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    ),
  ];
  return items.length ? items : null;
}

/** "school is Lincoln or Oak": ids by their names (unknown when gone), enum values in people's words. */
function either(
  label: string,
  values: readonly string[] | null | undefined,
  names: ReadonlyMap<string, string> | ((value: string) => string) = (value) => value,
): string | null {
  if (!values?.length) return null;
  const name = typeof names === 'function' ? names : (value: string) => names.get(value) ?? 'unknown';
  return `${label} is ${values.map(name).join(' or ')}`;
}
