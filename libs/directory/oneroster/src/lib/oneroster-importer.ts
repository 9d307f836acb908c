import { randomUUID } from 'node:crypto';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { DomainException, ERROR_CODES, InvalidInputException } from '@homeroom/shared/errors';
import { inTransaction } from '@homeroom/platform/database';
import type { OutboxWriter } from '@homeroom/platform/messaging';
import type { MembershipRole, PersonKind, RelationshipType } from '@homeroom/directory/domain';
import {
  PersonCreated,
  PersonDeactivated,
  PersonUpdated,
  SchoolCreated,
  SchoolDeactivated,
  SchoolUpdated,
} from '@homeroom/directory/contracts';
import {
  normalizedPerson,
  PersonEntity,
  personSnapshot,
  SchoolMembershipEntity,
  type PersonInput,
} from '@homeroom/directory/data-access';
import { readCsv, type CsvRow } from './csv-table';
import {
  emptySummary,
  IMPORT_REASONS,
  type FileSummary,
  type ImportReport,
  type RejectedRow,
} from './import-report';
import { readManifest, type Manifest } from './manifest';
import { oneRosterRole } from './roles';

const CHUNK = 2_000;

interface Membership {
  schoolId: string;
  role: MembershipRole;
  grade: string | null;
}

interface UserPlan {
  line: number;
  sourcedId: string;
  person: ReturnType<typeof normalizedPerson>;
  memberships: Membership[];
  relationship: RelationshipType | undefined;
  agents: string[];
  deactivate: boolean;
  /** A delta row without roles for someone already known: their kind and memberships stay as they are. */
  keepMemberships: boolean;
}

interface ExistingPerson {
  id: string;
  sourced_id: string;
  kind: PersonKind;
  given_name: string;
  middle_name: string | null;
  family_name: string;
  preferred_name: string | null;
  emails: unknown;
  phones: unknown;
  active: boolean;
  preferred_language: string;
  memberships: string | null;
}

/**
 * Imports a OneRoster 1.1 or 1.2 CSV set (what SIS products export) in one transaction: orgs become
 * schools, users become people with school memberships (from roles.csv, enrollments.csv or 1.1's columns)
 * and guardian links (agentSourcedIds). Idempotent by sourcedId: the same files twice change nothing.
 * Bad rows are reported with file, line, field and reason while good rows go in; a bad manifest or an
 * unreadable file refuses the whole set.
 */
export class OneRosterImporter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  async import(
    files: Readonly<Record<string, Buffer>>,
    { allowMassDeactivation = false }: ImportOptions = {},
  ): Promise<ImportReport> {
    const started = Date.now();
    const manifest = readManifest(files['manifest']);
    const tables = readTables(manifest, files);
    refuseEmptyBulkFiles(manifest, tables);
    const rejected: RejectedRow[] = [];
    const warnings: RejectedRow[] = [];
    const summaries: FileSummary[] = [];
    await inTransaction(this.dataSource, async (manager) => {
      const district = (await manager.query('SELECT time_zone, languages FROM district LIMIT 1')) as {
        time_zone: string;
        languages: string[];
      }[];
      const timeZone = district[0]?.time_zone ?? 'America/Chicago';
      const language = district[0]?.languages[0] ?? 'en';
      if (tables['orgs'])
        summaries.push(
          await this.importOrgs(
            manager,
            tables['orgs'],
            manifest.files['orgs'] as 'bulk' | 'delta',
            timeZone,
            rejected,
          ),
        );
      const schools = new Map(
        (
          (await manager.query('SELECT id, sourced_id FROM school WHERE sourced_id IS NOT NULL')) as {
            id: string;
            sourced_id: string;
          }[]
        ).map((s) => [s.sourced_id, s.id]),
      );
      // Orgs that are not schools (the district, a department, a local or state body): a role there is
      // real, and makes no school membership.
      const nonSchoolOrgs = new Set(
        (tables['orgs'] ?? [])
          .filter((row) => row.values['type'] !== 'school')
          .map((row) => row.values['sourcedId']!),
      );
      const before = await activeSisRecords(manager);
      if (tables['users']) {
        summaries.push(
          ...(await this.importUsers(manager, manifest, tables, schools, nonSchoolOrgs, language, {
            rejected,
            warnings,
          })),
        );
      }
      if (!allowMassDeactivation) refuseMassDeactivation(before, summaries);
      if (tables['demographics']) {
        // Demographics (birth date, sex, ethnicity) are not kept: routing and service need none of them.
        summaries.push({
          ...emptySummary('demographics.csv', manifest.files['demographics'] as 'bulk' | 'delta'),
          rows: tables['demographics'].length,
          unchanged: tables['demographics'].length,
        });
      }
    });
    return {
      oneRosterVersion: manifest.oneRosterVersion,
      files: summaries,
      rejected,
      warnings,
      seconds: (Date.now() - started) / 1_000,
    };
  }

  private async importOrgs(
    manager: EntityManager,
    rows: CsvRow[],
    mode: 'bulk' | 'delta',
    timeZone: string,
    rejected: RejectedRow[],
  ): Promise<FileSummary> {
    const summary = { ...emptySummary('orgs.csv', mode), rows: rows.length };
    const existing = (await manager.query(
      'SELECT id, sourced_id, name, code, nces_id, active FROM school',
    )) as {
      id: string;
      sourced_id: string | null;
      name: string;
      code: string;
      nces_id: string | null;
      active: boolean;
    }[];
    const bySourcedId = new Map(existing.filter((s) => s.sourced_id).map((s) => [s.sourced_id!, s]));
    const codes = new Map(existing.map((s) => [s.code, s.sourced_id]));
    const seen = new Set<string>();
    const reject = (row: CsvRow, field: string | null, reason: string, message: string) => {
      summary.rejected += 1;
      rejected.push({
        file: 'orgs.csv',
        line: row.line,
        sourcedId: row.values['sourcedId'] || null,
        field,
        reason,
        message,
      });
    };
    for (const row of rows) {
      const { sourcedId = '', name = '', type = '', identifier = '', status = '' } = row.values;
      if (!sourcedId) {
        reject(row, 'sourcedId', IMPORT_REASONS.missingValue, 'sourcedId is empty');
        continue;
      }
      if (seen.has(sourcedId)) {
        reject(row, 'sourcedId', IMPORT_REASONS.duplicateSourcedId, `sourcedId ${sourcedId} appears twice`);
        continue;
      }
      seen.add(sourcedId);
      if (type === 'district') {
        if (name) await manager.query('UPDATE district SET name = $1 WHERE name IS DISTINCT FROM $1', [name]);
        summary.unchanged += 1;
        continue;
      }
      if (type !== 'school') {
        summary.unchanged += 1;
        continue;
      }
      if (!name) {
        reject(row, 'name', IMPORT_REASONS.missingValue, 'name is empty');
        continue;
      }
      const current = bySourcedId.get(sourcedId);
      const code = (identifier || sourcedId).toUpperCase().slice(0, 32);
      if (codes.has(code) && codes.get(code) !== sourcedId) {
        reject(row, 'identifier', IMPORT_REASONS.conflict, `another school already has the code ${code}`);
        continue;
      }
      codes.set(code, sourcedId);
      const active = status !== 'tobedeleted';
      if (!current) {
        const id = randomUUID();
        await manager.query(
          `INSERT INTO school (id, name, code, nces_id, type, time_zone, sourced_id, active, version) VALUES ($1, $2, $3, $4, 'OTHER', $5, $6, $7, 1)`,
          [id, name, code, identifier || null, timeZone, sourcedId, active],
        );
        await this.outbox.append(manager, SchoolCreated, {
          aggregateId: id,
          data: { schoolId: id, name, code, timeZone, active },
        });
        summary.created += 1;
        continue;
      }
      if (current.active && !active) {
        await manager.query(
          'UPDATE school SET active = false, version = version + 1, updated_at = now() WHERE id = $1',
          [current.id],
        );
        await this.outbox.append(manager, SchoolDeactivated, {
          aggregateId: current.id,
          data: { schoolId: current.id },
        });
        summary.deactivated += 1;
      } else if (
        current.name !== name ||
        current.code !== code ||
        current.nces_id !== (identifier || null) ||
        current.active !== active
      ) {
        await manager.query(
          'UPDATE school SET name = $2, code = $3, nces_id = $4, active = $5, version = version + 1, updated_at = now() WHERE id = $1',
          [current.id, name, code, identifier || null, active],
        );
        await this.outbox.append(manager, SchoolUpdated, {
          aggregateId: current.id,
          data: { schoolId: current.id, name, code, timeZone, active },
        });
        summary.updated += 1;
      } else {
        summary.unchanged += 1;
      }
    }
    if (mode === 'bulk') {
      const gone = existing.filter((s) => s.sourced_id && s.active && !seen.has(s.sourced_id));
      for (const school of gone) {
        await manager.query(
          'UPDATE school SET active = false, version = version + 1, updated_at = now() WHERE id = $1',
          [school.id],
        );
        await this.outbox.append(manager, SchoolDeactivated, {
          aggregateId: school.id,
          data: { schoolId: school.id },
        });
      }
      summary.deactivated += gone.length;
    }
    return summary;
  }

  private async importUsers(
    manager: EntityManager,
    manifest: Manifest,
    tables: Record<string, CsvRow[]>,
    schools: Map<string, string>,
    nonSchoolOrgs: Set<string>,
    language: string,
    { rejected, warnings }: { rejected: RejectedRow[]; warnings: RejectedRow[] },
  ): Promise<FileSummary[]> {
    const mode = manifest.files['users'] as 'bulk' | 'delta';
    const users = tables['users']!;
    const summary = { ...emptySummary('users.csv', mode), rows: users.length };
    const roleSummary = tables['roles']
      ? {
          ...emptySummary('roles.csv', manifest.files['roles'] as 'bulk' | 'delta'),
          rows: tables['roles'].length,
        }
      : undefined;
    const enrollmentSummary = tables['enrollments']
      ? {
          ...emptySummary('enrollments.csv', manifest.files['enrollments'] as 'bulk' | 'delta'),
          rows: tables['enrollments'].length,
        }
      : undefined;
    const reject = (
      file: string,
      target: FileSummary,
      row: CsvRow,
      sourcedId: string | null,
      field: string | null,
      reason: string,
      message: string,
    ) => {
      target.rejected += 1;
      rejected.push({ file, line: row.line, sourcedId, field, reason, message });
    };
    // Rows of roles.csv and enrollments.csv are named by their own sourcedId.
    const rowRejecter =
      (file: string, target: FileSummary | undefined) =>
      (row: CsvRow, field: string, reason: string, message: string) =>
        reject(file, target!, row, row.values['sourcedId'] || null, field, reason, message);
    const rejectRole = rowRejecter('roles.csv', roleSummary);
    const rejectEnrollment = rowRejecter('enrollments.csv', enrollmentSummary);

    // Roles and memberships per user, from whichever files carry them.
    const userIds = new Set(users.map((row) => row.values['sourcedId']));
    const rolesOf = new Map<string, { role: string; org: string; primary: boolean }[]>();
    const addRole = (user: string, role: string, org: string, primary: boolean) =>
      rolesOf.set(user, [...(rolesOf.get(user) ?? []), { role, org, primary }]);
    for (const row of tables['roles'] ?? []) {
      const { userSourcedId = '', role = '', orgSourcedId = '', roleType = '' } = row.values;
      if (!userIds.has(userSourcedId)) {
        rejectRole(row, 'userSourcedId', IMPORT_REASONS.unknownUser, `no user ${userSourcedId} in users.csv`);
        continue;
      }
      if (!oneRosterRole(role)) {
        rejectRole(row, 'role', IMPORT_REASONS.unknownRole, `unknown role "${role}"`);
        continue;
      }
      if (!schools.has(orgSourcedId) && !nonSchoolOrgs.has(orgSourcedId)) {
        rejectRole(row, 'orgSourcedId', IMPORT_REASONS.unknownOrg, `no org ${orgSourcedId}`);
        continue;
      }
      addRole(userSourcedId, role, orgSourcedId, roleType === 'primary');
      roleSummary!.unchanged += 1;
    }
    const enrolledAt = new Map<string, Set<string>>();
    for (const row of tables['enrollments'] ?? []) {
      const { userSourcedId = '', schoolSourcedId = '' } = row.values;
      if (!userIds.has(userSourcedId)) {
        rejectEnrollment(
          row,
          'userSourcedId',
          IMPORT_REASONS.unknownUser,
          `no user ${userSourcedId} in users.csv`,
        );
        continue;
      }
      if (!schools.has(schoolSourcedId)) {
        rejectEnrollment(row, 'schoolSourcedId', IMPORT_REASONS.unknownOrg, `no school ${schoolSourcedId}`);
        continue;
      }
      enrolledAt.set(userSourcedId, new Set([...(enrolledAt.get(userSourcedId) ?? []), schoolSourcedId]));
      enrollmentSummary!.unchanged += 1;
    }

    // People this import does not give a role, but whom the directory already knows (a delta that only
    // changes a name or an email): they keep their kind and memberships.
    const roleless = users.map((row) => row.values['sourcedId'] ?? '').filter((id) => id && !rolesOf.has(id));
    const knownKinds = new Map(
      roleless.length && manifest.oneRosterVersion === '1.2'
        ? (
            (await manager.query('SELECT sourced_id, kind FROM person WHERE sourced_id = ANY($1)', [
              roleless,
            ])) as { sourced_id: string; kind: PersonKind }[]
          ).map((r) => [r.sourced_id, r.kind])
        : [],
    );

    const plans: UserPlan[] = [];
    const seen = new Set<string>();
    for (const row of users) {
      const v = row.values;
      const sourcedId = v['sourcedId'] ?? '';
      const fail = (field: string | null, reason: string, message: string) =>
        reject('users.csv', summary, row, sourcedId || null, field, reason, message);
      if (!sourcedId) {
        fail('sourcedId', IMPORT_REASONS.missingValue, 'sourcedId is empty');
        continue;
      }
      if (seen.has(sourcedId)) {
        fail('sourcedId', IMPORT_REASONS.duplicateSourcedId, `sourcedId ${sourcedId} appears twice`);
        continue;
      }
      seen.add(sourcedId);
      if (manifest.oneRosterVersion === '1.1') {
        for (const org of splitList(v['orgSourcedIds'])) addRole(sourcedId, v['role'] ?? '', org, true);
      }
      const roles = rolesOf.get(sourcedId) ?? [];
      const primary = roles.find((r) => r.primary) ?? roles[0] ?? KEEP_ROLE[knownKinds.get(sourcedId) ?? ''];
      if (!primary) {
        fail('role', IMPORT_REASONS.missingValue, 'the user has no role');
        continue;
      }
      const mapped = oneRosterRole(primary.role);
      if (!mapped) {
        fail('role', IMPORT_REASONS.unknownRole, `unknown role "${primary.role}"`);
        continue;
      }
      const unknownOrg = roles.find((r) => !schools.has(r.org) && !nonSchoolOrgs.has(r.org));
      if (unknownOrg) {
        fail('orgSourcedIds', IMPORT_REASONS.unknownOrg, `no org ${unknownOrg.org}`);
        continue;
      }
      const grade = splitList(v['grades'])[0] ?? null;
      const membershipKeys = new Map<string, Membership>();
      for (const role of roles) {
        const schoolId = schools.get(role.org);
        const roleMapping = oneRosterRole(role.role);
        if (!schoolId || !roleMapping) continue;
        membershipKeys.set(`${schoolId}:${roleMapping.membership}`, {
          schoolId,
          role: roleMapping.membership,
          grade: mapped.kind === 'STUDENT' ? grade : null,
        });
      }
      for (const school of enrolledAt.get(sourcedId) ?? []) {
        const schoolId = schools.get(school)!;
        membershipKeys.set(`${schoolId}:${mapped.membership}`, {
          schoolId,
          role: mapped.membership,
          grade: mapped.kind === 'STUDENT' ? grade : null,
        });
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
        preferredLanguage: language,
        sourcedId,
      };
      try {
        plans.push({
          line: row.line,
          sourcedId,
          person: withoutUnusableContacts(input, (field, reason, message) =>
            warnings.push({ file: 'users.csv', line: row.line, sourcedId, field, reason, message }),
          ),
          // Code-point order, as PostgreSQL's COLLATE "C" in applyUsers, so the two lists compare equal.
          memberships: [...membershipKeys.values()].sort((a, b) =>
            `${a.schoolId}${a.role}` < `${b.schoolId}${b.role}` ? -1 : 1,
          ),
          relationship: mapped.relationship,
          agents: splitList(v['agentSourcedIds']),
          // A user the SIS no longer enables is kept, inactive, like one it deletes.
          deactivate: v['status'] === 'tobedeleted' || v['enabledUser']?.trim().toLowerCase() === 'false',
          keepMemberships: roles.length === 0,
        });
      } catch (error) {
        if (!(error instanceof DomainException)) throw error;
        const path = error.details?.[0]?.path ?? '';
        fail(
          csvField(path),
          error.reason ?? IMPORT_REASONS.invalidValue,
          error.details?.[0]?.message ?? error.message,
        );
      }
    }

    const ids = new Map<string, { id: string; kind: PersonKind }>();
    for (let i = 0; i < plans.length; i += CHUNK) {
      await this.applyUsers(manager, plans.slice(i, i + CHUNK), summary, ids);
    }
    if (mode === 'bulk') summary.deactivated += await this.deactivateMissing(manager, seen);
    await this.linkGuardians(manager, plans, ids, rejected, summary, users);
    return [
      summary,
      ...(roleSummary ? [roleSummary] : []),
      ...(enrollmentSummary ? [enrollmentSummary] : []),
    ];
  }

  /** One chunk: find who exists, then insert the new, update the changed, leave the rest. */
  private async applyUsers(
    manager: EntityManager,
    plans: UserPlan[],
    summary: FileSummary,
    ids: Map<string, { id: string; kind: PersonKind }>,
  ): Promise<void> {
    const existing = new Map(
      (
        (await manager.query(
          `SELECT p.id, p.sourced_id, p.kind, p.given_name, p.middle_name, p.family_name, p.preferred_name, p.emails, p.phones, p.active, p.preferred_language,
                (SELECT string_agg(m.school_id || m.role || coalesce(m.grade, ''), ',' ORDER BY m.school_id || m.role COLLATE "C")
                   FROM school_membership m WHERE m.person_id = p.id) AS memberships
           FROM person p WHERE p.sourced_id = ANY($1)`,
          [plans.map((p) => p.sourcedId)],
        )) as ExistingPerson[]
      ).map((row) => [row.sourced_id, row]),
    );
    const created: (UserPlan & { id: string })[] = [];
    const changed: (UserPlan & { id: string; language: string })[] = [];
    const deactivated: string[] = [];
    for (const plan of plans) {
      const current = existing.get(plan.sourcedId);
      if (!current) {
        const id = randomUUID();
        ids.set(plan.sourcedId, { id, kind: plan.person.kind });
        if (plan.deactivate) continue;
        created.push({ ...plan, id });
        continue;
      }
      ids.set(plan.sourcedId, { id: current.id, kind: current.kind });
      if (plan.deactivate) {
        if (current.active) deactivated.push(current.id);
        else summary.unchanged += 1;
        continue;
      }
      const memberships = plan.memberships.map((m) => `${m.schoolId}${m.role}${m.grade ?? ''}`).join(',');
      const same =
        current.kind === plan.person.kind &&
        current.given_name === plan.person.givenName &&
        current.middle_name === (plan.person.middleName ?? null) &&
        current.family_name === plan.person.familyName &&
        current.preferred_name === (plan.person.preferredName ?? null) &&
        canonicalJson(current.emails) === canonicalJson(plan.person.emails) &&
        canonicalJson(current.phones) === canonicalJson(plan.person.phones) &&
        current.active &&
        (plan.keepMemberships || (current.memberships ?? '') === memberships);
      if (same) summary.unchanged += 1;
      else changed.push({ ...plan, id: current.id, language: current.preferred_language });
    }

    if (created.length) {
      await manager.query(
        `INSERT INTO person (id, kind, given_name, middle_name, family_name, preferred_name, emails, phones, preferred_language, sourced_id, search_text, version)
         SELECT * , 1 FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[], $8::jsonb[], $9::text[], $10::text[], $11::text[])`,
        columns(created, (p) => [
          p.id,
          p.person.kind,
          p.person.givenName,
          p.person.middleName ?? null,
          p.person.familyName,
          p.person.preferredName ?? null,
          JSON.stringify(p.person.emails),
          JSON.stringify(p.person.phones),
          p.person.preferredLanguage,
          p.sourcedId,
          p.person.searchText,
        ]),
      );
      summary.created += created.length;
    }
    if (changed.length) {
      await manager.query(
        `UPDATE person SET kind = u.kind, given_name = u.given_name, middle_name = u.middle_name, family_name = u.family_name,
                preferred_name = u.preferred_name, emails = u.emails, phones = u.phones, search_text = u.search_text,
                active = true, version = person.version + 1, updated_at = now()
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[], $8::jsonb[], $9::text[])
                AS u(id, kind, given_name, middle_name, family_name, preferred_name, emails, phones, search_text)
          WHERE person.id = u.id`,
        columns(changed, (p) => [
          p.id,
          p.person.kind,
          p.person.givenName,
          p.person.middleName ?? null,
          p.person.familyName,
          p.person.preferredName ?? null,
          JSON.stringify(p.person.emails),
          JSON.stringify(p.person.phones),
          p.person.searchText,
        ]),
      );
      summary.updated += changed.length;
    }
    const rewritten = [...created, ...changed].filter((p) => !p.keepMemberships);
    if (rewritten.length)
      await manager.query('DELETE FROM school_membership WHERE person_id = ANY($1::uuid[])', [
        rewritten.map((p) => p.id),
      ]);
    const memberships = rewritten.flatMap((p) =>
      p.memberships.map((m) => [p.id, m.schoolId, m.role, m.grade] as const),
    );
    if (memberships.length) {
      await manager.query(
        'INSERT INTO school_membership (person_id, school_id, role, grade) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[])',
        [
          memberships.map((m) => m[0]),
          memberships.map((m) => m[1]),
          memberships.map((m) => m[2]),
          memberships.map((m) => m[3]),
        ],
      );
    }
    if (deactivated.length) {
      await manager.query(
        'UPDATE person SET active = false, version = version + 1, updated_at = now() WHERE id = ANY($1::uuid[])',
        [deactivated],
      );
      await this.outbox.appendAll(
        manager,
        PersonDeactivated,
        deactivated.map((id) => ({ aggregateId: id, data: { personId: id } })),
      );
      summary.deactivated += deactivated.length;
    }
    // The events carry the person as the directory now holds them (its own snapshot: memberships a delta
    // without roles kept, the preferred channel staff set), never the import's partial view.
    const announced = async (ids: string[]) => {
      if (ids.length === 0) return [];
      const [people, memberships] = await Promise.all([
        manager.find(PersonEntity, { where: { id: In(ids) } }),
        manager.find(SchoolMembershipEntity, { where: { personId: In(ids) } }),
      ]);
      return people.map((person) => ({
        aggregateId: person.id,
        data: personSnapshot(
          person,
          memberships.filter((membership) => membership.personId === person.id),
        ),
      }));
    };
    await this.outbox.appendAll(manager, PersonCreated, await announced(created.map((p) => p.id)));
    await this.outbox.appendAll(manager, PersonUpdated, await announced(changed.map((p) => p.id)));
  }

  /** Bulk mode: the file is the whole roster, so SIS people missing from it are no longer the district's. */
  private async deactivateMissing(manager: EntityManager, present: Set<string>): Promise<number> {
    const gone = (await manager.query(
      'SELECT id FROM person WHERE sourced_id IS NOT NULL AND active AND NOT (sourced_id = ANY($1))',
      [[...present]],
    )) as { id: string }[];
    if (gone.length === 0) return 0;
    const goneIds = gone.map((row) => row.id);
    await manager.query(
      'UPDATE person SET active = false, version = version + 1, updated_at = now() WHERE id = ANY($1::uuid[])',
      [goneIds],
    );
    await this.outbox.appendAll(
      manager,
      PersonDeactivated,
      goneIds.map((id) => ({ aggregateId: id, data: { personId: id } })),
    );
    return gone.length;
  }

  /** agentSourcedIds link guardians and students, from either side; the guardian's role names the link. */
  private async linkGuardians(
    manager: EntityManager,
    plans: UserPlan[],
    ids: Map<string, { id: string; kind: PersonKind }>,
    rejected: RejectedRow[],
    summary: FileSummary,
    users: CsvRow[],
  ): Promise<void> {
    const relationshipOf = new Map(plans.map((p) => [p.sourcedId, p.relationship]));
    const links = new Map<string, [guardian: string, student: string, type: RelationshipType]>();
    const rowOf = new Map(users.map((row) => [row.values['sourcedId'], row]));
    for (const plan of plans) {
      const self = ids.get(plan.sourcedId);
      if (!self) continue;
      for (const agent of plan.agents) {
        const other = ids.get(agent) ?? (await this.findBySourcedId(manager, agent));
        if (!other) {
          summary.rejected += 1;
          rejected.push({
            file: 'users.csv',
            line: rowOf.get(plan.sourcedId)?.line ?? plan.line,
            sourcedId: plan.sourcedId,
            field: 'agentSourcedIds',
            reason: IMPORT_REASONS.unknownUser,
            message: `no user ${agent}`,
          });
          continue;
        }
        const [guardian, student, guardianSourcedId] =
          self.kind === 'STUDENT' ? [other, self, agent] : [self, other, plan.sourcedId];
        if (guardian.kind !== 'GUARDIAN' || student.kind !== 'STUDENT') continue;
        links.set(`${guardian.id}:${student.id}`, [
          guardian.id,
          student.id,
          relationshipOf.get(guardianSourcedId) ?? 'GUARDIAN',
        ]);
      }
    }
    const rows = [...links.values()];
    for (let i = 0; i < rows.length; i += CHUNK) {
      const slice = rows.slice(i, i + CHUNK);
      await manager.query(
        `INSERT INTO relationship (guardian_id, student_id, type)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[]) ON CONFLICT (guardian_id, student_id) DO NOTHING`,
        [slice.map((l) => l[0]), slice.map((l) => l[1]), slice.map((l) => l[2])],
      );
    }
  }

  private async findBySourcedId(
    manager: EntityManager,
    sourcedId: string,
  ): Promise<{ id: string; kind: PersonKind } | undefined> {
    const [row] = (await manager.query('SELECT id, kind FROM person WHERE sourced_id = $1', [sourcedId])) as {
      id: string;
      kind: PersonKind;
    }[];
    return row;
  }
}

/** A stand-in primary role for a known person whose delta row brings none (see keepMemberships). */
const KEEP_ROLE: Record<string, { role: string; org: string; primary: boolean }> = {
  STUDENT: { role: 'student', org: '', primary: true },
  GUARDIAN: { role: 'guardian', org: '', primary: true },
  STAFF: { role: 'teacher', org: '', primary: true },
};

/** Required columns per file; 1.1 carries role and orgs on users.csv, 1.2 in roles.csv. */
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

export interface ImportOptions {
  /**
   * Go ahead although the set deactivates more than MASS_DEACTIVATION_SHARE of the SIS's active people or
   * schools: an administrator has seen the refusal's figures and confirms them.
   */
  allowMassDeactivation?: boolean;
}

/** More than this share of the active SIS people or schools deactivated at once stops a set (as SIS sync services do). */
export const MASS_DEACTIVATION_SHARE = 0.1;
/** …and more than this many: a small district's ordinary week (a family moving away) is not a mass deactivation. */
export const MASS_DEACTIVATION_MINIMUM = { people: 25, schools: 1 };

/**
 * OneRoster's data files carry at least one row; a bulk file with none (a SIS export that failed half way)
 * would replace everything with nothing: every person or school deactivated.
 */
function refuseEmptyBulkFiles(manifest: Manifest, tables: Record<string, CsvRow[]>): void {
  const empty = Object.entries(tables).filter(
    ([name, rows]) => manifest.files[name] === 'bulk' && rows.length === 0,
  );
  if (empty.length === 0) return;
  throw new InvalidInputException(
    `A bulk file with no rows would deactivate everything it covers: ${empty.map(([name]) => `${name}.csv`).join(', ')}`,
    empty.map(([name]) => ({ path: `${name}.csv`, message: 'has a header and no rows' })),
    IMPORT_REASONS.emptyBulkFile,
  );
}

async function activeSisRecords(manager: EntityManager): Promise<{ people: number; schools: number }> {
  const [row] = (await manager.query(
    `SELECT (SELECT count(*)::int FROM person WHERE sourced_id IS NOT NULL AND active) AS people,
            (SELECT count(*)::int FROM school WHERE sourced_id IS NOT NULL AND active) AS schools`,
  )) as { people: number; schools: number }[];
  return row!;
}

/** Inside the import's transaction: throwing here rolls the whole set back, so nothing was changed. */
function refuseMassDeactivation(before: { people: number; schools: number }, summaries: FileSummary[]): void {
  const deactivated = (file: string) => summaries.find((summary) => summary.file === file)?.deactivated ?? 0;
  const checks = [
    { what: 'people' as const, file: 'users.csv', count: deactivated('users.csv'), of: before.people },
    { what: 'schools' as const, file: 'orgs.csv', count: deactivated('orgs.csv'), of: before.schools },
  ].filter(
    ({ what, count, of }) =>
      of > 0 && count / of > MASS_DEACTIVATION_SHARE && count > MASS_DEACTIVATION_MINIMUM[what],
  );
  if (checks.length === 0) return;
  throw new InvalidInputException(
    `This set would deactivate ${checks.map(({ what, count, of }) => `${count} of ${of} active ${what} (${Math.round((100 * count) / of)} %)`).join(' and ')}; nothing was changed. Check the SIS export; to go ahead, import it again confirming the deactivations.`,
    checks.map(({ file, count, of }) => ({ path: file, message: `deactivates ${count} of ${of}` })),
    IMPORT_REASONS.massDeactivation,
  );
}

function readTables(manifest: Manifest, files: Readonly<Record<string, Buffer>>): Record<string, CsvRow[]> {
  const required: Record<string, string[]> = {
    orgs: ['sourcedId', 'name', 'type'],
    users:
      manifest.oneRosterVersion === '1.1'
        ? ['sourcedId', 'givenName', 'familyName', 'role', 'orgSourcedIds']
        : ['sourcedId', 'givenName', 'familyName'],
    roles: ['sourcedId', 'userSourcedId', 'role', 'orgSourcedId', 'roleType'],
    enrollments: ['sourcedId', 'userSourcedId', 'schoolSourcedId', 'role'],
    demographics: ['sourcedId'],
  };
  const tables: Record<string, CsvRow[]> = {};
  for (const [name, mode] of Object.entries(manifest.files)) {
    if (mode === 'absent') continue;
    const bytes = files[name];
    if (!bytes)
      throw new DomainException(
        ERROR_CODES.BAD_USER_INPUT,
        `The manifest lists ${name}.csv but the set does not include it`,
        IMPORT_REASONS.missingFile,
        [{ path: `${name}.csv`, message: 'missing' }],
      );
    tables[name] = readCsv(`${name}.csv`, bytes, required[name] ?? ['sourcedId']);
  }
  return tables;
}

/** JSON with object keys sorted: jsonb stores keys in its own order, so compare documents this way. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

function splitList(value: string | undefined): string[] {
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

function columns<T>(rows: readonly T[], pick: (row: T) => readonly unknown[]): unknown[][] {
  const picked = rows.map(pick);
  return picked[0]!.map((_, index) => picked.map((row) => row[index]));
}
