import { randomUUID } from 'node:crypto';
import { staffPrincipal } from '@homeroom/platform/auth';
import { useSurveysSuite, SUBMIT } from './testing/surveys-suite';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL results are checked field by field
type Json = any;

/** The district's month of a moment, as the suite's service counts it (DISTRICT_TIME_ZONE's default). */
function districtMonth(at: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/Chicago',
    year: 'numeric',
    month: '2-digit',
  })
    .formatToParts(at)
    .reduce<Record<string, string>>((all, part) => ({ ...all, [part.type]: part.value }), {});
  return `${parts['year']}-${parts['month']}`;
}

const TRENDS = `query ($range: DateRangeInput!) {
  satisfactionTrends(range: $range) {
    schoolId month invitations responses responseRate suppressed suppression csatMean lowScores
  }
}`;

describe('surveys: each school’s satisfaction per month, beside the coaching trends', () => {
  const suite = useSurveysSuite('surveys-satisfaction-trends');
  const { graphql, anonymous, resolve, invitationsFor, tokenOf } = suite;
  const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];

  /** Resolves a case at the school and answers its survey with the score (none: left unanswered). */
  async function answered(schoolId: string, score: number | null): Promise<string> {
    const caseId = randomUUID();
    await resolve(caseId, { schoolId });
    const [invitation] = await invitationsFor(caseId, 1);
    if (score !== null) {
      const submitted = await anonymous(SUBMIT, {
        token: tokenOf(invitation!),
        answers: [{ questionId: 'feeling', number: score }],
      });
      expect(submitted.errors).toBeUndefined();
    }
    return caseId;
  }

  it('gives each school’s month, withholding small cells and their complements alike for everyone', async () => {
    const earlier = [await answered(a, 9), await answered(a, 7)];
    for (const score of [10, 8, 6]) await answered(a, score);
    await answered(b, 5);
    for (const score of [4, 4, null]) await answered(c, score);
    // Last month's answers, as if sent then: the service counts the month an invitation was sent in.
    await suite.database.dataSource.query(
      `UPDATE survey_invitation SET sent_at = sent_at - interval '1 month' WHERE case_id = ANY($1::uuid[])`,
      [earlier],
    );
    const now = new Date();
    const [lastMonth] = (await suite.database.dataSource.query(
      'SELECT min(sent_at) AS at FROM survey_invitation WHERE case_id = ANY($1::uuid[])',
      [earlier],
    )) as { at: Date }[];
    const [previous, current] = [districtMonth(lastMonth!.at), districtMonth(now)];
    expect(previous).not.toBe(current);
    const range = {
      from: new Date(now.getTime() - 40 * 86_400_000).toISOString(),
      to: new Date(now.getTime() + 60_000).toISOString(),
    };

    const district = await graphql(TRENDS, { range });
    expect(district.errors).toBeUndefined();
    const shown = (csatMean: number, lowScores: number) => ({
      suppressed: false,
      suppression: null,
      csatMean,
      lowScores,
    });
    const withheld = (suppression: string) => ({
      suppressed: true,
      suppression,
      csatMean: null,
      lowScores: null,
    });
    const rows = {
      aBefore: {
        schoolId: a,
        month: previous,
        invitations: 2,
        responses: 2,
        responseRate: 1,
        ...shown(8, 0),
      },
      aNow: { schoolId: a, month: current, invitations: 3, responses: 3, responseRate: 1, ...shown(8, 0) },
      // One response: withheld; with it the smallest other school of the month, so that the district's
      // month minus the schools shown does not give it away.
      b: {
        schoolId: b,
        month: current,
        invitations: 1,
        responses: 1,
        responseRate: 1,
        ...withheld('SMALL_GROUP'),
      },
      c: {
        schoolId: c,
        month: current,
        invitations: 3,
        responses: 2,
        responseRate: 2 / 3,
        ...withheld('COMPLEMENTARY'),
      },
    };
    const key = (row: Json) => `${row.schoolId} ${row.month}`;
    const sorted = (list: Json[]) => [...list].sort((x, y) => key(x).localeCompare(key(y)));
    expect(sorted(district.data.satisfactionTrends)).toEqual(sorted(Object.values(rows)));

    // An integration reading survey figures sees the district's, as with `satisfaction`.
    const client = { kind: 'client' as const, subject: 'board-reports', scopes: ['surveys:read'] };
    const viaClient = await graphql(TRENDS, { range }, client);
    expect(viaClient.errors).toBeUndefined();
    expect(sorted(viaClient.data.satisfactionTrends)).toEqual(sorted(Object.values(rows)));

    // A school's administrator sees their school's months only, withheld as the district sees them.
    const cAdmin = staffPrincipal(randomUUID(), { role: 'SCHOOL_ADMIN', schoolId: c });
    expect((await graphql(TRENDS, { range }, cAdmin)).data.satisfactionTrends).toEqual([rows.c]);
    const aViewer = staffPrincipal(randomUUID(), { role: 'VIEWER', schoolId: a });
    expect(sorted((await graphql(TRENDS, { range }, aViewer)).data.satisfactionTrends)).toEqual(
      sorted([rows.aBefore, rows.aNow]),
    );

    // Those who read no satisfaction figures are refused, as `satisfaction` refuses them.
    for (const principal of [
      staffPrincipal(randomUUID(), { role: 'AGENT', schoolId: a }),
      { kind: 'client' as const, subject: 'sis-sync', scopes: ['cases:read'] },
    ]) {
      const refused = await graphql(TRENDS, { range }, principal);
      expect(refused.errors[0].extensions.code).toBe('FORBIDDEN');
      expect(refused.data).toBeNull();
    }
    const signedOut = await anonymous(TRENDS, { range });
    expect(signedOut.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});

const AGENT_TRENDS = `query ($range: DateRangeInput!, $agentId: ID) {
  satisfactionAgentTrends(range: $range, agentId: $agentId) {
    agentId month invitations responses responseRate suppressed suppression csatMean lowScores
  }
}`;

describe('surveys: each agent’s satisfaction per month, beside the coaching trends', () => {
  const suite = useSurveysSuite('surveys-satisfaction-agent-trends');
  const { graphql, anonymous, resolve, invitationsFor, tokenOf } = suite;
  const [a, b] = [randomUUID(), randomUUID()];
  const [x, y, z] = [randomUUID(), randomUUID(), randomUUID()];

  /** Resolves a case of the school assigned to the agent (null: no one) and answers its survey with the score. */
  async function answered(schoolId: string, assigneeId: string | null, score: number): Promise<string> {
    const caseId = randomUUID();
    await resolve(caseId, { schoolId, assigneeId });
    const [invitation] = await invitationsFor(caseId, 1);
    const submitted = await anonymous(SUBMIT, {
      token: tokenOf(invitation!),
      answers: [{ questionId: 'feeling', number: score }],
    });
    expect(submitted.errors).toBeUndefined();
    return caseId;
  }

  it('counts every agent over every case, a school’s readers over their schools’ cases, an agent their own', async () => {
    // Agent x: two answers at school A last month; this month two at A and two at B. Agent y: two at A.
    // Agent z: one at B. Three at A assigned to no one.
    const earlier = [await answered(a, x, 10), await answered(a, x, 10)];
    for (const score of [9, 7]) await answered(a, x, score);
    for (const score of [10, 8]) await answered(b, x, score);
    for (const score of [5, 3]) await answered(a, y, score);
    await answered(b, z, 4);
    for (const score of [6, 6, 6]) await answered(a, null, score);
    await suite.database.dataSource.query(
      `UPDATE survey_invitation SET sent_at = sent_at - interval '1 month' WHERE case_id = ANY($1::uuid[])`,
      [earlier],
    );
    const now = new Date();
    const [lastMonth] = (await suite.database.dataSource.query(
      'SELECT min(sent_at) AS at FROM survey_invitation WHERE case_id = ANY($1::uuid[])',
      [earlier],
    )) as { at: Date }[];
    const [previous, current] = [districtMonth(lastMonth!.at), districtMonth(now)];
    expect(previous).not.toBe(current);
    const range = {
      from: new Date(now.getTime() - 40 * 86_400_000).toISOString(),
      to: new Date(now.getTime() + 60_000).toISOString(),
    };
    const trends = async (principal: Parameters<typeof graphql>[2], agentId: string | null = null) => {
      const result = await graphql(AGENT_TRENDS, { range, agentId }, principal);
      expect(result.errors).toBeUndefined();
      const key = (row: Json) => `${row.agentId} ${row.month}`;
      return [...result.data.satisfactionAgentTrends].sort((p: Json, q: Json) =>
        key(p).localeCompare(key(q)),
      );
    };
    const sorted = (rows: Json[]) =>
      [...rows].sort((p, q) => `${p.agentId} ${p.month}`.localeCompare(`${q.agentId} ${q.month}`));
    const row = (agentId: string, month: string, responses: number, figures: Json) => ({
      agentId,
      month,
      invitations: responses,
      responses,
      responseRate: 1,
      ...figures,
    });
    const shown = (csatMean: number, lowScores: number) => ({
      suppressed: false,
      suppression: null,
      csatMean,
      lowScores,
    });
    const withheld = (suppression: string) => ({
      suppressed: true,
      suppression,
      csatMean: null,
      lowScores: null,
    });

    // District-wide: every agent over every case. z's one answer is withheld, and with it the smallest
    // other cell of the month (y's, not the unassigned three), which nobody's row shows.
    const district = {
      xBefore: row(x, previous, 2, shown(10, 0)),
      xNow: row(x, current, 4, shown(8.5, 0)),
      y: row(y, current, 2, withheld('COMPLEMENTARY')),
      z: row(z, current, 1, withheld('SMALL_GROUP')),
    };
    expect(await trends(suite.admin)).toEqual(sorted(Object.values(district)));
    const dViewer = staffPrincipal(randomUUID(), { role: 'VIEWER', schoolId: null });
    expect(await trends(dViewer)).toEqual(sorted(Object.values(district)));
    const integration = { kind: 'client' as const, subject: 'board-reports', scopes: ['surveys:read'] };
    expect(await trends(integration)).toEqual(sorted(Object.values(district)));
    expect(await trends(suite.admin, y)).toEqual([district.y]);

    // A school's administrator: A's cases only (x's answers at B are not counted), withheld over A's table.
    const aAdmin = staffPrincipal(randomUUID(), { role: 'SCHOOL_ADMIN', schoolId: a });
    const atA = {
      xBefore: row(x, previous, 2, shown(10, 0)),
      xNow: row(x, current, 2, shown(8, 0)),
      y: row(y, current, 2, shown(4, 1)),
    };
    expect(await trends(aAdmin)).toEqual(sorted(Object.values(atA)));
    expect(await trends(aAdmin, x)).toEqual(sorted([atA.xBefore, atA.xNow]));
    expect(await trends(aAdmin, z)).toEqual([]);
    // B's viewer: z's one answer withheld, and x's month at B with it; nothing of A's cases.
    const bViewer = staffPrincipal(randomUUID(), { role: 'VIEWER', schoolId: b });
    expect(await trends(bViewer)).toEqual(
      sorted([row(x, current, 2, withheld('COMPLEMENTARY')), row(z, current, 1, withheld('SMALL_GROUP'))]),
    );

    // An agent (who reads no figures) sees their own, over every case assigned to them, as the district does.
    const agentX = staffPrincipal(x, { role: 'AGENT', schoolId: a });
    expect(await trends(agentX, x)).toEqual(sorted([district.xBefore, district.xNow]));
    // A school's reader asking for their own agentId is counted over all their cases too.
    const zAsViewerOfA = staffPrincipal(z, { role: 'VIEWER', schoolId: a });
    expect(await trends(zAsViewerOfA, z)).toEqual([district.z]);
    expect(await trends(zAsViewerOfA)).toEqual(sorted(Object.values(atA)));

    // Anyone else's figures, or everyone's, are refused to an agent; integrations without surveys:read
    // and the signed-out are refused before that.
    for (const agentId of [y, null]) {
      const refused = await graphql(AGENT_TRENDS, { range, agentId }, agentX);
      expect(refused.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OWN_FIGURES_ONLY' });
      expect(refused.data).toBeNull();
    }
    const sisSync = { kind: 'client' as const, subject: 'sis-sync', scopes: ['cases:read'] };
    expect((await graphql(AGENT_TRENDS, { range }, sisSync)).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await anonymous(AGENT_TRENDS, { range })).errors[0].extensions.code).toBe('UNAUTHENTICATED');

    // The range's checks: forwards, and at most two years.
    const tooLong = { from: '2020-01-01T00:00:00Z', to: '2023-01-01T00:00:00Z' };
    const refusedRange = await graphql(AGENT_TRENDS, { range: tooLong });
    expect(refusedRange.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_RANGE',
    });
  });
});
