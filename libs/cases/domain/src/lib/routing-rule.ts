import type { Channel, Priority } from './case-kinds';

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
