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
