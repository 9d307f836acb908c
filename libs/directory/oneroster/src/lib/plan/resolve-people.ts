import { DomainException } from '@homeroom/shared/errors';
import type { MembershipRole, PersonKind, RelationshipType } from '@homeroom/directory/domain';
import { normalizedPerson, type PersonInput } from '@homeroom/directory/data-access';
import type { CsvRow } from '../read/csv-table';
import { emptySummary, IMPORT_REASONS, rowPlace, type FileSummary, type ReportSink } from '../import-report';
import type { RosterSet, RosterTable } from '../roster-set';
import { isIsoDate, isIsoDateTime } from './dates';
import type { ProgressListener } from './plan-roster';
import { oneRosterRole } from './roles';

export interface Membership {
  schoolId: string;
  role: MembershipRole;
  grade: string | null;
}

/** A user of the set as the directory will hold them; compared with what it holds in diffPeople. */
export interface PlannedPerson {
  line: number;
  sourcedId: string;
  person: ReturnType<typeof normalizedPerson>;
  /** Sorted in code-point order, as PostgreSQL's COLLATE "C" (see loadExistingPeople), so lists compare equal. */
  memberships: Membership[];
  relationship: RelationshipType | undefined;
  agents: string[];
  deactivate: boolean;
  /** A delta row without roles for someone already known: their kind and memberships stay as they are. */
  keepMemberships: boolean;
}

export interface PeopleContext {
  /** Schools by org sourcedId, those the set creates included. */
  schoolIds: ReadonlyMap<string, string>;
  nonSchoolOrgs: ReadonlySet<string>;
  /** The kinds the directory already knows, for users a 1.2 delta sends without roles. */
  knownKinds: ReadonlyMap<string, PersonKind>;
  /** New people's language: the district's first. */
  language: string;
  /** Today in the district (`YYYY-MM-DD`): roles that ended before it, or begin after it, make no membership. */
  today: string;
}

export interface ResolvedPeople {
  people: PlannedPerson[];
  summaries: FileSummary[];
  /** Users the set refused, by sourcedId, with where: their roles and links are set aside naming this row. */
  refused: Map<string, string>;
}

interface RoleRef {
  role: string;
  org: string;
  primary: boolean;
  /** The roles.csv or enrollments.csv row it came from; settled once its user is. */
  from?: { summary: FileSummary; row: CsvRow };
}

/** A stand-in primary role for a known person whose delta row brings none (see keepMemberships). */
const KEEP_ROLE: Partial<Record<PersonKind, RoleRef>> = {
  STUDENT: { role: 'student', org: '', primary: true },
  GUARDIAN: { role: 'guardian', org: '', primary: true },
  STAFF: { role: 'teacher', org: '', primary: true },
};

/** Rows checked between two looks at the event loop. */
const YIELD_EVERY = 2_000;

/**
 * A record the SIS takes back: 1.1/1.2's `tobedeleted` and 1.0's `inactive`, however an export spells them
 * (`toBeDeleted`, `Inactive`).
 */
export function isWithdrawn(status: string | undefined): boolean {
  const normalized = status?.trim().toLowerCase();
  return normalized === 'tobedeleted' || normalized === 'inactive';
}

const isExtensionRole = (role: string) => role.trim().startsWith('ext:');

/**
 * Users with their kind, school memberships (from roles.csv, enrollments.csv or the 1.0/1.1 columns) and
 * guardian names, each refused row reported where it is. Pure: nothing here reads or writes the directory.
 *
 * Roles and enrollments are settled after their users, so a row whose user was refused is set aside
 * naming that user's row (skipped), not blamed for it; and `ext:` roles (1.2's extensions) are taken as
 * rows that give no membership, with a warning, since what they mean is the district's own.
 */
export async function resolvePeople(
  set: RosterSet,
  context: PeopleContext,
  sink: ReportSink,
  onProgress: ProgressListener = () => undefined,
): Promise<ResolvedPeople> {
  const users = set.tables.users!;
  const userSummary = summaryOf(users)!;
  const roleSummary = summaryOf(set.tables.roles);
  const enrollmentSummary = summaryOf(set.tables.enrollments);
  const userIds = new Set(users.rows.map((row) => row.values['sourcedId']));
  const rolesOf = new Map<string, RoleRef[]>();
  /** Users whose every role has ended or not begun: out of the district's roster, so deactivated. */
  const pastRoles = new Map<string, RoleRef[]>();
  const extensionRoles = new Map<string, string[]>();
  const extensionRefs: RoleRef[] = [];
  const add = (into: Map<string, RoleRef[]>, user: string, ref: RoleRef) =>
    into.set(user, [...(into.get(user) ?? []), ref]);

  for (const row of set.tables.roles?.rows ?? []) {
    const {
      userSourcedId = '',
      role = '',
      orgSourcedId = '',
      roleType = '',
      beginDate = '',
      endDate = '',
    } = row.values;
    const refuse = sink.refuserOf(roleSummary!, row);
    if (!userIds.has(userSourcedId)) {
      refuse('userSourcedId', IMPORT_REASONS.unknownUser, `no user ${userSourcedId} in ${users.source}`);
      continue;
    }
    if (!isExtensionRole(role) && !oneRosterRole(role)) {
      refuse('role', IMPORT_REASONS.unknownRole, `unknown role "${role}"`);
      continue;
    }
    if (!context.schoolIds.has(orgSourcedId) && !context.nonSchoolOrgs.has(orgSourcedId)) {
      refuse('orgSourcedId', IMPORT_REASONS.unknownOrg, `no org ${orgSourcedId}`);
      continue;
    }
    const badDate = [
      ['beginDate', beginDate],
      ['endDate', endDate],
    ].find(([, value]) => value && !isIsoDate(value));
    if (badDate) {
      refuse(
        badDate[0]!,
        IMPORT_REASONS.invalidDate,
        `${badDate[0]} "${badDate[1]}" is not a date (YYYY-MM-DD)`,
      );
      continue;
    }
    if (beginDate && endDate && endDate < beginDate) {
      refuse('endDate', IMPORT_REASONS.invalidDate, `endDate ${endDate} is before beginDate ${beginDate}`);
      continue;
    }
    const ref = {
      role,
      org: orgSourcedId,
      primary: roleType === 'primary',
      from: { summary: roleSummary!, row },
    };
    if (isExtensionRole(role)) {
      if (![...extensionRoles.values()].some((names) => names.includes(role.trim())))
        sink.warn(roleSummary!.file, {
          line: row.line,
          sourcedId: row.values['sourcedId'] || null,
          field: 'role',
          reason: IMPORT_REASONS.extensionRole,
          message: `"${role.trim()}" is an extension role (first seen here): its rows are taken and give no school membership`,
        });
      extensionRoles.set(userSourcedId, [...(extensionRoles.get(userSourcedId) ?? []), role.trim()]);
      extensionRefs.push(ref);
      continue;
    }
    const current = (!beginDate || beginDate <= context.today) && (!endDate || endDate >= context.today);
    add(current ? rolesOf : pastRoles, userSourcedId, ref);
  }
  for (const row of set.tables.enrollments?.rows ?? []) {
    const { userSourcedId = '', schoolSourcedId = '' } = row.values;
    const refuse = sink.refuserOf(enrollmentSummary!, row);
    if (!userIds.has(userSourcedId)) {
      refuse('userSourcedId', IMPORT_REASONS.unknownUser, `no user ${userSourcedId} in ${users.source}`);
      continue;
    }
    // An enrollment at an org that is not a school (a department) is real and makes no school membership.
    if (!context.schoolIds.has(schoolSourcedId) && !context.nonSchoolOrgs.has(schoolSourcedId)) {
      refuse('schoolSourcedId', IMPORT_REASONS.unknownOrg, `no org ${schoolSourcedId}`);
      continue;
    }
    add(rolesOf, userSourcedId, {
      role: '',
      org: schoolSourcedId,
      primary: false,
      from: { summary: enrollmentSummary!, row },
    });
  }

  const people: PlannedPerson[] = [];
  const refused = new Map<string, string>();
  const seen = new Set<string>();
  for (const [index, row] of users.rows.entries()) {
    // Checking a row takes microseconds; a million of them, seconds: let the service answer in between.
    if (index % YIELD_EVERY === 0) {
      await onProgress({ phase: 'checking', done: index, total: users.rows.length });
      await new Promise((resolve) => setImmediate(resolve));
    }
    const v = row.values;
    const sourcedId = v['sourcedId'] ?? '';
    const refuse = (field: string | null, reason: string, message: string) => {
      sink.refuse(userSummary, { line: row.line, sourcedId: sourcedId || null, field, reason, message });
      if (sourcedId && !refused.has(sourcedId)) refused.set(sourcedId, rowPlace(users.source, row.line));
    };
    if (!sourcedId) {
      refuse('sourcedId', IMPORT_REASONS.missingValue, 'sourcedId is empty');
      continue;
    }
    if (seen.has(sourcedId)) {
      // The first row with this sourcedId stands; only this one is refused.
      sink.refuse(userSummary, {
        line: row.line,
        sourcedId,
        field: 'sourcedId',
        reason: IMPORT_REASONS.duplicateSourcedId,
        message: `sourcedId ${sourcedId} appears twice`,
      });
      continue;
    }
    seen.add(sourcedId);
    if (v['dateLastModified'] && !isIsoDateTime(v['dateLastModified']))
      sink.warn(users.source, {
        line: row.line,
        sourcedId,
        field: 'dateLastModified',
        reason: IMPORT_REASONS.invalidDate,
        message: `dateLastModified "${v['dateLastModified']}" is not an ISO 8601 date-time; the row was taken`,
      });
    if (set.oneRosterVersion !== '1.2') {
      for (const org of splitList(v['orgSourcedIds']))
        add(rolesOf, sourcedId, { role: v['role'] ?? '', org, primary: true });
    }
    const enrolments = rolesOf.get(sourcedId) ?? [];
    const roles = enrolments.filter((r) => r.role);
    const ended = pastRoles.get(sourcedId) ?? [];
    const known = context.knownKinds.get(sourcedId);
    const primary =
      roles.find((r) => r.primary) ??
      roles[0] ??
      ended.find((r) => r.primary) ??
      ended[0] ??
      (set.oneRosterVersion === '1.2' && known ? KEEP_ROLE[known] : undefined);
    if (!primary) {
      const extensions = extensionRoles.get(sourcedId);
      if (extensions)
        refuse(
          'role',
          IMPORT_REASONS.extensionRole,
          `only extension roles (${extensions.join(', ')}), which say nothing of whether this is a student, a guardian or staff`,
        );
      else refuse('role', IMPORT_REASONS.missingValue, 'the user has no role');
      continue;
    }
    const mapped = oneRosterRole(primary.role);
    if (!mapped) {
      refuse('role', IMPORT_REASONS.unknownRole, `unknown role "${primary.role}"`);
      continue;
    }
    const unknownOrg = roles.find((r) => !context.schoolIds.has(r.org) && !context.nonSchoolOrgs.has(r.org));
    if (unknownOrg) {
      refuse('orgSourcedIds', IMPORT_REASONS.unknownOrg, `no org ${unknownOrg.org}`);
      continue;
    }
    const grade = mapped.kind === 'STUDENT' ? (splitList(v['grades'])[0] ?? null) : null;
    const memberships = new Map<string, Membership>();
    for (const ref of enrolments) {
      const schoolId = context.schoolIds.get(ref.org);
      const membership = ref.role ? oneRosterRole(ref.role)?.membership : mapped.membership;
      if (schoolId && membership)
        memberships.set(`${schoolId}:${membership}`, { schoolId, role: membership, grade });
    }
    const input: PersonInput = {
      kind: mapped.kind,
      givenName: v['givenName'] ?? '',
      middleName: v['middleName'] || null,
      familyName: v['familyName'] ?? '',
      preferredName: v['preferredGivenName'] || null,
      emails: v['email'] ? [{ address: v['email'], primary: true }] : [],
      phones: [
        ...(v['sms'] ? [{ number: v['sms'], primary: true, type: 'MOBILE' as const }] : []),
        ...(v['phone'] ? [{ number: v['phone'], primary: !v['sms'], type: 'HOME' as const }] : []),
      ],
      preferredLanguage: context.language,
      sourcedId,
    };
    try {
      const person = withoutUnusableContacts(input, (field, reason, message) =>
        sink.warn(users.source, { line: row.line, sourcedId, field, reason, message }),
      );
      people.push({
        line: row.line,
        sourcedId,
        person,
        memberships: [...memberships.values()].sort((a, b) =>
          `${a.schoolId}${a.role}` < `${b.schoolId}${b.role}` ? -1 : 1,
        ),
        relationship: mapped.relationship,
        agents: splitList(v['agentSourcedIds']),
        // A user the SIS no longer enables, or whose roles have all ended, is kept inactive like one it deletes.
        deactivate:
          isWithdrawn(v['status']) ||
          v['enabledUser']?.trim().toLowerCase() === 'false' ||
          (roles.length === 0 && ended.length > 0),
        keepMemberships: enrolments.length === 0 && ended.length === 0,
      });
    } catch (error) {
      if (!(error instanceof DomainException)) throw error;
      const problem = error.details?.[0];
      refuse(
        csvField(problem?.path ?? ''),
        error.reason ?? IMPORT_REASONS.invalidValue,
        problem?.message ?? error.message,
      );
    }
  }

  // Roles and enrollments go with their user: taken with them, or set aside naming the row refused.
  for (const ref of [...rolesOf.values(), ...pastRoles.values(), extensionRefs].flat()) settle(ref);
  return {
    people,
    summaries: [
      userSummary,
      ...(roleSummary ? [roleSummary] : []),
      ...(enrollmentSummary ? [enrollmentSummary] : []),
    ],
    refused,
  };

  function settle(ref: RoleRef): void {
    if (!ref.from) return;
    const { summary, row } = ref.from;
    const user = row.values['userSourcedId'] ?? '';
    if (!refused.has(user)) {
      summary.unchanged += 1;
      return;
    }
    sink.skip(summary, {
      line: row.line,
      sourcedId: row.values['sourcedId'] || null,
      field: 'userSourcedId',
      reason: IMPORT_REASONS.refusedUser,
      message: `set aside: its user ${user} was refused`,
      causedBy: refused.get(user)!,
    });
  }
}

function summaryOf(table: RosterTable | undefined): FileSummary | undefined {
  return table && emptySummary(table.source, table.mode, table.rows.length);
}

const CONTACT_FIELDS: Record<string, string> = { emails: 'email', phones: 'sms/phone' };

/**
 * The person, without the email addresses and phone numbers that cannot be used (OneRoster's sms and phone
 * are free text: `555-1234`, `ext. 12`, a note): each one left out is a warning, never the whole person
 * refused. Anything else wrong (a name, the language) still refuses the row.
 */
function withoutUnusableContacts(
  input: PersonInput,
  warn: (field: string, reason: string, message: string) => void,
): ReturnType<typeof normalizedPerson> {
  let current = input;
  for (;;) {
    try {
      return normalizedPerson(current);
    } catch (error) {
      if (!(error instanceof DomainException)) throw error;
      const problem = error.details?.[0];
      const match = /^(emails|phones)\.(\d+)\./.exec(problem?.path ?? '');
      if (!match) throw error;
      const [, list, index] = match as unknown as [string, 'emails' | 'phones', string];
      const entries = [...(current[list] ?? [])];
      const [dropped] = entries.splice(Number(index), 1);
      warn(
        list === 'phones' && dropped && 'type' in dropped
          ? dropped.type === 'MOBILE'
            ? 'sms'
            : 'phone'
          : CONTACT_FIELDS[list]!,
        error.reason ?? IMPORT_REASONS.invalidValue,
        `${problem?.message ?? error.message}; the person was kept without it`,
      );
      current = { ...current, [list]: entries };
      // The primary one gone, the next becomes primary.
      if (entries.length && !entries.some((entry) => entry.primary)) {
        current = { ...current, [list]: entries.map((entry, i) => ({ ...entry, primary: i === 0 })) };
      }
    }
  }
}

export function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

/** A domain field path back to the CSV column a SIS administrator fixes. */
function csvField(path: string): string {
  if (path.startsWith('emails')) return 'email';
  if (path.startsWith('phones')) return 'sms/phone';
  return path || 'row';
}
