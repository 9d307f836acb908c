import { type Principal } from '@homeroom/platform/auth';
import { type TestDatabase } from '@homeroom/platform/database/testing';
import { seedFamilyPulse, SurveyService } from '@homeroom/surveys/data-access';
import { useSurveysSuite, SUBMIT } from './testing/surveys-suite';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL results are checked field by field
type Json = any;

describe('surveys: the district NPS', () => {
  const suite = useSurveysSuite('surveys-nps');
  const { admin, schoolId, agent, graphql, anonymous } = suite;
  let database: TestDatabase;
  // What the suite has once it has started.
  beforeAll(() => ({ database } = suite));

  it('gives the district’s NPS over a range from district surveys’ NPS answers, withheld below the minimum', async () => {
    const NPS = `query ($range: DateRangeInput!) {
      nps(range: $range) { count promoters passives detractors nps suppression }
    }`;
    const SAVE = `mutation ($id: ID!, $input: SurveyInput!) {
      updateSurvey(id: $id, input: $input) { versionAction survey { version } }
    }`;
    const question = (id: string, kind: string, required = true) => ({
      id,
      kind,
      required,
      text: [{ language: 'en', text: `Question ${id}` }],
    });
    const input = (rating: string) => ({
      name: 'Family pulse, spring',
      defaultLanguage: 'en',
      audiences: ['FAMILIES'],
      title: [{ language: 'en', text: 'How are we doing?' }],
      questions: [
        question('recommend', 'NPS'),
        question('office', 'NPS', false),
        question('rating', rating, false),
      ],
    });
    const surveyId: string = (
      await graphql(
        `
          mutation ($input: SurveyInput!) {
            createSurvey(input: $input) {
              survey {
                id
              }
            }
          }
        `,
        { input: input('SCALE') },
      )
    ).data.createSurvey.survey.id;
    await graphql(
      `
        mutation ($id: ID!) {
          setSurveyStatus(id: $id, status: OPEN) {
            status
          }
        }
      `,
      { id: surveyId },
    );
    const token = (
      await graphql(
        `
          mutation ($id: ID!) {
            openSurveyLink(id: $id)
          }
        `,
        { id: surveyId },
      )
    ).data.openSurveyLink.split('/s/')[1]!;
    /** Answers through the open link, then dated `at` (the service dates a response when it arrives). */
    const answer = async (at: string, numbers: Record<string, number>) => {
      const submitted = await anonymous(SUBMIT, {
        token,
        answers: Object.entries(numbers).map(([questionId, number]) => ({ questionId, number })),
      });
      expect(submitted.errors).toBeUndefined();
      await database.dataSource.query('UPDATE survey_response SET submitted_at = $2 WHERE id = $1', [
        submitted.data.submitSurveyResponse.id,
        at,
      ]);
    };
    // March 2020: five people, eight NPS answers (the 1–10 scale's answers are not NPS answers).
    await answer('2020-03-01T00:00:00Z', { recommend: 10, office: 9, rating: 1 });
    await answer('2020-03-05T12:00:00Z', { recommend: 9 });
    await answer('2020-03-10T12:00:00Z', { recommend: 7, office: 8, rating: 10 });
    await answer('2020-03-15T12:00:00Z', { recommend: 3, office: 0 });
    await answer('2020-03-31T23:59:59Z', { recommend: 9 });
    // Just outside it, on either side (the range's end is exclusive).
    await answer('2020-02-29T23:59:59Z', { recommend: 0, office: 0 });
    await answer('2020-04-01T00:00:00Z', { recommend: 0 });
    // Version 2 asks the rating as an NPS question: its answers count from then on, version 1's never.
    const saved = (await graphql(SAVE, { id: surveyId, input: input('NPS') })).data.updateSurvey;
    expect(saved).toMatchObject({ versionAction: 'NEW_VERSION', survey: { version: 2 } });
    // May 2020: one person, two answers: one respondent, below the minimum of two.
    await answer('2020-05-10T12:00:00Z', { recommend: 10, rating: 10 });

    const nps = async (from: string, to: string, principal: Principal = admin) =>
      graphql(NPS, { range: { from, to } }, principal);
    expect((await nps('2020-03-01T00:00:00Z', '2020-04-01T00:00:00Z')).data.nps).toEqual({
      count: 8,
      promoters: 4,
      passives: 2,
      detractors: 2,
      nps: 25,
      suppression: null,
    });
    expect((await nps('2020-05-01T00:00:00Z', '2020-06-01T00:00:00Z')).data.nps).toEqual({
      count: 2,
      promoters: 0,
      passives: 0,
      detractors: 0,
      nps: null,
      suppression: 'SMALL_GROUP',
    });
    // All of it: version 1's 1–10 ratings stay out, version 2's NPS rating counts.
    expect((await nps('2020-02-01T00:00:00Z', '2020-06-01T00:00:00Z')).data.nps).toEqual({
      count: 13,
      promoters: 6,
      passives: 2,
      detractors: 5,
      nps: 7.7,
      suppression: null,
    });
    expect((await nps('2019-01-01T00:00:00Z', '2019-02-01T00:00:00Z')).data.nps).toEqual({
      count: 0,
      promoters: 0,
      passives: 0,
      detractors: 0,
      nps: null,
      suppression: null,
    });

    // District-wide figures, as for satisfaction: not for agents, nor a school's administrators.
    const range = ['2020-03-01T00:00:00Z', '2020-04-01T00:00:00Z'] as const;
    expect((await nps(...range, agent)).errors[0].extensions.code).toBe('FORBIDDEN');
    expect(
      (await nps(...range, { ...agent, grants: [{ role: 'SCHOOL_ADMIN', schoolId }] })).errors[0].extensions
        .code,
    ).toBe('FORBIDDEN');
    expect(
      (await nps(...range, { ...agent, grants: [{ role: 'VIEWER', schoolId: null }] })).data.nps.nps,
    ).toBe(25);

    // The demo's Family pulse: 300 answers over the 90 days before its date, once; the same NPS as its
    // question's result, which counts every answer.
    const seededAt = new Date('2021-01-01T00:00:00Z');
    const surveyService = new SurveyService(database.dataSource);
    expect(await seedFamilyPulse(database.dataSource, surveyService, seededAt)).toBe(300);
    expect(await seedFamilyPulse(database.dataSource, surveyService, seededAt)).toBe(0);
    const pulse = (await nps('2020-10-01T00:00:00Z', '2021-01-01T00:00:00Z')).data.nps;
    expect(pulse).toMatchObject({ count: 300, suppression: null });
    expect(pulse.promoters + pulse.passives + pulse.detractors).toBe(300);
    expect(pulse.nps).toBeGreaterThan(0);
    expect(pulse.nps).toBeLessThan(40);
    const [pulseSurvey] = await database.dataSource.query(
      `SELECT id FROM survey WHERE name = 'Family pulse'`,
    );
    const recommend = (
      await graphql(`
        query {
          surveys(first: 50) {
            edges {
              node {
                id
                results {
                  questions {
                    questionId
                    nps {
                      count
                      promoters
                      passives
                      detractors
                      nps
                      suppression
                    }
                  }
                }
              }
            }
          }
        }
      `)
    ).data.surveys.edges.find((edge: Json) => edge.node.id === pulseSurvey.id).node.results.questions[0];
    expect(recommend).toEqual({ questionId: 'recommend', nps: pulse });
    const lastMonth = (await nps('2020-12-01T00:00:00Z', '2021-01-01T00:00:00Z')).data.nps;
    expect(lastMonth.count).toBeGreaterThan(60);
    expect(lastMonth.count).toBeLessThan(140);
  });
});
