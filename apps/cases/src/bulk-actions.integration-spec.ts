import { randomUUID } from 'node:crypto';
import { staffPrincipal } from '@homeroom/platform/auth';
import { useCasesSuite } from './testing/cases-suite';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL results are checked field by field
type Json = any;

const BULK =
  'mutation($ids: [ID!]!, $change: BulkCaseChangeInput!) { bulkUpdateCases(caseIds: $ids, change: $change) { id succeeded failed undoableUntil results { caseId ok code reason } } }';
const UNDO =
  'mutation($id: ID!) { undoBulkCaseAction(id: $id) { id succeeded failed undoableUntil results { caseId ok code reason } } }';
const CASE =
  'query($id: ID!) { case(id: $id) { status priority tags assignee { id } team { id } timeline { kind details } } }';

describe('cases: bulk actions in the inbox', () => {
  const suite = useCasesSuite('cases-bulk-actions');
  const { schoolId, otherSchoolId, agent, outsider, admin, graphql, submit, caseId } = suite;
  const colleague = staffPrincipal(randomUUID(), { role: 'AGENT', schoolId });
  const ok = async (query: string, variables: Record<string, unknown>, who = agent) => {
    const result = await graphql(query, variables, who);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data as Json;
  };
  const refusal = async (query: string, variables: Record<string, unknown>, who = agent) =>
    ((await graphql(query, variables, who)).errors?.[0]?.extensions ?? null) as Json;
  const newCase = async (school = schoolId) => caseId((await submit({ schoolId: school })).caseNumber);
  const read = async (id: string) => (await ok(CASE, { id }, admin)).case;

  it('changes each case it may in its own transaction, with a result per case, and says why the others were not', async () => {
    const [a, b, closed] = [await newCase(), await newCase(), await newCase()];
    const elsewhere = await newCase(otherSchoolId);
    await ok(
      'mutation($id: ID!) { setCaseStatus(caseId: $id, status: CLOSED) { status } }',
      { id: closed },
      admin,
    );
    const bulk = (
      await ok(BULK, {
        ids: [a, b, closed, elsewhere, randomUUID()],
        change: { status: 'PENDING', priority: 'HIGH', addTags: ['Snow day'] },
      })
    ).bulkUpdateCases;
    expect(bulk).toMatchObject({ succeeded: 2, failed: 3 });
    expect(bulk.undoableUntil).not.toBeNull();
    expect(bulk.results.map((r: Json) => [r.ok, r.code, r.reason])).toEqual([
      [true, null, null],
      [true, null, null],
      [false, 'CONFLICT', 'INVALID_STATUS_TRANSITION'],
      [false, 'NOT_FOUND', 'CASE_NOT_FOUND'],
      [false, 'NOT_FOUND', 'CASE_NOT_FOUND'],
    ]);
    const changed = await read(a);
    expect(changed).toMatchObject({ status: 'PENDING', priority: 'HIGH', tags: ['snow-day'] });
    expect(
      changed.timeline
        .filter((t: Json) => JSON.parse(t.details).bulk === bulk.id)
        .map((t: Json) => t.kind)
        .sort(),
    ).toEqual(['TAGS_CHANGED', 'UPDATED']);
    // The refused case is untouched: its priority and tags did not change without its status.
    expect(await read(closed)).toMatchObject({ status: 'CLOSED', priority: 'NORMAL', tags: [] });
    expect(await suite.eventsOf(a, 'cases.CaseStatusChanged')).toHaveLength(1);
  });

  it('undoes the last bulk action for the one who made it, within a minute, case by case, once', async () => {
    const [a, b] = [await newCase(), await newCase()];
    const team = randomUUID();
    await suite.database.dataSource.query(
      `INSERT INTO known_team (id, name, school_id, active) VALUES ($1, 'Front office', $2, true)`,
      [team, schoolId],
    );
    const bulk = (
      await ok(BULK, {
        ids: [a, b],
        change: { assignment: { teamId: team }, status: 'OPEN', priority: 'URGENT', addTags: ['late-bus'] },
      })
    ).bulkUpdateCases;
    expect(bulk.succeeded).toBe(2);
    // Someone changes b meanwhile: the undo leaves their change alone.
    await ok(
      'mutation($id: ID!) { updateCase(caseId: $id, input: { priority: LOW }) { id } }',
      { id: b },
      colleague,
    );

    expect(await refusal(UNDO, { id: bulk.id }, colleague)).toMatchObject({ code: 'NOT_FOUND' });
    const undone = (await ok(UNDO, { id: bulk.id })).undoBulkCaseAction;
    expect(undone).toMatchObject({ succeeded: 1, failed: 1, undoableUntil: null });
    expect(undone.results.find((r: Json) => r.caseId === b)).toMatchObject({
      ok: false,
      reason: 'CHANGED_SINCE',
    });
    expect(await read(a)).toMatchObject({ status: 'NEW', priority: 'NORMAL', tags: [], team: null });
    expect((await read(a)).timeline.some((t: Json) => JSON.parse(t.details).undoOf === bulk.id)).toBe(true);
    expect(await read(b)).toMatchObject({ status: 'OPEN', priority: 'LOW', tags: ['late-bus'] });
    expect(await refusal(UNDO, { id: bulk.id })).toMatchObject({
      code: 'CONFLICT',
      reason: 'ALREADY_UNDONE',
    });

    // A minute later it is too late.
    const late = (await ok(BULK, { ids: [a], change: { priority: 'HIGH' } })).bulkUpdateCases;
    await suite.database.dataSource.query(
      `UPDATE case_bulk_action SET created_at = now() - interval '61 seconds' WHERE id = $1`,
      [late.id],
    );
    expect(await refusal(UNDO, { id: late.id })).toMatchObject({ code: 'CONFLICT', reason: 'UNDO_EXPIRED' });
  });

  it('merges many duplicates into one, and refuses what is no bulk action', async () => {
    const [lead, d1, d2] = [await newCase(), await newCase(), await newCase()];
    const merged = (
      await ok(
        'mutation($ids: [ID!]!, $into: ID!) { bulkMergeCases(caseIds: $ids, intoCaseId: $into, reason: "Same bus") { succeeded failed undoableUntil results { ok code } } }',
        { ids: [d1, d2], into: lead },
      )
    ).bulkMergeCases;
    expect(merged).toMatchObject({ succeeded: 2, failed: 0, undoableUntil: null });
    expect((await read(d1)).status).toBe('CLOSED');

    expect(await refusal(BULK, { ids: [lead], change: {} })).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'NOTHING_TO_CHANGE',
    });
    const tooMany = Array.from({ length: 501 }, () => randomUUID());
    expect(await refusal(BULK, { ids: tooMany, change: { priority: 'LOW' } })).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'TOO_MANY_CASES',
    });
    expect(await refusal(BULK, { ids: [lead, lead], change: { priority: 'LOW' } })).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    // Handing cases to staff of another school is refused before any case changes.
    const [{ id: stranger }] = await suite.database.dataSource.query(
      `INSERT INTO known_person (id, kind, school_ids, active, contact_keys) VALUES ($1, 'STAFF', $2, true, '{}') RETURNING id`,
      [randomUUID(), [otherSchoolId]],
    );
    expect(
      await refusal(BULK, { ids: [lead], change: { assignment: { assigneeId: stranger } } }),
    ).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'OUTSIDE_YOUR_SCHOOLS',
    });
    expect((await read(lead)).assignee).toBeNull();
    expect(await refusal(BULK, { ids: [lead], change: { priority: 'LOW' } }, outsider)).toBeNull();
  });
});
