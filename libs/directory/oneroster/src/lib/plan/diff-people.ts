import type { PersonKind } from '@homeroom/directory/domain';
import { canonicalJson } from '@homeroom/shared/text';
import type { PlannedPerson } from './resolve-people';

/** A person as the directory holds them, to compare with the set's row. */
export interface ExistingPerson {
  id: string;
  sourcedId: string;
  kind: PersonKind;
  givenName: string;
  middleName: string | null;
  familyName: string;
  preferredName: string | null;
  emails: unknown;
  phones: unknown;
  active: boolean;
  /** `schoolId role grade` of each membership, in COLLATE "C" order, comma-joined. */
  membershipKey: string;
  schoolIds: string[];
}

/** Someone the set deactivates, with what the preview says of them. */
export interface Deactivation {
  id: string;
  kind: PersonKind;
  schoolIds: string[];
}

export interface PeopleDiff {
  created: (PlannedPerson & { id: string })[];
  updated: (PlannedPerson & { id: string })[];
  deactivated: Deactivation[];
  unchanged: number;
  /** Of the unchanged: rows for people the directory never had, whom the SIS has withdrawn; nothing to do. */
  withdrawnUnknown: number;
}

/** Where a sourcedId ends up once the set is applied: guardian links are made between people still active. */
export interface Outcome {
  id: string;
  kind: PersonKind;
  active: boolean;
}

/**
 * What one batch of planned people changes against what the directory holds of them: new people (ids from
 * `newId`), people changed in any field the SIS owns or reactivated, people deactivated, the rest unchanged.
 * Pure; `outcomes` hears where each sourcedId ends up.
 */
export function diffPeople(
  planned: readonly PlannedPerson[],
  existing: ReadonlyMap<string, ExistingPerson>,
  newId: () => string,
  outcomes: Map<string, Outcome>,
): PeopleDiff {
  const diff: PeopleDiff = { created: [], updated: [], deactivated: [], unchanged: 0, withdrawnUnknown: 0 };
  for (const plan of planned) {
    const current = existing.get(plan.sourcedId);
    if (!current) {
      const id = newId();
      outcomes.set(plan.sourcedId, { id, kind: plan.person.kind, active: !plan.deactivate });
      // Someone the SIS deletes before the directory ever saw them: nothing to do.
      if (plan.deactivate) {
        diff.unchanged += 1;
        diff.withdrawnUnknown += 1;
      } else diff.created.push({ ...plan, id });
      continue;
    }
    if (plan.deactivate) {
      outcomes.set(plan.sourcedId, { id: current.id, kind: current.kind, active: false });
      if (current.active)
        diff.deactivated.push({ id: current.id, kind: current.kind, schoolIds: current.schoolIds });
      else diff.unchanged += 1;
      continue;
    }
    outcomes.set(plan.sourcedId, {
      id: current.id,
      kind: plan.keepMemberships ? current.kind : plan.person.kind,
      active: true,
    });
    if (isUnchanged(plan, current)) diff.unchanged += 1;
    else diff.updated.push({ ...plan, id: current.id });
  }
  return diff;
}

export function membershipKey(plan: PlannedPerson): string {
  return plan.memberships.map((m) => `${m.schoolId}${m.role}${m.grade ?? ''}`).join(',');
}

function isUnchanged(plan: PlannedPerson, current: ExistingPerson): boolean {
  return (
    current.active &&
    current.kind === plan.person.kind &&
    current.givenName === plan.person.givenName &&
    current.middleName === (plan.person.middleName ?? null) &&
    current.familyName === plan.person.familyName &&
    current.preferredName === (plan.person.preferredName ?? null) &&
    canonicalJson(current.emails) === canonicalJson(plan.person.emails) &&
    canonicalJson(current.phones) === canonicalJson(plan.person.phones) &&
    (plan.keepMemberships || current.membershipKey === membershipKey(plan))
  );
}
