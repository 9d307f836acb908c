import { emptySummary, IMPORT_REASONS, type FileSummary, type ReportSink } from '../import-report';
import type { RosterTable } from '../roster-set';
import { isWithdrawn } from './resolve-people';

export interface ExistingSchool {
  id: string;
  sourcedId: string | null;
  name: string;
  code: string;
  ncesId: string | null;
  active: boolean;
}

export interface SchoolWrite {
  id: string;
  name: string;
  code: string;
  ncesId: string | null;
  active: boolean;
}

export interface SchoolPlan {
  summary: FileSummary | undefined;
  created: (SchoolWrite & { sourcedId: string })[];
  updated: SchoolWrite[];
  deactivated: ExistingSchool[];
  /** The district org's name, when the set names the district. */
  districtName: string | null;
  /** Every school a user's org may name, by sourcedId: those the directory has and those this set creates. */
  schoolIds: Map<string, string>;
  /** Orgs that are not schools (the district, a department, a state body): a role there makes no membership. */
  nonSchoolOrgs: Set<string>;
}

/**
 * What orgs.csv changes: schools created, updated (name, code, NCES id, status) or deactivated (a
 * `tobedeleted` row, or in bulk mode one the file no longer lists). Pure: the ids of new schools come
 * from `newId`, so what the plan says is exactly what applying it writes.
 */
export function planSchools(
  table: RosterTable | undefined,
  existing: readonly ExistingSchool[],
  sink: ReportSink,
  newId: () => string,
): SchoolPlan {
  const plan: SchoolPlan = {
    summary: table && emptySummary(table.source, table.mode, table.rows.length),
    created: [],
    updated: [],
    deactivated: [],
    districtName: null,
    schoolIds: new Map(existing.filter((s) => s.sourcedId).map((s) => [s.sourcedId!, s.id])),
    nonSchoolOrgs: new Set(),
  };
  if (!table) return plan;
  const summary = plan.summary!;
  const bySourcedId = new Map(existing.filter((s) => s.sourcedId).map((s) => [s.sourcedId!, s]));
  const codes = new Map(existing.map((s) => [s.code, s.sourcedId]));
  const seen = new Set<string>();
  for (const row of table.rows) {
    const { sourcedId = '', name = '', type = '', identifier = '', status = '' } = row.values;
    const refuse = sink.refuserOf(summary, row);
    if (!sourcedId) {
      refuse('sourcedId', IMPORT_REASONS.missingValue, 'sourcedId is empty');
      continue;
    }
    if (seen.has(sourcedId)) {
      refuse('sourcedId', IMPORT_REASONS.duplicateSourcedId, `sourcedId ${sourcedId} appears twice`);
      continue;
    }
    seen.add(sourcedId);
    if (type !== 'school') {
      if (type === 'district' && name) plan.districtName = name;
      plan.nonSchoolOrgs.add(sourcedId);
      summary.unchanged += 1;
      continue;
    }
    if (!name) {
      refuse('name', IMPORT_REASONS.missingValue, 'name is empty');
      continue;
    }
    const code = (identifier || sourcedId).toUpperCase().slice(0, 32);
    if (codes.has(code) && codes.get(code) !== sourcedId) {
      refuse('identifier', IMPORT_REASONS.conflict, `another school already has the code ${code}`);
      continue;
    }
    codes.set(code, sourcedId);
    const active = !isWithdrawn(status);
    const write = { name, code, ncesId: identifier || null, active };
    const current = bySourcedId.get(sourcedId);
    if (!current) {
      const id = newId();
      plan.schoolIds.set(sourcedId, id);
      plan.created.push({ id, sourcedId, ...write });
      summary.created += 1;
    } else if (current.active && !active) {
      plan.deactivated.push(current);
      summary.deactivated += 1;
    } else if (
      current.name !== name ||
      current.code !== code ||
      current.ncesId !== write.ncesId ||
      current.active !== active
    ) {
      plan.updated.push({ id: current.id, ...write });
      summary.updated += 1;
    } else {
      summary.unchanged += 1;
    }
  }
  if (table.mode === 'bulk') {
    const gone = existing.filter((s) => s.sourcedId && s.active && !seen.has(s.sourcedId));
    plan.deactivated.push(...gone);
    summary.deactivated += gone.length;
  }
  return plan;
}
