import { randomUUID } from 'node:crypto';
import { type Principal, staffPrincipal } from '@homeroom/platform/auth';
import { useCasesSuite } from './testing/cases-suite';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL results are checked field by field
type Json = any;

const REVIEW =
  'mutation($id: ID!, $scores: [CriterionScoreInput!]!, $comment: String) { reviewCase(caseId: $id, scores: $scores, comment: $comment) { id caseNumber agentId schoolId average scores { criterionId score } criteria { id } comment } }';
const SCORES = (tone = 4) => [
  { criterionId: 'greeting', score: 3 },
  { criterionId: 'answered', score: 4 },
  { criterionId: 'tone', score: tone },
  { criterionId: 'timeliness', score: 2 },
];

describe('cases: coaching reviews', () => {
  const suite = useCasesSuite('cases-coaching');
  const { schoolId, otherSchoolId, agent, outsider, viewer, admin, graphql, submit, caseId } = suite;
  const principal = staffPrincipal(randomUUID(), { role: 'SCHOOL_ADMIN', schoolId });
  const ok = async (query: string, variables: Record<string, unknown>, who = principal) => {
    const result = await graphql(query, variables, who);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data as Json;
  };
  const refusal = async (query: string, variables: Record<string, unknown>, who: Principal = principal) =>
    ((await graphql(query, variables, who)).errors?.[0]?.extensions ?? null) as Json;
  /** A case at `school` the agent handled and resolved. */
  const resolvedCase = async (school = schoolId) => {
    const id = await caseId((await submit({ schoolId: school })).caseNumber);
    await ok(
      'mutation($id: ID!, $a: ID) { assignCase(caseId: $id, assigneeId: $a) { id } }',
      { id, a: agent.subject },
      admin,
    );
    await ok('mutation($id: ID!) { setCaseStatus(caseId: $id, status: RESOLVED) { status } }', { id }, admin);
    return id;
  };

  beforeAll(async () => {
    await suite.database.dataSource.query(
      `INSERT INTO known_person (id, kind, school_ids, active, contact_keys) VALUES ($1, 'STAFF', $2, true, '{}')`,
      [agent.subject, [schoolId]],
    );
  });

  it("reviews a sampled resolved case against the district's standards; the agent reads it; trends sum it up", async () => {
    expect(
      (await ok('{ coachingRubric { id name } }', {}, agent)).coachingRubric.map((c: Json) => c.id),
    ).toEqual(['greeting', 'answered', 'tone', 'timeliness']);
    const id = await resolvedCase();
    const sample = (await ok('{ caseReviewSample(size: 20) { id number } }', {})).caseReviewSample;
    expect(sample.map((c: Json) => c.id)).toContain(id);

    const review = (
      await ok(REVIEW, { id, scores: SCORES(), comment: ' Warm and complete; answer sooner. ' })
    ).reviewCase;
    expect(review).toMatchObject({
      agentId: agent.subject,
      schoolId,
      average: 3.25,
      comment: 'Warm and complete; answer sooner.',
    });
    expect(review.criteria).toHaveLength(4);
    expect(
      (await ok('{ caseReviewSample(size: 20) { id } }', {})).caseReviewSample.map((c: Json) => c.id),
    ).not.toContain(id);
    expect(await refusal(REVIEW, { id, scores: SCORES() })).toMatchObject({
      code: 'CONFLICT',
      reason: 'ALREADY_REVIEWED',
    });

    // The agent reads their own reviews, and only theirs.
    const own = (await ok('{ caseReviews { id caseNumber average } }', {}, agent)).caseReviews;
    expect(own.map((r: Json) => r.id)).toEqual([review.id]);
    expect(
      await refusal('query($a: ID) { caseReviews(agentId: $a) { id } }', { a: randomUUID() }, agent),
    ).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'OWN_REVIEWS_ONLY',
    });

    const range = {
      from: new Date(Date.now() - 86_400_000).toISOString(),
      to: new Date(Date.now() + 60_000).toISOString(),
    };
    const trends = (
      await ok(
        'query($range: DateRangeInput!) { coachingTrends(range: $range, by: AGENT) { key month reviews average byCriterion { criterionId average } } }',
        { range },
        admin,
      )
    ).coachingTrends;
    const mine = trends.find((t: Json) => t.key === agent.subject);
    expect(mine).toMatchObject({ reviews: 1, average: 3.25 });
    expect(mine.byCriterion).toEqual([
      { criterionId: 'answered', average: 4 },
      { criterionId: 'greeting', average: 3 },
      { criterionId: 'timeliness', average: 2 },
      { criterionId: 'tone', average: 4 },
    ]);
  });

  it('keeps reviews to the standards, resolved cases, and the supervisor’s own schools', async () => {
    const id = await resolvedCase();
    expect(await refusal(REVIEW, { id, scores: SCORES().slice(0, 2) })).toMatchObject({
      reason: 'INCOMPLETE_REVIEW',
    });
    expect(await refusal(REVIEW, { id, scores: SCORES(5) })).toMatchObject({ code: 'BAD_USER_INPUT' });
    const open = await caseId((await submit()).caseNumber);
    expect(await refusal(REVIEW, { id: open, scores: SCORES() })).toMatchObject({
      reason: 'CASE_NOT_RESOLVED',
    });
    const elsewhere = await resolvedCase(otherSchoolId);
    expect(await refusal(REVIEW, { id: elsewhere, scores: SCORES() })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusal(REVIEW, { id, scores: SCORES() }, agent)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal('{ caseReviews { id } }', {}, viewer)).toMatchObject({ code: 'FORBIDDEN' });
    expect((await ok('{ caseReviews { id } }', {}, outsider)).caseReviews).toEqual([]);

    // The district edits its standards; a review made before keeps the ones it was scored on.
    await ok(
      'mutation($c: [RubricCriterionInput!]!) { updateCoachingRubric(criteria: $c) { id } }',
      { c: [{ id: 'empathy', name: 'Empathy', description: 'Names the worry.' }] },
      admin,
    );
    expect(await refusal(REVIEW, { id, scores: SCORES() })).toMatchObject({ code: 'BAD_USER_INPUT' });
    const reviewed = (await ok(REVIEW, { id, scores: [{ criterionId: 'empathy', score: 4 }] })).reviewCase;
    expect(reviewed.criteria).toEqual([{ id: 'empathy' }]);
    const earlier = (await ok('{ caseReviews { criteria { id } } }', {})).caseReviews;
    expect(earlier.some((r: Json) => r.criteria.length === 4)).toBe(true);
    expect(
      await refusal(
        'mutation { updateCoachingRubric(criteria: [{ id: "x", name: "X" }]) { id } }',
        {},
        principal,
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
  });

  it("gives each staff member their own reviews, a supervisor's too, and no API client any", async () => {
    // A school administrator who also answers families: reviewed by the district on a case they handled.
    const supervisor = staffPrincipal(randomUUID(), { role: 'SCHOOL_ADMIN', schoolId });
    // Every standard of the rubric as it is now (an earlier test may have changed it), scored `score`.
    const rubric = (await ok('{ coachingRubric { id } }', {}, admin)).coachingRubric as { id: string }[];
    const scored = (score: number) => rubric.map((c) => ({ criterionId: c.id, score }));
    await suite.database.dataSource.query(
      `INSERT INTO known_person (id, kind, school_ids, active, contact_keys) VALUES ($1, 'STAFF', $2, true, '{}')`,
      [supervisor.subject, [schoolId]],
    );
    const handled = await caseId((await submit({ schoolId })).caseNumber);
    await ok(
      'mutation($id: ID!, $a: ID) { assignCase(caseId: $id, assigneeId: $a) { id } }',
      { id: handled, a: supervisor.subject },
      admin,
    );
    await ok(
      'mutation($id: ID!) { setCaseStatus(caseId: $id, status: RESOLVED) { status } }',
      { id: handled },
      admin,
    );
    const theirs = (await ok(REVIEW, { id: handled, scores: scored(3), comment: 'Clear.' }, admin))
      .reviewCase;
    // And the agent reviewed once more at the same school, by that supervisor.
    const agents = (await ok(REVIEW, { id: await resolvedCase(), scores: scored(4) }, supervisor)).reviewCase;

    const MINE = '{ myCoachingReviews { id caseNumber agentId average comment criteria { id } } }';
    const supervisorsOwn = (await ok(MINE, {}, supervisor)).myCoachingReviews;
    expect(supervisorsOwn).toEqual([
      expect.objectContaining({ id: theirs.id, agentId: supervisor.subject, comment: 'Clear.' }),
    ]);
    // caseReviews gives the supervisor their schools' reviews instead, the agent's among them.
    expect((await ok('{ caseReviews { id } }', {}, supervisor)).caseReviews.map((r: Json) => r.id)).toContain(
      agents.id,
    );

    const agentsOwn = (await ok(MINE, {}, agent)).myCoachingReviews.map((r: Json) => r.id);
    expect(agentsOwn).toContain(agents.id);
    expect(agentsOwn).not.toContain(theirs.id);
    expect((await ok(MINE, {}, outsider)).myCoachingReviews).toEqual([]);
    expect((await ok(MINE, {}, viewer)).myCoachingReviews).toEqual([]);

    const client = { kind: 'client' as const, subject: randomUUID(), scopes: ['cases:read', 'cases:write'] };
    expect(await refusal(MINE, {}, client)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(MINE, {}, suite.anonymous)).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
