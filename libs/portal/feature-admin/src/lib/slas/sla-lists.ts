import { caseStatusName } from '@homeroom/portal/ui';
import type { AdminSlasQuery } from '../operations.generated';
import { describeWeek } from './calendar-form';
import { CLOSURE_KIND_NAMES, describeClosure } from './closure-form';
import { describeDuration } from './durations';
import { describePolicyConditions, type PolicyNames, TARGET_KINDS } from './policy-form';

type Calendar = AdminSlasQuery['businessCalendars'][number];
type Policy = AdminSlasQuery['slaPolicies'][number];

/** The district's calendar first, then the others by name: the order the list and the pickers show. */
export function sortCalendars<C extends Pick<Calendar, 'scope' | 'name'>>(calendars: readonly C[]): C[] {
  return [...calendars].sort(
    (a, b) => Number(b.scope === 'DISTRICT') - Number(a.scope === 'DISTRICT') || a.name.localeCompare(b.name),
  );
}

/** The district's calendar: the one a case follows when its school keeps no calendar of its own. */
export function districtCalendarOf<C extends Pick<Calendar, 'scope'>>(
  calendars: readonly C[],
): C | undefined {
  return calendars.find((calendar) => calendar.scope === 'DISTRICT');
}

/** Whose calendar it is and what follows it, in words. */
export function calendarScopeText(
  calendar: Pick<Calendar, 'scope' | 'schoolId'>,
  schoolNames: ReadonlyMap<string, string>,
): string {
  if (calendar.scope === 'SCHOOL')
    return `School calendar: ${schoolNames.get(calendar.schoolId ?? '') ?? 'a school no longer listed'}`;
  if (calendar.scope === 'DISTRICT')
    return 'District calendar: cases at schools without their own calendar follow it';
  return 'Department calendar';
}

/** A calendar as the list shows it: whose it is, its week, and its closures in date order, in words. */
export function calendarRow(calendar: Calendar, schoolNames: ReadonlyMap<string, string>) {
  return {
    ...calendar,
    scopeText: calendarScopeText(calendar, schoolNames),
    week: describeWeek(calendar.openingHours),
    closures: [...calendar.closures]
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((closure) => ({
        ...closure,
        when: describeClosure(closure),
        kindName: CLOSURE_KIND_NAMES[closure.kind],
      })),
  };
}

/**
 * A policy as the list shows it: its conditions, targets and paused statuses in words, targets on its own
 * clock (a business day being `businessDay` minutes).
 */
export function policyRow(policy: Policy, names: PolicyNames, businessDay: number) {
  return {
    ...policy,
    when: describePolicyConditions(policy.conditions, names),
    targetTexts: TARGET_KINDS.map(({ key, name }) => ({
      name,
      text: describeDuration(policy.targets[key], policy.clock, businessDay),
    })),
    pausedText: policy.pausedStatuses.length ? policy.pausedStatuses.map(caseStatusName).join(', ') : 'never',
  };
}
