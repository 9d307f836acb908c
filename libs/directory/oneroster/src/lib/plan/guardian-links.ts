import type { RelationshipType } from '@homeroom/directory/domain';
import { IMPORT_REASONS, type FileSummary, type ReportSink } from '../import-report';
import type { Outcome } from './diff-people';
import type { PlannedPerson } from './resolve-people';

export interface GuardianLink {
  guardianId: string;
  studentId: string;
  type: RelationshipType;
}

/**
 * agentSourcedIds link guardians and students, from either side; the guardian's role names the link.
 * A name that is nowhere is a link refused on an accepted row; one whose row was refused is set aside naming
 * that row; a guardian or student the same set deactivates is not linked (a warning: the SIS still lists
 * a family it is taking apart). Pure: `outcomes` holds everyone in the set and every agent the directory
 * already had.
 */
export function planGuardianLinks(
  people: readonly PlannedPerson[],
  outcomes: ReadonlyMap<string, Outcome>,
  refused: ReadonlyMap<string, string>,
  summary: FileSummary,
  sink: ReportSink,
): GuardianLink[] {
  const relationshipOf = new Map(people.map((p) => [p.sourcedId, p.relationship]));
  const links = new Map<string, GuardianLink>();
  for (const plan of people) {
    const self = outcomes.get(plan.sourcedId);
    if (!self?.active) continue;
    for (const agent of plan.agents) {
      const other = outcomes.get(agent);
      const entry = { line: plan.line, sourcedId: plan.sourcedId, field: 'agentSourcedIds' };
      if (!other) {
        const cause = refused.get(agent);
        sink.refuseLink(summary, {
          ...entry,
          reason: cause ? IMPORT_REASONS.refusedUser : IMPORT_REASONS.unknownUser,
          message: cause ? `not linked to ${agent}, whose row was refused` : `no user ${agent}`,
          causedBy: cause ?? null,
        });
        continue;
      }
      if (!other.active) {
        sink.warn(summary.file, {
          ...entry,
          reason: IMPORT_REASONS.deactivatedUser,
          message: `not linked to ${agent}, who is inactive after this set`,
        });
        continue;
      }
      const [guardian, student, guardianSourcedId] =
        self.kind === 'STUDENT' ? [other, self, agent] : [self, other, plan.sourcedId];
      if (guardian.kind !== 'GUARDIAN' || student.kind !== 'STUDENT') continue;
      links.set(`${guardian.id}:${student.id}`, {
        guardianId: guardian.id,
        studentId: student.id,
        type: relationshipOf.get(guardianSourcedId) ?? 'GUARDIAN',
      });
    }
  }
  return [...links.values()];
}
