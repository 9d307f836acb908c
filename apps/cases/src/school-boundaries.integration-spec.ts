import { randomUUID } from 'node:crypto';
import { staffPrincipal, type Principal } from '@homeroom/platform/auth';
import type { TestDatabase } from '@homeroom/platform/database/testing';
import { startCasesApp, type CasesTestApp } from './testing/cases-test-app';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL results are checked field by field
type Json = any;

/**
 * A role granted at one school reaches that school only (issue 16, defects 1, 2 and 4): a school's viewer
 * reads that school's cases and nothing else, an agent acts for their own school, and integrations read
 * internal notes only through the scope made for it.
 */
describe('cases: school boundaries', () => {
  let cases: CasesTestApp;
  let database: TestDatabase;
  let graphql: CasesTestApp['graphql'];
  const schoolA = randomUUID();
  const schoolB = randomUUID();
  const staffOfA = randomUUID();
  const staffOfB = randomUUID();
  const admin = staffPrincipal(randomUUID(), { role: 'DISTRICT_ADMIN', schoolId: null });
  const viewerOfA = staffPrincipal(randomUUID(), { role: 'VIEWER', schoolId: schoolA });
  const districtViewer = staffPrincipal(randomUUID(), { role: 'VIEWER', schoolId: null });
  const agentOfA = staffPrincipal(staffOfA, { role: 'AGENT', schoolId: schoolA });
  // Acts for school A, and only reads school B's work.
  const agentOfAViewerOfB = staffPrincipal(
    randomUUID(),
    { role: 'AGENT', schoolId: schoolA },
    { role: 'VIEWER', schoolId: schoolB },
  );
  const vendor: Principal = { kind: 'client', subject: 'vendor', scopes: ['cases:read', 'cases:write'] };
  const notesVendor: Principal = {
    kind: 'client',
    subject: 'notes-vendor',
    scopes: ['cases:read', 'cases:internal-notes:read'],
  };
  let caseAtA: string;
  let caseAtB: string;

  beforeAll(async () => {
    cases = await startCasesApp('cases-boundaries');
    ({ database, graphql } = cases);

    // The directory's schools and staff, as its events leave them in the read models (tested elsewhere).
    await database.dataSource.query(
      `INSERT INTO known_school (id, name, time_zone, active) VALUES ($1, 'A', 'America/Chicago', true), ($2, 'B', 'America/Chicago', true)`,
      [schoolA, schoolB],
    );
    await database.dataSource.query(
      `INSERT INTO known_person (id, kind, school_ids, active, contact_keys)
       VALUES ($1, 'STAFF', ARRAY[$3::uuid], true, '{}'), ($2, 'STAFF', ARRAY[$4::uuid], true, '{}')`,
      [staffOfA, staffOfB, schoolA, schoolB],
    );
    caseAtA = await createCase(schoolA);
    caseAtB = await createCase(schoolB);
  });

  afterAll(() => cases?.close());

  async function createCase(schoolId: string): Promise<string> {
    const created = await graphql(
      'mutation($s: ID) { createCase(input: { channel: PHONE, description: "Called about the bus.", schoolId: $s, contact: { phone: "512-555-0199" } }) { id } }',
      { s: schoolId },
      admin,
    );
    expect(created.errors).toBeUndefined();
    const id = created.data.createCase.id;
    const note = await graphql(
      'mutation($c: ID!) { addInternalNote(caseId: $c, body: "Staff only: the driver was reassigned.") { id } }',
      { c: id },
      admin,
    );
    expect(note.errors).toBeUndefined();
    return id;
  }

  const code = (result: Json) => result.errors?.[0]?.extensions?.code;
  const ids = (result: Json) => result.data.cases.edges.map((e: Json) => e.node.id).sort();
  const LIST = '{ cases(first: 50) { totalCount edges { node { id } } } }';
  const ONE = 'query($id: ID!) { case(id: $id) { id messages { direction body } } }';

  describe("a school's viewer (defect 2)", () => {
    it('lists and opens their school’s cases only', async () => {
      expect(ids(await graphql(LIST, {}, viewerOfA))).toEqual([caseAtA]);
      expect((await graphql(ONE, { id: caseAtB }, viewerOfA)).data.case).toBeNull();
      const own = await graphql(ONE, { id: caseAtA }, viewerOfA);
      expect(own.data.case.messages.map((m: Json) => m.direction)).toContain('INTERNAL_NOTE');
    });

    it("counts their school's figures only", async () => {
      const metrics = await graphql(
        'query($f: DateTime!, $t: DateTime!) { caseMetrics(range: { from: $f, to: $t }) { total bySchool { schoolId count } } }',
        {
          f: new Date(Date.now() - 86_400_000).toISOString(),
          t: new Date(Date.now() + 86_400_000).toISOString(),
        },
        viewerOfA,
      );
      expect(metrics.data.caseMetrics).toEqual({ total: 1, bySchool: [{ schoolId: schoolA, count: 1 }] });
    });

    it('sees the district when the role is granted district-wide', async () => {
      expect(ids(await graphql(LIST, {}, districtViewer))).toEqual([caseAtA, caseAtB].sort());
    });
  });

  describe('acting where a role reaches (defect 1)', () => {
    it('lets an agent act for their school and only read where they are a viewer', async () => {
      expect(ids(await graphql(LIST, {}, agentOfAViewerOfB))).toEqual([caseAtA, caseAtB].sort());
      const NOTE = 'mutation($c: ID!) { addInternalNote(caseId: $c, body: "Noted.") { id } }';
      expect(code(await graphql(NOTE, { c: caseAtB }, agentOfAViewerOfB))).toBe('FORBIDDEN');
      expect((await graphql(NOTE, { c: caseAtA }, agentOfAViewerOfB)).errors).toBeUndefined();
      // A case they cannot see at all is answered as not existing.
      expect(code(await graphql(NOTE, { c: caseAtB }, agentOfA))).toBe('NOT_FOUND');
    });

    it('refuses a case logged at another school, and writes nothing', async () => {
      const [{ n: before }] = await database.dataSource.query('SELECT count(*)::int AS n FROM support_case');
      const result = await graphql(
        'mutation($s: ID) { createCase(input: { channel: PHONE, description: "Elsewhere.", schoolId: $s }) { id } }',
        { s: schoolB },
        agentOfA,
      );
      expect(code(result)).toBe('FORBIDDEN');
      const [{ n: after }] = await database.dataSource.query('SELECT count(*)::int AS n FROM support_case');
      expect(after).toBe(before);
    });

    it("refuses moving a case to another school, or handing it to another school's staff", async () => {
      const moved = await graphql(
        'mutation($c: ID!, $s: ID) { updateCase(caseId: $c, input: { schoolId: $s }) { id } }',
        { c: caseAtA, s: schoolB },
        agentOfA,
      );
      expect(code(moved)).toBe('FORBIDDEN');
      const ASSIGN =
        'mutation($c: ID!, $p: ID) { assignCase(caseId: $c, assigneeId: $p) { assignee { id } } }';
      expect(code(await graphql(ASSIGN, { c: caseAtA, p: staffOfB }, agentOfA))).toBe('FORBIDDEN');
      expect(code(await graphql(ASSIGN, { c: caseAtA, p: randomUUID() }, agentOfA))).toBe('NOT_FOUND');
      const [row] = await database.dataSource.query(
        'SELECT school_id, assignee_id FROM support_case WHERE id = $1',
        [caseAtA],
      );
      expect(row).toEqual({ school_id: schoolA, assignee_id: null });
      const assigned = await graphql(ASSIGN, { c: caseAtA, p: staffOfA }, agentOfA);
      expect(assigned.errors).toBeUndefined();
      expect(assigned.data.assignCase.assignee).toEqual({ id: staffOfA });
    });
  });

  describe('internal notes for integrations (defect 4)', () => {
    it('are left out for an API client with cases:read', async () => {
      const read = await graphql(ONE, { id: caseAtA }, vendor);
      expect(read.errors).toBeUndefined();
      expect(read.data.case.messages.map((m: Json) => m.direction)).not.toContain('INTERNAL_NOTE');
    });

    it('are shown to one granted cases:internal-notes:read', async () => {
      const read = await graphql(ONE, { id: caseAtA }, notesVendor);
      expect(read.data.case.messages.map((m: Json) => m.direction)).toContain('INTERNAL_NOTE');
    });
  });
});
