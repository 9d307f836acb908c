import type { ChangeCount } from '../import-report';
import type { PeopleDiff } from './diff-people';
import type { SchoolPlan } from './plan-schools';

/**
 * The preview's figures: schools and people created, updated or deactivated, people by kind and by each
 * school they belong to (someone at two schools counts at both; someone at none under no school).
 */
export function countChanges(
  schools: SchoolPlan,
  people: Pick<PeopleDiff, 'created' | 'updated' | 'deactivated'>,
  schoolNames: ReadonlyMap<string, string>,
): ChangeCount[] {
  const counts = new Map<string, ChangeCount>();
  const count = (action: ChangeCount['action'], kind: ChangeCount['kind'], schoolId: string | null) => {
    const key = `${action}:${kind}:${schoolId ?? ''}`;
    const current = counts.get(key);
    if (current) current.count += 1;
    else
      counts.set(key, {
        action,
        kind,
        schoolId,
        schoolName: schoolId ? (schoolNames.get(schoolId) ?? null) : null,
        count: 1,
      });
  };
  for (const school of schools.created) count('CREATED', 'SCHOOL', school.id);
  for (const school of schools.updated) count('UPDATED', 'SCHOOL', school.id);
  for (const school of schools.deactivated) count('DEACTIVATED', 'SCHOOL', school.id);
  const atSchools = (
    action: ChangeCount['action'],
    kind: ChangeCount['kind'],
    schoolIds: readonly string[],
  ) => {
    const unique = [...new Set(schoolIds)];
    if (unique.length === 0) count(action, kind, null);
    for (const schoolId of unique) count(action, kind, schoolId);
  };
  for (const p of people.created)
    atSchools(
      'CREATED',
      p.person.kind,
      p.memberships.map((m) => m.schoolId),
    );
  for (const p of people.updated)
    atSchools(
      'UPDATED',
      p.person.kind,
      p.memberships.map((m) => m.schoolId),
    );
  for (const p of people.deactivated) atSchools('DEACTIVATED', p.kind, p.schoolIds);
  return [...counts.values()].sort(
    (a, b) =>
      a.action.localeCompare(b.action) ||
      a.kind.localeCompare(b.kind) ||
      (a.schoolName ?? '').localeCompare(b.schoolName ?? ''),
  );
}
