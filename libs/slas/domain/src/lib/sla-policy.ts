import { InvalidInputException } from '@homeroom/shared/errors';
import { CASE_CHANNELS, CASE_PRIORITIES, REQUESTER_KINDS } from '@homeroom/cases/contracts';
import type { SlaClock } from './sla-clock';

/**
 * SLA policies: which promise a case is held to. Policies are ordered; the first whose conditions all hold
 * for the case applies. A condition lists accepted values; an empty (or absent) list accepts anything.
 */

export const SLA_TIMER_KINDS = ['FIRST_RESPONSE', 'NEXT_RESPONSE', 'RESOLUTION'] as const;
export type SlaTimerKind = (typeof SLA_TIMER_KINDS)[number];

export const SLA_CLOCKS = ['BUSINESS', 'CALENDAR'] as const;

export const DEFAULT_WARN_AT_PERCENT = 75;
export const DEFAULT_PAUSED_STATUSES: readonly string[] = Object.freeze(['PENDING', 'ON_HOLD']);
/** The longest target a policy may set: a year of minutes. */
export const MAX_TARGET_MINUTES = 366 * 24 * 60;

export const POLICY_REFUSALS = {
  NO_TARGETS: 'NO_TARGETS',
  INVALID_TARGET: 'INVALID_TARGET',
  INVALID_WARNING_THRESHOLD: 'INVALID_WARNING_THRESHOLD',
  INVALID_CLOCK: 'INVALID_CLOCK',
  INVALID_CONDITION: 'INVALID_CONDITION',
} as const;

/** Conditions on values the cases service's events carry accept only those values. */
const KNOWN_CONDITION_VALUES = {
  priorities: CASE_PRIORITIES,
  channels: CASE_CHANNELS,
  requesterKinds: REQUESTER_KINDS,
} as const;

export interface SlaConditions {
  priorities: readonly string[];
  topicIds: readonly string[];
  schoolIds: readonly string[];
  channels: readonly string[];
  requesterKinds: readonly string[];
}

/** Targets in minutes on the policy's clock; a kind without a target has no timer. */
export interface SlaTargets {
  firstResponse?: number;
  nextResponse?: number;
  resolution?: number;
}

export interface SlaPolicyInput {
  id: string;
  name: string;
  conditions?: Partial<SlaConditions>;
  targets: SlaTargets;
  clock?: SlaClock;
  warnAtPercent?: number;
  pausedStatuses?: readonly string[];
}

export interface SlaPolicy {
  readonly id: string;
  readonly name: string;
  readonly conditions: Readonly<SlaConditions>;
  readonly targets: Readonly<SlaTargets>;
  readonly clock: SlaClock;
  readonly warnAtPercent: number;
  readonly pausedStatuses: readonly string[];
}

/** What a policy's conditions are tested against. */
export interface SlaFacts {
  priority?: string | null;
  topicId?: string | null;
  schoolId?: string | null;
  channel?: string | null;
  requesterKind?: string | null;
}

const TARGET_FIELDS = ['firstResponse', 'nextResponse', 'resolution'] as const;

/** Checks a policy and fills its defaults (clock BUSINESS, warning at 75 %, paused while PENDING or ON_HOLD). */
export function validatePolicy(input: SlaPolicyInput): SlaPolicy {
  const problems: { path: string; message: string; reason: string }[] = [];
  const targets: SlaTargets = {};
  for (const field of TARGET_FIELDS) {
    const value = input.targets?.[field];
    if (value === undefined || value === null) continue;
    if (!Number.isInteger(value) || value <= 0 || value > MAX_TARGET_MINUTES) {
      problems.push({
        path: `targets.${field}`,
        message: `a target is a whole number of minutes, 1 to ${MAX_TARGET_MINUTES}`,
        reason: POLICY_REFUSALS.INVALID_TARGET,
      });
    } else targets[field] = value;
  }
  if (problems.length === 0 && Object.keys(targets).length === 0) {
    problems.push({
      path: 'targets',
      message: 'a policy sets at least one target',
      reason: POLICY_REFUSALS.NO_TARGETS,
    });
  }
  const warnAtPercent = input.warnAtPercent ?? DEFAULT_WARN_AT_PERCENT;
  if (!Number.isInteger(warnAtPercent) || warnAtPercent < 1 || warnAtPercent > 99) {
    problems.push({
      path: 'warnAtPercent',
      message: 'the warning threshold is a whole percentage, 1 to 99',
      reason: POLICY_REFUSALS.INVALID_WARNING_THRESHOLD,
    });
  }
  const clock = input.clock ?? 'BUSINESS';
  if (!SLA_CLOCKS.includes(clock)) {
    problems.push({
      path: 'clock',
      message: 'the clock is BUSINESS or CALENDAR',
      reason: POLICY_REFUSALS.INVALID_CLOCK,
    });
  }
  for (const [field, known] of Object.entries(KNOWN_CONDITION_VALUES)) {
    const values: readonly string[] = input.conditions?.[field as keyof typeof KNOWN_CONDITION_VALUES] ?? [];
    const unknown = values.filter((value) => !(known as readonly string[]).includes(value));
    if (unknown.length > 0) {
      problems.push({
        path: `conditions.${field}`,
        message: `unknown ${unknown.join(', ')}; one of ${known.join(', ')}`,
        reason: POLICY_REFUSALS.INVALID_CONDITION,
      });
    }
  }
  if (problems.length > 0) {
    throw new InvalidInputException(
      `The SLA policy is invalid: ${problems[0]!.message}`,
      problems.map(({ path, message }) => ({ path, message })),
      problems[0]!.reason,
    );
  }
  const list = (values: readonly string[] | undefined): readonly string[] =>
    Object.freeze([...new Set(values ?? [])]);
  return Object.freeze({
    id: input.id,
    name: input.name,
    conditions: Object.freeze({
      priorities: list(input.conditions?.priorities),
      topicIds: list(input.conditions?.topicIds),
      schoolIds: list(input.conditions?.schoolIds),
      channels: list(input.conditions?.channels),
      requesterKinds: list(input.conditions?.requesterKinds),
    }),
    targets: Object.freeze(targets),
    clock,
    warnAtPercent,
    pausedStatuses: Object.freeze([...new Set(input.pausedStatuses ?? DEFAULT_PAUSED_STATUSES)]),
  });
}

function accepts(values: readonly string[], fact: string | null | undefined): boolean {
  return values.length === 0 || (fact !== undefined && fact !== null && values.includes(fact));
}

/** Whether every condition of the policy holds for the facts. */
export function policyMatches(policy: SlaPolicy, facts: SlaFacts): boolean {
  const { conditions } = policy;
  return (
    accepts(conditions.priorities, facts.priority) &&
    accepts(conditions.topicIds, facts.topicId) &&
    accepts(conditions.schoolIds, facts.schoolId) &&
    accepts(conditions.channels, facts.channel) &&
    accepts(conditions.requesterKinds, facts.requesterKind)
  );
}

/** The first policy, in the given order, whose conditions hold; undefined when none does. */
export function firstMatchingPolicy(policies: readonly SlaPolicy[], facts: SlaFacts): SlaPolicy | undefined {
  return policies.find((policy) => policyMatches(policy, facts));
}

/** The policy's target for a timer kind, in minutes, or undefined when the policy sets none. */
export function targetFor(policy: SlaPolicy, kind: SlaTimerKind): number | undefined {
  const field =
    kind === 'FIRST_RESPONSE' ? 'firstResponse' : kind === 'NEXT_RESPONSE' ? 'nextResponse' : 'resolution';
  return policy.targets[field];
}

/** Whether a case in this status has its timers paused under the policy. */
export function pausesIn(policy: SlaPolicy, status: string): boolean {
  return policy.pausedStatuses.includes(status);
}
