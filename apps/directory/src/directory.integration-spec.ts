import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Principal, staffPrincipal } from '@homeroom/platform/auth';
import type { TestDatabase } from '@homeroom/platform/database/testing';
import { readTopic } from '@homeroom/platform/testing';
import { workspaceRoot } from '@homeroom/platform/local-stack';
import {
  DIRECTORY_TOPICS,
  PeopleMerged,
  PersonCreated,
  SchoolCreated,
  SchoolDeactivated,
  SchoolUpdated,
  TeamChanged,
} from '@homeroom/directory/contracts';
import { startDirectoryApp, type DirectoryTestApp } from './testing/directory-test-app';

const admin: Principal = staffPrincipal('admin-1', { role: 'DISTRICT_ADMIN', schoolId: null });
const vendor: Principal = { kind: 'client', subject: 'demo-vendor', scopes: ['directory:read'] };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL results are checked field by field
type Json = any;

describe('directory subgraph', () => {
  let directory: DirectoryTestApp;
  let database: TestDatabase;
  let schools: { id: string; code: string }[];

  beforeAll(async () => {
    directory = await startDirectoryApp('directory');
    database = directory.database;
    schools = await database.dataSource.query('SELECT id, code FROM school ORDER BY code');
  });

  afterAll(() => directory?.close());

  const graphql = (
    query: string,
    variables: Record<string, unknown> = {},
    principal: Principal = admin,
  ): Promise<Json> => directory.graphql(query, variables, principal);

  const agentOf = (schoolId: string): Principal =>
    staffPrincipal(`agent-${schoolId}`, { role: 'AGENT', schoolId: schoolId });

  async function count(table: string): Promise<number> {
    const [{ n }] = await database.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`);
    return n;
  }

  /** The events the relay published for one aggregate (the message key), in order, parsed. */
  async function eventsOf(
    topic: string,
    key: string,
    expected: number,
  ): Promise<{ type: string; data: Json }[]> {
    const [{ n }] = await database.dataSource.query(
      'SELECT count(*)::int AS n FROM outbox_event WHERE message_key = $1',
      [key],
    );
    expect(n).toBe(expected);
    const messages = await readTopic(topic, expected, {
      timeoutMs: 30_000,
      filter: (m) => m.key?.toString() === key,
    });
    return messages.map((m) => JSON.parse(m.value!.toString()));
  }

  it('serves the committed SDL that composition reads (set UPDATE_SCHEMAS=1 to rewrite it)', async () => {
    const committed = join(workspaceRoot(), 'apps', 'directory', 'schema.graphql');
    const generated: string = (await graphql('{ _service { sdl } }', {}, { kind: 'anonymous' })).data._service
      .sdl;
    if (process.env['UPDATE_SCHEMAS'] === '1' || !existsSync(committed)) writeFileSync(committed, generated);
    expect(generated).toBe(readFileSync(committed, 'utf8'));
    expect(generated).toMatch(/type Person\s+@key\(fields: "id"\)/);
    expect(generated).toMatch(/type School\s+@key\(fields: "id"\)/);
    expect(generated).toMatch(/type Team\s+@key\(fields: "id"\)/);
  });

  it('lists schools publicly and pages through them', async () => {
    const first = await graphql(
      '{ schools(first: 5) { totalCount edges { node { code } } pageInfo { hasNextPage endCursor } } }',
      {},
      { kind: 'anonymous' },
    );
    expect(first.data.schools.totalCount).toBe(12);
    const rest = await graphql(
      'query($after: String) { schools(first: 50, after: $after) { edges { node { code } } pageInfo { hasNextPage } } }',
      {
        after: first.data.schools.pageInfo.endCursor,
      },
    );
    expect(first.data.schools.edges.length + rest.data.schools.edges.length).toBe(12);
    expect(rest.data.schools.pageInfo.hasNextPage).toBe(false);
  });

  it('finds people ignoring case and accents, by email and by phone digits', async () => {
    const { dataSource } = database;
    const [someone] = await dataSource.query(
      `SELECT given_name, family_name, emails->0->>'address' AS email, phones->0->>'number' AS phone
         FROM person WHERE kind = 'GUARDIAN' AND family_name = 'Nguyễn' LIMIT 1`,
    );
    const search = async (text: string) =>
      (
        await graphql(
          'query($f: PeopleFilter) { people(filter: $f, first: 100) { totalCount edges { node { id familyName emails { address } } } } }',
          { f: { search: text, kind: 'GUARDIAN' } },
        )
      ).data.people;

    const byFoldedName = await search(`${someone.given_name.toUpperCase()} nguyen`);
    expect(byFoldedName.totalCount).toBeGreaterThan(0);
    expect(byFoldedName.edges.every((e: Json) => e.node.familyName === 'Nguyễn')).toBe(true);
    expect((await search(someone.email)).edges.map((e: Json) => e.node.emails[0].address)).toEqual([
      someone.email,
    ]);
    const national = someone.phone.replace('+1', '');
    const byPhone = await search(`(${national.slice(0, 3)}) ${national.slice(3, 6)}-${national.slice(6)}`);
    expect(byPhone.totalCount).toBeGreaterThan(0);
  });

  it('pages through search results with cursors, in name order, with the same total on every page', async () => {
    const query =
      'query($after: String) { people(filter: { search: "garcia" }, first: 7, after: $after) { totalCount edges { node { id familyName givenName } } pageInfo { hasNextPage endCursor } } }';
    const all = (
      await graphql(
        '{ people(filter: { search: "garcia" }, first: 100) { totalCount edges { node { id } } } }',
      )
    ).data.people;
    const paged: string[] = [];
    let after: string | null = null;
    do {
      const page: Json = (await graphql(query, { after })).data.people;
      expect(page.totalCount).toBe(all.totalCount);
      paged.push(...page.edges.map((e: Json) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(all.totalCount).toBeGreaterThan(7);
    expect(paged).toHaveLength(all.totalCount);
    expect(new Set(paged).size).toBe(paged.length);
    expect(paged.slice(0, all.edges.length)).toEqual(all.edges.map((e: Json) => e.node.id));
  });

  it('refuses a search too long or of too many words, NUL characters and ids that are not ids, by name', async () => {
    const peopleBefore = await count('person');
    const refusal = async (query: string, variables: Record<string, unknown>) => {
      const { errors } = await graphql(query, variables);
      expect(errors).toHaveLength(1);
      return errors[0].extensions;
    };
    const PEOPLE = 'query($s: String) { people(filter: { search: $s }) { totalCount } }';
    // 300,000 words once broke the statement (a bind parameter each); 100 KB is refused by its length.
    expect(await refusal(PEOPLE, { s: 'ana '.repeat(25_000) })).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'STRING_TOO_LONG',
      details: [{ path: 'filter.search', message: 'at most 200 characters' }],
    });
    expect(await refusal(PEOPLE, { s: 'a b c d e f g h i' })).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'TOO_MANY_SEARCH_TERMS',
      details: [{ path: 'filter.search', message: 'at most 8 words' }],
    });
    expect((await graphql(PEOPLE, { s: 'garcia '.repeat(28) })).data.people.totalCount).toBeGreaterThan(0);
    expect(
      await refusal('mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }', {
        input: { kind: 'COMMUNITY', givenName: 'Sam\u0000', familyName: 'Lee' },
      }),
    ).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NUL_CHARACTER', details: [{ path: 'givenName' }] });
    expect(await refusal('query($id: ID!) { person(id: $id) { id } }', { id: 'not-a-uuid' })).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_ID',
      details: [{ path: 'id', message: 'not a valid id' }],
    });
    expect(
      await refusal('query($s: ID) { people(filter: { schoolId: $s }) { totalCount } }', { s: 'LIN' }),
    ).toMatchObject({ reason: 'INVALID_ID', details: [{ path: 'filter.schoolId' }] });
    expect(await count('person')).toBe(peopleBefore);
  });

  it("keeps a school's staff to their schools' people, and says not found for the rest", async () => {
    const [lincoln, northgate] = [
      schools.find((s) => s.code === 'LIN')!,
      schools.find((s) => s.code === 'NHS')!,
    ];
    const [student] = await database.dataSource.query(
      `SELECT p.id FROM person p JOIN school_membership m ON m.person_id = p.id WHERE m.school_id = $1 AND p.kind = 'STUDENT' LIMIT 1`,
      [northgate.id],
    );
    const outsider = await graphql(
      'query($id: ID!) { person(id: $id) { id } }',
      { id: student.id },
      agentOf(lincoln.id),
    );
    expect(outsider.errors[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'PERSON_NOT_FOUND' });
    const insider = await graphql(
      'query($id: ID!) { person(id: $id) { id kind } }',
      { id: student.id },
      agentOf(northgate.id),
    );
    expect(insider.data.person).toEqual({ id: student.id, kind: 'STUDENT' });

    // The gateway resolves Person by reference for other subgraphs' fields: the same rule holds there.
    const ENTITY = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id kind } } }';
    const representation = { r: [{ __typename: 'Person', id: student.id }] };
    expect((await graphql(ENTITY, representation, agentOf(northgate.id))).data._entities).toEqual([
      { id: student.id, kind: 'STUDENT' },
    ]);
    expect((await graphql(ENTITY, representation, agentOf(lincoln.id))).data._entities).toEqual([null]);
    // School too: every case and survey names its school by reference.
    const schoolEntities = await graphql(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on School { id name } } }',
      { r: [{ __typename: 'School', id: northgate.id }] },
      agentOf(lincoln.id),
    );
    expect(schoolEntities.errors).toBeUndefined();
    expect(schoolEntities.data._entities).toEqual([{ id: northgate.id, name: 'Northgate High School' }]);

    const listed = await graphql(
      '{ people(filter: { kind: STUDENT }, first: 100) { totalCount } }',
      {},
      agentOf(lincoln.id),
    );
    const [{ n }] = await database.dataSource.query(
      `SELECT count(DISTINCT person_id)::int AS n FROM school_membership WHERE school_id = $1 AND role = 'STUDENT'`,
      [lincoln.id],
    );
    expect(listed.data.people.totalCount).toBe(n);
  });

  it('records every staff or vendor read of a student or guardian, and shows the log to administrators only', async () => {
    const northgate = schools.find((s) => s.code === 'NHS')!;
    // Not the student the visibility test read: this one has no reads yet.
    const [student] = await database.dataSource.query(
      `SELECT p.id FROM person p JOIN school_membership m ON m.person_id = p.id WHERE m.school_id = $1 AND p.kind = 'STUDENT' ORDER BY p.id DESC LIMIT 1`,
      [northgate.id],
    );
    await graphql(
      'query ReadStudent($id: ID!) { person(id: $id) { id guardians { guardian { id } } } }',
      { id: student.id },
      agentOf(northgate.id),
    );
    await graphql('query VendorSync($id: ID!) { person(id: $id) { id } }', { id: student.id }, vendor);

    const log = await graphql(
      'query($id: ID) { auditLog(personId: $id, first: 10) { edges { node { actorKind actorId operation } } } }',
      { id: student.id },
    );
    // Earlier tests' searches may have listed this student too (as the administrator): those reads are
    // logged as well; this test's own two reads come newest first.
    expect(
      log.data.auditLog.edges.map((e: Json) => e.node).filter((n: Json) => n.actorId !== admin.subject),
    ).toEqual([
      { actorKind: 'client', actorId: 'demo-vendor', operation: 'query:VendorSync' },
      { actorKind: 'user', actorId: `agent-${northgate.id}`, operation: 'query:ReadStudent' },
    ]);
    const guardianReads = await database.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_entry a JOIN relationship r ON r.guardian_id = a.person_id WHERE r.student_id = $1 AND a.operation = 'query:ReadStudent'`,
      [student.id],
    );
    expect(guardianReads[0].n).toBeGreaterThan(0);
    const denied = await graphql('{ auditLog(first: 1) { totalCount } }', {}, agentOf(northgate.id));
    expect(denied.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('refuses bad input with typed errors and writes nothing', async () => {
    const before = { people: await count('person'), outbox: await count('outbox_event') };
    const attempt = (input: Record<string, unknown>) =>
      graphql('mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }', {
        input: { kind: 'GUARDIAN', givenName: 'Rosa', familyName: 'Parks', ...input },
      });
    expect(
      (await attempt({ emails: [{ address: 'rosa@', primary: true }] })).errors[0].extensions,
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_EMAIL',
      details: [{ path: 'emails.0.address', message: '"rosa@" is not an email address' }],
    });
    expect((await attempt({ phones: [{ number: '555', primary: true }] })).errors[0].extensions.reason).toBe(
      'INVALID_PHONE',
    );
    expect((await attempt({ preferredLanguage: 'spanish' })).errors[0].extensions.reason).toBe(
      'INVALID_LANGUAGE_TAG',
    );
    expect(
      (
        await attempt({
          memberships: [{ schoolId: '00000000-0000-4000-8000-000000000000', role: 'GUARDIAN' }],
        })
      ).errors[0].extensions.reason,
    ).toBe('UNKNOWN_SCHOOL');
    expect((await attempt({ kind: 'PRINCIPAL' })).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect({ people: await count('person'), outbox: await count('outbox_event') }).toEqual(before);

    const duplicate = await graphql(
      'mutation { createSchool(input: { name: "Second Lincoln", code: "lin", type: ELEMENTARY, timeZone: "America/Chicago" }) { id } }',
    );
    expect(duplicate.errors[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'DUPLICATE_SCHOOL_CODE',
    });
    const badZone = await graphql(
      'mutation { createSchool(input: { name: "X", code: "XX", type: HIGH, timeZone: "Central" }) { id } }',
    );
    expect(badZone.errors[0].extensions.reason).toBe('INVALID_TIME_ZONE');
  });

  it('keeps households and departments', async () => {
    const [a, b] = await database.dataSource.query(
      `SELECT id FROM person WHERE kind = 'GUARDIAN' ORDER BY id LIMIT 2`,
    );
    const created = await graphql(
      'mutation($ids: [ID!]!) { createHousehold(input: { name: "Okafor household", memberIds: $ids }) { id name members { id } } }',
      { ids: [a.id, b.id] },
    );
    expect(created.data.createHousehold.members.map((m: Json) => m.id).sort()).toEqual([a.id, b.id].sort());
    const viaPerson = await graphql('query($id: ID!) { person(id: $id) { household { name } } }', {
      id: a.id,
    });
    expect(viaPerson.data.person.household.name).toBe('Okafor household');
    await graphql('mutation($ids: [ID!]!) { setHouseholdMembers(householdId: null, personIds: $ids) }', {
      ids: [b.id],
    });
    const after = await graphql('query($id: ID!) { person(id: $id) { household { id } } }', { id: b.id });
    expect(after.data.person.household).toBeNull();

    const lincoln = schools.find((s) => s.code === 'LIN')!;
    const office = await graphql(
      'mutation($s: ID) { createDepartment(name: "Front office", schoolId: $s) { id schoolId } }',
      { s: lincoln.id },
    );
    expect(office.data.createDepartment.schoolId).toBe(lincoln.id);
    const listed = await graphql('query($s: ID) { departments(schoolId: $s) { name schoolId } }', {
      s: lincoln.id,
    });
    expect(listed.data.departments.map((d: Json) => d.name)).toEqual(
      expect.arrayContaining(['Front office', 'Transportation']),
    );
    const unknown = await graphql(
      'mutation { createDepartment(name: "X", schoolId: "00000000-0000-4000-8000-000000000000") { id } }',
    );
    expect(unknown.errors[0].extensions.reason).toBe('UNKNOWN_SCHOOL');
  });

  it('lets only administrators and write-scoped clients change records', async () => {
    const mutation =
      'mutation { createPerson(input: { kind: COMMUNITY, givenName: "Sam", familyName: "Lee" }) { id } }';
    expect((await graphql(mutation, {}, agentOf(schools[0]!.id))).errors[0].extensions.code).toBe(
      'FORBIDDEN',
    );
    expect((await graphql(mutation, {}, vendor)).errors[0].extensions.code).toBe('FORBIDDEN');
    expect(
      (await graphql('{ people(first: 1) { totalCount } }', {}, { kind: 'anonymous' })).errors[0].extensions
        .code,
    ).toBe('UNAUTHENTICATED');
    const writer: Principal = {
      kind: 'client',
      subject: 'sis-sync',
      scopes: ['directory:read', 'directory:write'],
    };
    expect((await graphql(mutation, {}, writer)).data.createPerson.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('merges a duplicate guardian: identifiers and links move, history stays, events go out', async () => {
    const lincoln = schools.find((s) => s.code === 'LIN')!;
    const created = await graphql(
      `
        mutation ($input: CreatePersonInput!) {
          createPerson(input: $input) {
            id
          }
        }
      `,
      {
        input: {
          kind: 'GUARDIAN',
          givenName: 'Rosa',
          familyName: 'Parks',
          emails: [{ address: 'rosa.parks@example.org', primary: true }],
          phones: [{ number: '(512) 555-0101', primary: true }],
          memberships: [{ schoolId: lincoln.id, role: 'GUARDIAN' }],
        },
      },
    );
    const duplicate = await graphql(
      `
        mutation ($input: CreatePersonInput!) {
          createPerson(input: $input) {
            id
          }
        }
      `,
      {
        input: {
          kind: 'GUARDIAN',
          givenName: 'Rosa',
          familyName: 'Parks',
          emails: [{ address: 'rparks@example.net', primary: true }],
          preferredLanguage: 'es',
        },
      },
    );
    const survivorId = created.data.createPerson.id;
    const mergedId = duplicate.data.createPerson.id;
    const [student] = await database.dataSource.query(`SELECT id FROM person WHERE kind = 'STUDENT' LIMIT 1`);
    await graphql(
      'mutation($g: ID!, $s: ID!) { linkGuardian(input: { guardianId: $g, studentId: $s, type: GUARDIAN }) { type } }',
      { g: mergedId, s: student.id },
    );

    const merged = await graphql(
      'mutation($s: ID!, $m: ID!) { mergePeople(survivorId: $s, mergedId: $m) { id emails { address primary } students { student { id } type } } }',
      { s: survivorId, m: mergedId },
    );
    expect(merged.errors).toBeUndefined();
    expect(merged.data.mergePeople.emails).toEqual([
      { address: 'rosa.parks@example.org', primary: true },
      { address: 'rparks@example.net', primary: false },
    ]);
    expect(merged.data.mergePeople.students).toEqual([{ student: { id: student.id }, type: 'GUARDIAN' }]);
    const old = await graphql('query($id: ID!) { person(id: $id) { active mergedIntoId } }', {
      id: mergedId,
    });
    expect(old.data.person).toEqual({ active: false, mergedIntoId: survivorId });
    const [history] = await database.dataSource.query(
      'SELECT merged_by, merged_snapshot FROM person_merge WHERE merged_id = $1',
      [mergedId],
    );
    expect(history.merged_by).toBe('admin-1');
    expect(history.merged_snapshot.emails).toEqual([{ address: 'rparks@example.net', primary: true }]);
    expect(
      (
        await graphql('mutation($id: ID!) { mergePeople(survivorId: $id, mergedId: $id) { id } }', {
          id: survivorId,
        })
      ).errors[0].extensions.reason,
    ).toBe('MERGE_INTO_SELF');

    // The relay (started with the app) publishes the events; consumers see contract-valid payloads.
    const messages = await readTopic(DIRECTORY_TOPICS.person, 1, {
      timeoutMs: 30_000,
      filter: (m) =>
        m.key?.toString() === survivorId && JSON.parse(m.value!.toString()).type === PeopleMerged.type,
    });
    const event = JSON.parse(messages[0]!.value!.toString());
    expect(PeopleMerged.schema.parse(event.data)).toEqual({ survivorId, mergedId });
    const createdEvents = await readTopic(DIRECTORY_TOPICS.person, 1, {
      timeoutMs: 30_000,
      filter: (m) =>
        m.key?.toString() === survivorId && JSON.parse(m.value!.toString()).type === PersonCreated.type,
    });
    const createdData = PersonCreated.schema.parse(JSON.parse(createdEvents[0]!.value!.toString()).data);
    expect(createdData).toMatchObject({ personId: survivorId, kind: 'GUARDIAN', schoolIds: [lincoln.id] });
    expect(createdData).not.toHaveProperty('emails');
  });

  it('renames, moves, deactivates and reactivates a team, each change a TeamChanged snapshot', async () => {
    const [lincoln, northgate] = [
      schools.find((s) => s.code === 'LIN')!,
      schools.find((s) => s.code === 'NHS')!,
    ];
    const [member] = await database.dataSource.query(
      `SELECT r.person_id AS id FROM staff_role r WHERE r.role = 'AGENT' AND r.school_id = $1 LIMIT 1`,
      [lincoln.id],
    );
    const office = (
      await graphql('mutation($s: ID) { createDepartment(name: "Attendance", schoolId: $s) { id } }', {
        s: northgate.id,
      })
    ).data.createDepartment;
    const TEAM = 'id name schoolId departmentId active';
    const created = (
      await graphql(`mutation($input: CreateTeamInput!) { createTeam(input: $input) { ${TEAM} } }`, {
        input: { name: 'Attendance desk', schoolId: lincoln.id, members: [{ personId: member.id }] },
      })
    ).data.createTeam;
    const update = async (input: Record<string, unknown>) =>
      graphql(
        `mutation($id: ID!, $input: UpdateTeamInput!) { updateTeam(id: $id, input: $input) { ${TEAM} } }`,
        {
          id: created.id,
          input,
        },
      );

    const renamed = await update({ name: '  Attendance office ' });
    expect(renamed.data.updateTeam).toEqual({ ...created, name: 'Attendance office' });
    const moved = await update({ schoolId: northgate.id, departmentId: office.id });
    expect(moved.data.updateTeam).toEqual({
      ...created,
      name: 'Attendance office',
      schoolId: northgate.id,
      departmentId: office.id,
    });
    // The same values again change nothing, and publish nothing.
    expect((await update({ name: 'Attendance office', schoolId: northgate.id })).data.updateTeam).toEqual(
      moved.data.updateTeam,
    );

    const listed = async (includeInactive: boolean) =>
      (
        await graphql(
          'query($s: ID, $all: Boolean) { teams(schoolId: $s, includeInactive: $all) { id active } }',
          {
            s: northgate.id,
            all: includeInactive,
          },
        )
      ).data.teams.filter((team: Json) => team.id === created.id);
    const deactivated = await graphql(`mutation($id: ID!) { deactivateTeam(id: $id) { ${TEAM} } }`, {
      id: created.id,
    });
    expect(deactivated.data.deactivateTeam.active).toBe(false);
    expect(await listed(false)).toEqual([]);
    expect(await listed(true)).toEqual([{ id: created.id, active: false }]);
    // Deactivating twice is no second change.
    expect(
      (await graphql('mutation($id: ID!) { deactivateTeam(id: $id) { active } }', { id: created.id })).data
        .deactivateTeam,
    ).toEqual({ active: false });
    const reactivated = await graphql(`mutation($id: ID!) { reactivateTeam(id: $id) { ${TEAM} } }`, {
      id: created.id,
    });
    expect(reactivated.data.reactivateTeam).toEqual(moved.data.updateTeam);
    expect(await listed(false)).toEqual([{ id: created.id, active: true }]);

    // Created, renamed, moved, deactivated, reactivated: five snapshots, members kept throughout (the
    // cases service's routing drops an inactive team's members and takes them back on reactivation).
    const events = await eventsOf(DIRECTORY_TOPICS.team, created.id, 5);
    expect(events.every((event) => event.type === TeamChanged.type)).toBe(true);
    expect(events.map((event) => TeamChanged.schema.parse(event.data))).toEqual(
      [
        ['Attendance desk', lincoln.id, true],
        ['Attendance office', lincoln.id, true],
        ['Attendance office', northgate.id, true],
        ['Attendance office', northgate.id, false],
        ['Attendance office', northgate.id, true],
      ].map(([name, schoolId, active]) => ({
        teamId: created.id,
        name,
        schoolId,
        active,
        members: [{ personId: member.id, available: true }],
      })),
    );
  });

  it('reactivates a deactivated school, publishing its snapshot as SchoolUpdated', async () => {
    const created = (
      await graphql(
        'mutation { createSchool(input: { name: "Riverside Academy", code: "RIV", type: ALTERNATIVE, timeZone: "America/Chicago" }) { id } }',
      )
    ).data.createSchool;
    const school = (query: string) => graphql(query, { id: created.id });
    expect((await school('mutation($id: ID!) { deactivateSchool(id: $id) { active } }')).data).toEqual({
      deactivateSchool: { active: false },
    });
    expect((await school('mutation($id: ID!) { reactivateSchool(id: $id) { id active } }')).data).toEqual({
      reactivateSchool: { id: created.id, active: true },
    });
    // An active school stays as it is: no second event.
    expect((await school('mutation($id: ID!) { reactivateSchool(id: $id) { active } }')).data).toEqual({
      reactivateSchool: { active: true },
    });
    expect((await school('query($id: ID!) { school(id: $id) { active } }')).data.school.active).toBe(true);

    const events = await eventsOf(DIRECTORY_TOPICS.school, created.id, 3);
    expect(events.map((event) => event.type)).toEqual([
      SchoolCreated.type,
      SchoolDeactivated.type,
      SchoolUpdated.type,
    ]);
    expect(SchoolUpdated.schema.parse(events[2]!.data)).toEqual({
      schoolId: created.id,
      name: 'Riverside Academy',
      code: 'RIV',
      timeZone: 'America/Chicago',
      active: true,
    });
  });

  it('imports a OneRoster set as a job through the API: parts, dry run, confirmation, background import', async () => {
    const rows = (header: string, lines: string[]) => Buffer.from([header, ...lines].join('\r\n') + '\r\n');
    const people = Array.from({ length: 40 }, (_, i) => `api-s${i},active,Zoë,Nguyễn ${i},student,API-LIN`);
    const files = {
      manifest: rows('propertyName,value', ['oneroster.version,1.1', 'file.orgs,delta', 'file.users,delta']),
      orgs: rows('sourcedId,status,name,type,identifier', ['API-LIN,active,API Lincoln,school,APILIN']),
      users: rows('sourcedId,status,givenName,familyName,role,orgSourcedIds', people),
    };
    const jobFields =
      'id status step progress { phase done total } dryRunReport { dryRun files { file rows created } } report { files { file created } } error { reason message }';
    const started = await graphql(`
      mutation {
        startRosterImport {
          id
          status
        }
      }
    `);
    const jobId = started.data.startRosterImport.id as string;
    expect(started.data.startRosterImport.status).toBe('UPLOADING');
    // Parts far longer than the API's default string limit, cut inside a character.
    for (const [name, bytes] of Object.entries(files))
      for (let part = 0; part * 1_500 < bytes.length; part += 1) {
        const sent = await graphql(
          `
            mutation ($id: ID!, $name: String!, $part: Int!, $base64: String!) {
              addRosterImportFilePart(jobId: $id, name: $name, part: $part, base64: $base64) {
                id
              }
            }
          `,
          {
            id: jobId,
            name,
            part,
            base64: bytes.subarray(part * 1_500, (part + 1) * 1_500).toString('base64'),
          },
        );
        expect(sent.errors).toBeUndefined();
      }
    const refused = await graphql(
      `
        mutation ($id: ID!) {
          addRosterImportFilePart(jobId: $id, name: "users", part: 9, base64: "not base64!") {
            id
          }
        }
      `,
      { id: jobId },
    );
    expect(refused.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    await graphql(
      `
        mutation ($id: ID!) {
          submitRosterImport(jobId: $id) {
            id
          }
        }
      `,
      { id: jobId },
    );
    const until = async (status: string) => {
      for (let tries = 0; tries < 100; tries += 1) {
        const { data } = await graphql(`query($id: ID!) { rosterImportJob(id: $id) { ${jobFields} } }`, {
          id: jobId,
        });
        if (data.rosterImportJob.status === status) return data.rosterImportJob;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      throw new Error(`the job never became ${status}`);
    };
    const previewed = await until('AWAITING_CONFIRMATION');
    expect(previewed.dryRunReport.dryRun).toBe(true);
    expect(previewed.dryRunReport.files).toEqual([
      { file: 'orgs.csv', rows: 1, created: 1 },
      { file: 'users.csv', rows: 40, created: 40 },
    ]);
    expect(await count(`person WHERE sourced_id LIKE 'api-s%'`)).toBe(0);
    await graphql(
      `
        mutation ($id: ID!) {
          confirmRosterImport(jobId: $id) {
            id
          }
        }
      `,
      { id: jobId },
    );
    const done = await until('SUCCEEDED');
    expect(done.report.files).toEqual([
      { file: 'orgs.csv', created: 1 },
      { file: 'users.csv', created: 40 },
    ]);
    expect(await count(`person WHERE sourced_id LIKE 'api-s%'`)).toBe(40);
    const listed = await graphql(`
      {
        rosterImportJobs(first: 5) {
          id
          status
        }
      }
    `);
    expect(listed.data.rosterImportJobs[0]).toEqual({ id: jobId, status: 'SUCCEEDED' });
    // No SIS is configured here: a sync is refused as a feature that is off.
    const sync = await graphql(`
      mutation {
        startRosterSync(dryRun: true) {
          id
        }
      }
    `);
    expect(sync.errors[0].extensions).toMatchObject({
      code: 'FEATURE_DISABLED',
      reason: 'SIS_SYNC_NOT_CONFIGURED',
    });
  });

  it('refuses team and school changes with typed errors, and changes nothing', async () => {
    const [lincoln, northgate] = [
      schools.find((s) => s.code === 'LIN')!,
      schools.find((s) => s.code === 'NHS')!,
    ];
    const UNKNOWN = '00000000-0000-4000-8000-000000000000';
    const team = (
      await graphql('mutation($s: ID) { createTeam(input: { name: "Enrollment", schoolId: $s }) { id } }', {
        s: lincoln.id,
      })
    ).data.createTeam;
    const lincolnOffice = (
      await graphql('mutation($s: ID) { createDepartment(name: "Enrollment office", schoolId: $s) { id } }', {
        s: lincoln.id,
      })
    ).data.createDepartment;
    await graphql('mutation($id: ID!, $d: ID) { updateTeam(id: $id, input: { departmentId: $d }) { id } }', {
      id: team.id,
      d: lincolnOffice.id,
    });
    const snapshot = async () => ({
      teams: await database.dataSource.query('SELECT * FROM team ORDER BY id'),
      schools: await database.dataSource.query('SELECT id, active, version FROM school ORDER BY id'),
      outbox: await count('outbox_event'),
    });
    const before = await snapshot();
    const update = async (
      input: Record<string, unknown>,
      id: string = team.id,
      principal: Principal = admin,
    ) =>
      (
        await graphql(
          'mutation($id: ID!, $input: UpdateTeamInput!) { updateTeam(id: $id, input: $input) { id } }',
          { id, input },
          principal,
        )
      ).errors[0].extensions;

    expect(await update({ name: 'X' }, UNKNOWN)).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'TEAM_NOT_FOUND',
    });
    expect(await update({ name: '   ' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: [{ path: 'name', message: 'required' }],
    });
    expect(await update({ schoolId: UNKNOWN })).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'UNKNOWN_SCHOOL',
      details: [{ path: 'schoolId', message: 'unknown school' }],
    });
    expect(await update({ departmentId: UNKNOWN })).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'UNKNOWN_DEPARTMENT',
      details: [{ path: 'departmentId', message: 'unknown department' }],
    });
    // Moving to another school keeps the department unless it changes too: Lincoln's office is not Northgate's.
    expect(await update({ schoolId: northgate.id })).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'DEPARTMENT_OF_ANOTHER_SCHOOL',
      details: [{ path: 'departmentId' }],
    });
    // A new team is checked the same way before anything is written.
    const create = async (input: Record<string, unknown>) =>
      (await graphql('mutation($input: CreateTeamInput!) { createTeam(input: $input) { id } }', { input }))
        .errors[0].extensions;
    expect(await create({ name: 'Ghost desk', schoolId: UNKNOWN })).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'UNKNOWN_SCHOOL',
    });
    expect(
      await create({ name: 'Northgate enrollment', schoolId: northgate.id, departmentId: lincolnOffice.id }),
    ).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DEPARTMENT_OF_ANOTHER_SCHOOL' });
    expect(await create({ name: '  ', schoolId: lincoln.id })).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: [{ path: 'name', message: 'required' }],
    });
    const schoolAdmin: Principal = staffPrincipal('school-admin-1', {
      role: 'SCHOOL_ADMIN',
      schoolId: lincoln.id,
    });
    expect(await update({ name: 'Renamed' }, team.id, schoolAdmin)).toMatchObject({ code: 'FORBIDDEN' });
    for (const mutation of ['deactivateTeam', 'reactivateTeam', 'reactivateSchool']) {
      const refused = await graphql(`mutation($id: ID!) { ${mutation}(id: $id) { id } }`, { id: UNKNOWN });
      expect(refused.errors[0].extensions).toMatchObject({
        code: 'NOT_FOUND',
        reason: mutation === 'reactivateSchool' ? 'SCHOOL_NOT_FOUND' : 'TEAM_NOT_FOUND',
      });
      const forbidden = await graphql(
        `mutation($id: ID!) { ${mutation}(id: $id) { id } }`,
        { id: mutation === 'reactivateSchool' ? lincoln.id : team.id },
        schoolAdmin,
      );
      expect(forbidden.errors[0].extensions.code).toBe('FORBIDDEN');
    }
    expect(await snapshot()).toEqual(before);
  });
});
