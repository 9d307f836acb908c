import { staffPrincipal, type UserPrincipal } from '@homeroom/platform/auth';
import type { TestDatabase } from '@homeroom/platform/database/testing';
import { startDirectoryApp, type DirectoryTestApp } from './testing/directory-test-app';

const admin = staffPrincipal('00000000-0000-4000-8000-00000000a001', {
  role: 'DISTRICT_ADMIN',
  schoolId: null,
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL results are checked field by field
type Json = any;

/**
 * A role granted at one school reaches that school only, in writes and in reads through relations
 * (issue 16, defects 1 and 3): school B's staff never change school A's teams, nor read A's people
 * through a guardian, a household, a team or a school's principal.
 */
describe('directory: school boundaries', () => {
  let directory: DirectoryTestApp;
  let database: TestDatabase;
  let graphql: DirectoryTestApp['graphql'];
  let schoolA: { id: string; principalId: string };
  let schoolB: { id: string; principalId: string };
  let teamA: string;
  let adminOfA: UserPrincipal;
  let adminOfB: UserPrincipal;
  let agentOfA: UserPrincipal;

  beforeAll(async () => {
    directory = await startDirectoryApp('directory-boundaries');
    ({ database, graphql } = directory);

    [schoolA, schoolB] = await database.dataSource.query(
      'SELECT id, principal_id AS "principalId" FROM school WHERE principal_id IS NOT NULL ORDER BY code LIMIT 2',
    );
    [{ id: teamA }] = await database.dataSource.query('SELECT id FROM team WHERE school_id = $1 LIMIT 1', [
      schoolA.id,
    ]);
    // Real staff of each school, so that what they may see is what their memberships say.
    adminOfA = staffPrincipal(schoolA.principalId, { role: 'SCHOOL_ADMIN', schoolId: schoolA.id });
    adminOfB = staffPrincipal(schoolB.principalId, { role: 'SCHOOL_ADMIN', schoolId: schoolB.id });
    agentOfA = staffPrincipal(await staffOf(schoolA.id), { role: 'AGENT', schoolId: schoolA.id });
  });

  afterAll(() => directory?.close());

  async function staffOf(schoolId: string): Promise<string> {
    const [row] = await database.dataSource.query(
      `SELECT p.id FROM person p JOIN school_membership m ON m.person_id = p.id
        WHERE p.kind = 'STAFF' AND m.school_id = $1 AND p.id <> ALL($2::uuid[]) LIMIT 1`,
      [schoolId, [schoolA.principalId, schoolB.principalId]],
    );
    return row.id;
  }

  async function membersOf(teamId: string): Promise<string[]> {
    const rows: { person_id: string }[] = await database.dataSource.query(
      'SELECT person_id FROM team_member WHERE team_id = $1 ORDER BY person_id',
      [teamId],
    );
    return rows.map((row) => row.person_id);
  }

  async function createPerson(kind: string, schoolId: string, role: string): Promise<string> {
    const created = await graphql(
      'mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }',
      {
        input: {
          kind,
          givenName: 'Boundary',
          familyName: `${kind}-${schoolId.slice(0, 8)}`,
          memberships: [{ schoolId, role }],
        },
      },
      admin,
    );
    expect(created.errors).toBeUndefined();
    return created.data.createPerson.id;
  }

  const code = (result: Json) => result.errors?.[0]?.extensions?.code;

  describe('teams (defect 1)', () => {
    it("refuses school B's administrator joining school A's team, and changes nothing", async () => {
      const before = await membersOf(teamA);
      const result = await graphql(
        'mutation($team: ID!, $members: [TeamMemberInput!]!) { setTeamMembers(teamId: $team, members: $members) { id } }',
        { team: teamA, members: [{ personId: schoolB.principalId }] },
        adminOfB,
      );
      expect(code(result)).toBe('FORBIDDEN');
      expect(await membersOf(teamA)).toEqual(before);
    });

    it("refuses school B's administrator creating a team at school A", async () => {
      const [{ n: before }] = await database.dataSource.query('SELECT count(*)::int AS n FROM team');
      const result = await graphql(
        'mutation($input: CreateTeamInput!) { createTeam(input: $input) { id } }',
        { input: { name: 'Takeover', schoolId: schoolA.id, members: [{ personId: schoolB.principalId }] } },
        adminOfB,
      );
      expect(code(result)).toBe('FORBIDDEN');
      const [{ n: after }] = await database.dataSource.query('SELECT count(*)::int AS n FROM team');
      expect(after).toBe(before);
    });

    it('refuses a district team to a school administrator', async () => {
      const result = await graphql(
        'mutation { createTeam(input: { name: "Transportation desk" }) { id } }',
        {},
        adminOfA,
      );
      expect(code(result)).toBe('FORBIDDEN');
    });

    it("answers a member the administrator cannot see as not found: school A's staff in school B's team", async () => {
      const result = await graphql(
        'mutation($input: CreateTeamInput!) { createTeam(input: $input) { id } }',
        {
          input: {
            name: 'Borrowed staff',
            schoolId: schoolB.id,
            members: [{ personId: schoolA.principalId }],
          },
        },
        adminOfB,
      );
      expect(code(result)).toBe('NOT_FOUND');
    });

    it("lets school A's administrator manage their team, keeping the members they cannot see", async () => {
      const districtAgent = await database.dataSource.query(
        `SELECT p.id FROM person p JOIN staff_role r ON r.person_id = p.id
          WHERE r.school_id IS NULL AND r.role = 'AGENT'
            AND NOT EXISTS (SELECT 1 FROM school_membership m WHERE m.person_id = p.id) LIMIT 1`,
      );
      expect(districtAgent).toHaveLength(1);
      await graphql(
        'mutation($team: ID!, $members: [TeamMemberInput!]!) { setTeamMembers(teamId: $team, members: $members) { id } }',
        { team: teamA, members: [{ personId: agentOfA.subject }, { personId: districtAgent[0].id }] },
        admin,
      );
      const seen = await graphql(
        'query($school: ID) { teams(schoolId: $school) { id members { person { id } } } }',
        { school: schoolA.id },
        adminOfA,
      );
      const shown = seen.data.teams.find((t: Json) => t.id === teamA).members.map((m: Json) => m.person.id);
      expect(shown).not.toContain(districtAgent[0].id);

      const result = await graphql(
        'mutation($team: ID!, $members: [TeamMemberInput!]!) { setTeamMembers(teamId: $team, members: $members) { id } }',
        { team: teamA, members: [...shown, schoolA.principalId].map((personId: string) => ({ personId })) },
        adminOfA,
      );
      expect(result.errors).toBeUndefined();
      expect(await membersOf(teamA)).toEqual(
        [...new Set([...shown, schoolA.principalId, districtAgent[0].id])].sort(),
      );
    });
  });

  describe('reads through relations (defect 3)', () => {
    let guardianAtA: string;
    let studentAtB: string;

    beforeAll(async () => {
      guardianAtA = await createPerson('GUARDIAN', schoolA.id, 'GUARDIAN');
      studentAtB = await createPerson('STUDENT', schoolB.id, 'STUDENT');
      const linked = await graphql(
        'mutation($g: ID!, $s: ID!) { linkGuardian(input: { guardianId: $g, studentId: $s, mayReceiveInformation: false }) { type } }',
        { g: guardianAtA, s: studentAtB },
        admin,
      );
      expect(linked.errors).toBeUndefined();
      const household = await graphql(
        'mutation($ids: [ID!]!) { createHousehold(input: { name: "Split household", memberIds: $ids }) { id } }',
        { ids: [guardianAtA, studentAtB] },
        admin,
      );
      expect(household.errors).toBeUndefined();
    });

    it("shows school A's agent the guardian but not school B's student through them", async () => {
      const result = await graphql(
        'query($id: ID!) { person(id: $id) { id students { student { id } } household { members { id } } } }',
        { id: guardianAtA },
        agentOfA,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data.person.students).toEqual([]);
      expect(result.data.person.household.members).toEqual([{ id: guardianAtA }]);
      // The district sees both sides.
      const everyone = await graphql(
        'query($id: ID!) { person(id: $id) { students { student { id } } household { members { id } } } }',
        { id: guardianAtA },
        admin,
      );
      expect(everyone.data.person.students).toEqual([{ student: { id: studentAtB } }]);
      expect(everyone.data.person.household.members.map((m: Json) => m.id).sort()).toEqual(
        [guardianAtA, studentAtB].sort(),
      );
    });

    it('audit-logs the household members it shows, under the operation that read them', async () => {
      await graphql(
        'query HouseholdRead($id: ID!) { person(id: $id) { household { members { id } } } }',
        { id: guardianAtA },
        agentOfA,
      );
      const rows: { person_id: string }[] = await database.dataSource.query(
        `SELECT person_id FROM audit_entry WHERE operation = 'query:HouseholdRead' AND actor_id = $1`,
        [agentOfA.subject],
      );
      // The guardian twice: once opened, once as a household member; the student never.
      expect(rows.map((r) => r.person_id)).toEqual([guardianAtA, guardianAtA]);
    });

    it("does not show another school's principal or team members", async () => {
      const result = await graphql(
        `
          query ($a: ID!, $b: ID!) {
            a: school(id: $a) {
              principal {
                id
              }
            }
            b: school(id: $b) {
              principal {
                id
              }
            }
            teams(schoolId: $b) {
              members {
                person {
                  id
                }
              }
            }
          }
        `,
        { a: schoolA.id, b: schoolB.id },
        agentOfA,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data.a.principal).toEqual({ id: schoolA.principalId });
      expect(result.data.b.principal).toBeNull();
      expect(result.data.teams.flatMap((t: Json) => t.members)).toEqual([]);
    });
  });
});
