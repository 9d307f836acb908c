import type { EntityManager } from 'typeorm';
import {
  emptySummary,
  IMPORT_REASONS,
  ReportSink,
  type ChangeCount,
  type DeactivationAlarm,
  type FileSummary,
} from '../import-report';
import type { RosterSet } from '../roster-set';
import { countChanges } from './change-counts';
import { diffPeople, type Outcome, type PeopleDiff } from './diff-people';
import {
  activeSisPeopleNotIn,
  activeSisRecords,
  agentOutcomes,
  districtDefaults,
  existingPeople,
  existingSchools,
  knownKinds,
} from './directory-state';
import { planGuardianLinks, type GuardianLink } from './guardian-links';
import { planSchools, type SchoolPlan } from './plan-schools';
import { resolvePeople } from './resolve-people';
import { massDeactivation } from './safeguards';

/** People compared with the directory this many at a time, so a million-person set never loads them all. */
export const PLAN_BATCH = 5_000;

export interface RosterPlan {
  oneRosterVersion: string;
  timeZone: string;
  schools: SchoolPlan;
  people: PeopleDiff;
  links: GuardianLink[];
  summaries: FileSummary[];
  sink: ReportSink;
  changes: ChangeCount[];
  massDeactivation: DeactivationAlarm[];
}

export interface PlanProgress {
  /** reading the files, checking their rows, comparing with the directory, writing, telling other services. */
  phase: 'reading' | 'checking' | 'planning' | 'writing' | 'publishing';
  done: number;
  total: number;
}

export type ProgressListener = (progress: PlanProgress) => void | Promise<void>;

/**
 * Everything a set would change, computed without writing: the schools, each person created, updated or
 * deactivated, the guardian links, the report and the safeguard's figures. The same plan is what a dry run
 * shows and what an import applies.
 */
export async function planRoster(
  manager: EntityManager,
  set: RosterSet,
  { newId, onProgress = () => undefined }: { newId: () => string; onProgress?: ProgressListener },
): Promise<RosterPlan> {
  const sink = new ReportSink();
  for (const warning of set.warnings) sink.warnings.push(warning);
  const { timeZone, language } = await districtDefaults(manager);
  const before = await existingSchools(manager);
  const schools = planSchools(set.tables.orgs, before, sink, newId);
  const summaries: FileSummary[] = schools.summary ? [schools.summary] : [];
  const people: PeopleDiff = { created: [], updated: [], deactivated: [], unchanged: 0, withdrawnUnknown: 0 };
  let links: GuardianLink[] = [];
  const users = set.tables.users;
  if (users) {
    const withRoles = new Set(
      [...(set.tables.roles?.rows ?? []), ...(set.tables.enrollments?.rows ?? [])].map(
        (row) => row.values['userSourcedId'],
      ),
    );
    const resolved = await resolvePeople(
      set,
      {
        schoolIds: schools.schoolIds,
        nonSchoolOrgs: schools.nonSchoolOrgs,
        knownKinds:
          set.oneRosterVersion === '1.2'
            ? await knownKinds(
                manager,
                users.rows
                  .map((row) => row.values['sourcedId'] ?? '')
                  .filter((id) => id && !withRoles.has(id)),
              )
            : new Map(),
        language,
        today: new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date()),
      },
      sink,
      onProgress,
    );
    const outcomes = new Map<string, Outcome>();
    for (let start = 0; start < resolved.people.length; start += PLAN_BATCH) {
      const batch = resolved.people.slice(start, start + PLAN_BATCH);
      const existing = await existingPeople(
        manager,
        batch.map((p) => p.sourcedId),
      );
      const diff = diffPeople(batch, existing, newId, outcomes);
      people.created.push(...diff.created);
      people.updated.push(...diff.updated);
      people.deactivated.push(...diff.deactivated);
      people.unchanged += diff.unchanged;
      people.withdrawnUnknown += diff.withdrawnUnknown;
      await onProgress({ phase: 'planning', done: start + batch.length, total: resolved.people.length });
    }
    if (users.mode === 'bulk') {
      const listed = new Set(users.rows.map((row) => row.values['sourcedId'] ?? ''));
      people.deactivated.push(...(await activeSisPeopleNotIn(manager, listed)));
    }
    const userSummary = resolved.summaries[0]!;
    userSummary.created = people.created.length;
    userSummary.updated = people.updated.length;
    userSummary.deactivated = people.deactivated.length;
    userSummary.unchanged = people.unchanged;
    if (people.withdrawnUnknown)
      sink.warn(userSummary.file, {
        line: 1,
        sourcedId: null,
        field: null,
        reason: IMPORT_REASONS.withdrawnUnknown,
        message: `${people.withdrawnUnknown} rows name people the directory does not have and the SIS has withdrawn (tobedeleted or inactive, not enabled, or every role ended or not begun): counted unchanged, nobody created`,
      });
    const outside = [...new Set(resolved.people.flatMap((p) => p.agents))].filter((id) => !outcomes.has(id));
    for (const [sourcedId, outcome] of await agentOutcomes(manager, outside))
      outcomes.set(sourcedId, outcome);
    links = planGuardianLinks(resolved.people, outcomes, resolved.refused, userSummary, sink);
    summaries.push(...resolved.summaries);
  }
  if (set.tables.demographics) {
    // Demographics (birth date, sex, ethnicity) are not kept: routing and service need none of them.
    const { source, mode, rows } = set.tables.demographics;
    summaries.push({ ...emptySummary(source, mode, rows.length), unchanged: rows.length });
  }
  const schoolNames = new Map([
    ...before.map((s) => [s.id, s.name] as const),
    ...schools.created.map((s) => [s.id, s.name] as const),
  ]);
  return {
    oneRosterVersion: set.oneRosterVersion,
    timeZone,
    schools,
    people,
    links,
    summaries,
    sink,
    changes: countChanges(schools, people, schoolNames),
    massDeactivation: massDeactivation(await activeSisRecords(manager), {
      people: people.deactivated.length,
      schools: schools.deactivated.length,
    }),
  };
}
