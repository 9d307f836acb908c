import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { type TestDatabase } from '@homeroom/platform/database/testing';
import type { EventData } from '@homeroom/platform/event-contracts';
import { readTopic } from '@homeroom/platform/testing';
import { CaseMerged, CaseResolved } from '@homeroom/cases/contracts';
import {
  LowSatisfactionReported,
  SURVEYS_RESPONSE_TOPIC,
  SurveySafetyConcernRaised,
} from '@homeroom/surveys/contracts';
import { answerDemoInvitations, InvitationReminders } from '@homeroom/surveys/data-access';
import { useSurveysSuite, SURVEY_LINK, SUBMIT } from './testing/surveys-suite';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL results are checked field by field
type Json = any;

describe('surveys: asking how a resolved case left the family, and what the answers add up to', () => {
  const suite = useSurveysSuite('surveys-case-satisfaction');
  const {
    schoolId,
    agent,
    graphql,
    anonymous,
    send,
    sendAtOnce,
    casesEvent,
    resolution,
    resolve,
    invitationsFor,
    tokenOf,
    caseSatisfaction,
  } = suite;
  let database: TestDatabase;
  let app: INestApplication;
  // What the suite has once it has started.
  beforeAll(() => ({ database, app } = suite));

  it('invites the requester of a resolved case once, in their language, with a one-time link', async () => {
    const caseId = randomUUID();
    const first = await resolve(caseId, { language: 'es' });
    await send(first); // redelivered: the inbox drops it
    await resolve(caseId, { language: 'es' }); // resolved again after a reopen: already decided

    const [invitation] = await invitationsFor(caseId, 1);
    expect(invitation).toMatchObject({ caseId, channel: 'EMAIL', language: 'es', reminder: false });
    expect(invitation!.subject).toBe(`¿Cómo lo hicimos? (caso HR-2026-${caseId.slice(0, 6)})`);
    expect(invitation!.link).toMatch(/^https:\/\/portal\.district\.test\/s\/[A-Za-z0-9_-]{43}$/);
    expect(invitation!.body).toContain(invitation!.link);
    const [{ n }] = await database.dataSource.query(
      'SELECT count(*)::int AS n FROM survey_invitation WHERE case_id = $1',
      [caseId],
    );
    expect(n).toBe(1);
    // Only the link's hash is kept.
    const stored: { token_hash: string }[] = await database.dataSource.query(
      'SELECT token_hash FROM survey_link WHERE invitation_id = $1',
      [invitation!.invitationId],
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).not.toContain(tokenOf(invitation!));

    const opened = await anonymous(SURVEY_LINK, { token: tokenOf(invitation!) });
    expect(opened.errors).toBeUndefined();
    expect(opened.data.surveyByToken).toMatchObject({
      state: 'OPEN',
      caseNumber: `HR-2026-${caseId.slice(0, 6)}`,
      language: 'es',
      title: '¿Cómo lo hicimos?',
    });
    expect(opened.data.surveyByToken.questions[0]).toMatchObject({
      id: 'feeling',
      kind: 'SCALE',
      text: '¿Cómo se sintió después de esta interacción con su distrito?',
      min: 1,
      max: 10,
    });
    expect((await caseSatisfaction(caseId)).status).toBe('INVITED');
    expect((await anonymous(SURVEY_LINK, { token: 'not-a-link-we-issued' })).data.surveyByToken).toBeNull();
  });

  it.each<[string, Partial<EventData<typeof CaseResolved>>, string]>([
    ['an anonymous requester', { anonymous: true, requesterId: null }, 'ANONYMOUS'],
    ['a confidential case', { confidential: true }, 'CONFIDENTIAL'],
    [
      'a duplicate',
      { survey: { reachableBy: ['EMAIL'], requesterKind: null, duplicate: true, optedOut: false } },
      'DUPLICATE',
    ],
    [
      'a staff requester',
      { survey: { reachableBy: ['EMAIL'], requesterKind: 'STAFF', duplicate: false, optedOut: false } },
      'STAFF_INTERNAL',
    ],
    [
      'a case resolved without a survey',
      { survey: { reachableBy: ['EMAIL'], requesterKind: null, duplicate: false, optedOut: true } },
      'OPTED_OUT',
    ],
    [
      'a requester with no address',
      { survey: { reachableBy: [], requesterKind: null, duplicate: false, optedOut: false } },
      'UNREACHABLE',
    ],
    ['an event from before the survey facts', { survey: undefined }, 'UNREACHABLE'],
  ])('does not invite %s, and says why on the case', async (_, overrides, reason) => {
    const caseId = randomUUID();
    await resolve(caseId, overrides);
    expect(await caseSatisfaction(caseId)).toMatchObject({ status: 'NOT_INVITED', skippedReason: reason });
  });

  it('skips merged cases, and a requester already asked within the cooling-off period', async () => {
    const merged = randomUUID();
    await send(
      casesEvent(CaseMerged, merged, {
        mergedCaseId: merged,
        survivorCaseId: randomUUID(),
        at: new Date().toISOString(),
      }),
    );
    await resolve(merged);
    expect(await caseSatisfaction(merged)).toMatchObject({ skippedReason: 'MERGED' });

    const requesterId = randomUUID();
    const [earlier, later] = [randomUUID(), randomUUID()];
    await resolve(earlier, { requesterId });
    await resolve(later, { requesterId });
    expect((await caseSatisfaction(earlier)).status).toBe('INVITED');
    expect(await caseSatisfaction(later)).toMatchObject({
      status: 'NOT_INVITED',
      skippedReason: 'COOLING_OFF',
    });
  });

  it('decides a burst taken at once as it decides resolutions one at a time', async () => {
    const [twice, cooling, merged, history, afterHistory, anonymousCase] = Array.from({ length: 6 }, () =>
      randomUUID(),
    );
    const [asked, askedLongAgo] = [randomUUID(), randomUUID()];
    const resolved = (
      caseId: string,
      overrides: Partial<EventData<typeof CaseResolved>> = {},
      imported = false,
    ) => casesEvent(CaseResolved, caseId, resolution(caseId, overrides), imported);
    const first = resolved(twice!, { requesterId: asked });
    await sendAtOnce([
      first,
      resolved(twice!, { requesterId: asked }), // resolved again after a reopen
      first, // redelivered inside the batch
      resolved(cooling!, { requesterId: asked }),
      casesEvent(CaseMerged, merged!, {
        mergedCaseId: merged!,
        survivorCaseId: randomUUID(),
        at: new Date().toISOString(),
      }),
      resolved(merged!),
      resolved(
        history!,
        { requesterId: askedLongAgo, resolvedAt: new Date(Date.now() - 40 * 86_400_000).toISOString() },
        true,
      ),
      resolved(afterHistory!, { requesterId: askedLongAgo }),
      resolved(anonymousCase!, { anonymous: true, requesterId: null }),
    ]);

    expect((await caseSatisfaction(twice!)).status).toBe('INVITED');
    expect(await caseSatisfaction(cooling!)).toMatchObject({ skippedReason: 'COOLING_OFF' });
    expect(await caseSatisfaction(merged!)).toMatchObject({ skippedReason: 'MERGED' });
    // The imported invitation is 40 days old by the time of the next: outside the cooling-off period.
    expect((await caseSatisfaction(afterHistory!)).status).toBe('INVITED');
    expect(await caseSatisfaction(anonymousCase!)).toMatchObject({ skippedReason: 'ANONYMOUS' });
    const stored = await database.dataSource.query(
      `SELECT case_id, imported FROM survey_invitation WHERE case_id = ANY($1::uuid[]) ORDER BY sent_at`,
      [[twice, cooling, merged, history, afterHistory, anonymousCase]],
    );
    expect(stored).toEqual([
      { case_id: history, imported: true },
      { case_id: twice, imported: false },
      { case_id: afterHistory, imported: false },
    ]);
    const [invitation] = await invitationsFor(twice!, 1);
    expect(invitation).toMatchObject({ caseId: twice, personId: asked, reminder: false });
    expect((await anonymous(SURVEY_LINK, { token: tokenOf(invitation!) })).data.surveyByToken).toMatchObject({
      state: 'OPEN',
    });
    // One event per invitation sent, none for the imported one.
    const [{ n }] = await database.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox_event WHERE envelope->'data'->>'caseId' = ANY($1::text[])`,
      [[twice, history, afterHistory]],
    );
    expect(n).toBe(2);
  });

  it('records imported history without sending anything', async () => {
    const caseId = randomUUID();
    const resolvedAt = new Date(Date.now() - 40 * 86_400_000).toISOString();
    await send(casesEvent(CaseResolved, caseId, resolution(caseId, { resolvedAt }), true));
    const [row] = await database.dataSource.query(
      'SELECT imported, sent_at, remind_at FROM survey_invitation WHERE case_id = $1',
      [caseId],
    );
    expect(row).toMatchObject({ imported: true, remind_at: null });
    expect(new Date(row.sent_at).toISOString()).toBe(resolvedAt);
    const [{ n }] = await database.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox_event WHERE envelope::text LIKE '%' || $1 || '%'`,
      [caseId],
    );
    expect(n).toBe(0);

    // The demo's answers to history: the same every run, a share of the invitations, no follow-ups.
    for (let index = 0; index < 40; index += 1) {
      const historic = randomUUID();
      await send(casesEvent(CaseResolved, historic, resolution(historic, { resolvedAt }), true));
    }
    const answered = await answerDemoInvitations(database.dataSource);
    expect(answered).toBeGreaterThan(3);
    expect(answered).toBeLessThan(30);
    expect(await answerDemoInvitations(database.dataSource)).toBe(0);
    const [demo] = await database.dataSource.query(
      `SELECT count(*)::int AS responses, min(r.score) AS low, max(r.score) AS high,
              bool_and(r.submitted_at > i.sent_at AND r.submitted_at < i.expires_at) AS in_time
         FROM survey_response r JOIN survey_invitation i ON i.id = r.invitation_id WHERE i.imported`,
    );
    expect(demo).toMatchObject({ responses: answered, in_time: true });
    expect(demo.low).toBeGreaterThanOrEqual(1);
    expect(demo.high).toBeLessThanOrEqual(10);
    const [{ low }] = await database.dataSource.query(
      `SELECT count(*)::int AS low FROM outbox_event WHERE envelope->>'type' = $1`,
      [LowSatisfactionReported.type],
    );
    expect(low).toBe(0);
  });

  it('takes one response per link, refuses answers that do not fit, and reports a low score', async () => {
    const caseId = randomUUID();
    await resolve(caseId, { language: 'en' });
    const [invitation] = await invitationsFor(caseId, 1);
    const token = tokenOf(invitation!);

    const offScale = await anonymous(SUBMIT, { token, answers: [{ questionId: 'feeling', number: 11 }] });
    expect(offScale.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'ANSWER_DOES_NOT_FIT',
    });
    expect(offScale.errors[0].extensions.details[0].path).toBe('answers.feeling');
    const malformed = await anonymous(SUBMIT, {
      token,
      answers: [{ questionId: 'feeling', number: 3, text: 'three' }],
    });
    expect(malformed.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'ANSWER_MALFORMED',
    });
    const forged = await anonymous(SUBMIT, {
      token: `${token}x`,
      answers: [{ questionId: 'feeling', number: 3 }],
    });
    expect(forged.errors[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'SURVEY_LINK_NOT_FOUND' });
    // PostgreSQL cannot store U+0000: the comment is refused by name, not with an INTERNAL error.
    const withNul = await anonymous(SUBMIT, {
      token,
      answers: [
        { questionId: 'feeling', number: 3 },
        { questionId: 'comment', text: 'Fine\u0000' },
      ],
    });
    expect(withNul.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'NUL_CHARACTER',
      details: [{ path: 'answers.1.text' }],
    });

    const answers = [
      { questionId: 'feeling', number: 2 },
      { questionId: 'comment', text: 'Nobody called me back about the bus.' },
    ];
    const submitted = await anonymous(SUBMIT, { token, answers });
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data.submitSurveyResponse.score).toBe(2);
    const again = await anonymous(SUBMIT, { token, answers });
    expect(again.data.submitSurveyResponse.id).toBe(submitted.data.submitSurveyResponse.id);
    const changed = await anonymous(SUBMIT, { token, answers: [{ questionId: 'feeling', number: 9 }] });
    expect(changed.errors[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'SURVEY_ALREADY_ANSWERED',
    });
    const [{ n }] = await database.dataSource.query(
      'SELECT count(*)::int AS n FROM survey_response WHERE case_id = $1',
      [caseId],
    );
    expect(n).toBe(1);

    const [low] = await readTopic(SURVEYS_RESPONSE_TOPIC, 1, {
      filter: (message) => message.value!.toString().includes(caseId),
    });
    const event = JSON.parse(low!.value!.toString());
    expect(event.type).toBe(LowSatisfactionReported.type);
    expect(event.data).toMatchObject({
      caseId,
      responseId: submitted.data.submitSurveyResponse.id,
      score: 2,
      threshold: 4,
      hasComment: true,
    });
    expect(JSON.stringify(event)).not.toContain('bus'); // the comment stays here
    expect((await anonymous(SURVEY_LINK, { token })).data.surveyByToken.state).toBe('ANSWERED');
    expect(await caseSatisfaction(caseId)).toMatchObject({
      status: 'ANSWERED',
      score: 2,
      comment: 'Nobody called me back about the bus.',
      commentSentiment: expect.stringMatching(/^(NEGATIVE|NEUTRAL)$/),
    });
  });

  it('sends a comment that signals danger to the cases service as a safety concern, whatever the score', async () => {
    const caseId = randomUUID();
    await resolve(caseId, { language: 'es' });
    const [invitation] = await invitationsFor(caseId, 1);
    const submitted = await anonymous(SUBMIT, {
      token: tokenOf(invitation!),
      answers: [
        { questionId: 'feeling', number: 8 },
        { questionId: 'comment', text: 'Gracias. Mi hijo habla de suicidarse, ¿con quién hablo?' },
      ],
    });
    expect(submitted.errors).toBeUndefined();
    const [message] = await readTopic(SURVEYS_RESPONSE_TOPIC, 1, {
      filter: (m) => m.value!.toString().includes(caseId),
    });
    const event = JSON.parse(message!.value!.toString());
    expect(event.type).toBe(SurveySafetyConcernRaised.type);
    expect(SurveySafetyConcernRaised.schema.parse(event.data)).toMatchObject({
      caseId,
      schoolId,
      language: 'es',
      categories: ['SELF_HARM'],
      comment: 'Gracias. Mi hijo habla de suicidarse, ¿con quién hablo?',
    });
  });

  it('reminds once with a second link that answers the same invitation, and refuses expired links', async () => {
    const caseId = randomUUID();
    await resolve(caseId, { language: 'en' });
    await database.dataSource.query(
      `UPDATE survey_invitation SET remind_at = now() - interval '1 minute' WHERE case_id = $1`,
      [caseId],
    );
    const reminders = app.get(InvitationReminders);
    expect(await reminders.sendDue()).toBeGreaterThanOrEqual(1);
    expect(await reminders.sendDue()).toBe(0);
    const [invitation, reminder] = await invitationsFor(caseId, 2);
    expect(reminder).toMatchObject({ reminder: true, invitationId: invitation!.invitationId });
    expect(reminder!.body).toMatch(/^A reminder/);
    expect(tokenOf(reminder!)).not.toBe(tokenOf(invitation!));

    const answers = [{ questionId: 'feeling', number: 8 }];
    const viaReminder = await anonymous(SUBMIT, { token: tokenOf(reminder!), answers });
    const viaFirst = await anonymous(SUBMIT, { token: tokenOf(invitation!), answers });
    expect(viaFirst.data.submitSurveyResponse.id).toBe(viaReminder.data.submitSurveyResponse.id);

    const lapsed = randomUUID();
    await resolve(lapsed);
    const [late] = await invitationsFor(lapsed, 1);
    await database.dataSource.query(
      `UPDATE survey_invitation SET expires_at = now() - interval '1 second' WHERE case_id = $1`,
      [lapsed],
    );
    expect((await anonymous(SURVEY_LINK, { token: tokenOf(late!) })).data.surveyByToken.state).toBe(
      'EXPIRED',
    );
    const refused = await anonymous(SUBMIT, { token: tokenOf(late!), answers });
    expect(refused.errors[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'SURVEY_LINK_EXPIRED' });
  });

  it('sums satisfaction for the district and a school, withholding groups below the minimum', async () => {
    const otherSchool = randomUUID();
    for (const [school, score] of [
      [otherSchool, 9],
      [otherSchool, 7],
    ] as const) {
      const caseId = randomUUID();
      await resolve(caseId, { schoolId: school });
      const [invitation] = await invitationsFor(caseId, 1);
      await anonymous(SUBMIT, {
        token: tokenOf(invitation!),
        answers: [{ questionId: 'feeling', number: score }],
      });
    }
    const range = {
      from: new Date(Date.now() - 3_600_000).toISOString(),
      to: new Date(Date.now() + 60_000).toISOString(),
    };
    const query = `query ($range: DateRangeInput!, $schoolId: ID) {
      satisfaction(range: $range, schoolId: $schoolId) {
        invitations responses responseRate suppressed csatMean distribution lowScores
      }
    }`;
    const school = (await graphql(query, { range, schoolId: otherSchool })).data.satisfaction;
    expect(school).toEqual({
      invitations: 2,
      responses: 2,
      responseRate: 1,
      suppressed: false,
      csatMean: 8,
      distribution: [0, 0, 0, 0, 0, 0, 1, 0, 1, 0],
      lowScores: 0,
    });
    const district = (await graphql(query, { range })).data.satisfaction;
    expect(district.invitations).toBeGreaterThan(district.responses);
    expect(district.lowScores).toBeGreaterThanOrEqual(1);

    // One response in the range at this school: too few to show.
    const lonely = randomUUID();
    const caseId = randomUUID();
    await resolve(caseId, { schoolId: lonely });
    const [invitation] = await invitationsFor(caseId, 1);
    await anonymous(SUBMIT, {
      token: tokenOf(invitation!),
      answers: [{ questionId: 'feeling', number: 10 }],
    });
    const small = (await graphql(query, { range, schoolId: lonely })).data.satisfaction;
    expect(small).toMatchObject({ responses: 1, suppressed: true, csatMean: null, distribution: null });

    // By school: the one-response school withheld, and one more with it so subtraction cannot recover it.
    const bySchool = (
      await graphql(
        `
          query ($range: DateRangeInput!) {
            satisfaction(range: $range) {
              breakdown(by: SCHOOL) {
                key
                responses
                suppressed
                suppression
                csatMean
              }
              csv(by: SCHOOL)
              byWeek: breakdown(by: WEEK) {
                key
                invitations
              }
            }
          }
        `,
        { range },
      )
    ).data.satisfaction;
    expect(bySchool.byWeek.length).toBeGreaterThan(0);
    expect(bySchool.byWeek.every((group: Json) => /^\d{4}-W\d{2}$/.test(group.key))).toBe(true);
    const groups = new Map(bySchool.breakdown.map((group: Json) => [group.key, group]));
    expect(groups.get(lonely)).toEqual({
      key: lonely,
      responses: 1,
      suppressed: true,
      suppression: 'SMALL_GROUP',
      csatMean: null,
    });
    expect(bySchool.breakdown.filter((group: Json) => group.suppression === 'COMPLEMENTARY')).toHaveLength(1);
    const visible = bySchool.breakdown.filter((group: Json) => !group.suppressed);
    expect(visible.length).toBeGreaterThan(0);
    expect(visible.every((group: Json) => group.csatMean >= 1 && group.csatMean <= 10)).toBe(true);
    const csv: string[] = bySchool.csv.trimEnd().split('\r\n');
    expect(csv[0]).toBe('group,invitations,responses,response_rate,csat_mean,low_scores,withheld');
    expect(csv).toContain(`${lonely},1,1,1,,,SMALL_GROUP`);
    expect(csv).toHaveLength(bySchool.breakdown.length + 1);

    const viaSchool = await graphql(
      `
        query ($r: [_Any!]!, $range: DateRangeInput!) {
          _entities(representations: $r) {
            ... on School {
              satisfaction(range: $range) {
                responses
                csatMean
              }
            }
          }
        }
      `,
      { r: [{ __typename: 'School', id: otherSchool }], range },
    );
    expect(viaSchool.data._entities[0].satisfaction).toEqual({ responses: 2, csatMean: 8 });

    // The comments behind the figures, each with how it came across; filtered by sentiment when asked.
    const commentsQuery = `query ($range: DateRangeInput!, $sentiment: Sentiment) {
      satisfaction(range: $range) { comments(first: 50, sentiment: $sentiment) { comment score sentiment sentimentScore } }
    }`;
    const comments = (await graphql(commentsQuery, { range })).data.satisfaction.comments;
    expect(comments).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ comment: 'Nobody called me back about the bus.', score: 2 }),
      ]),
    );
    expect(comments.every((c: Json) => ['NEGATIVE', 'NEUTRAL', 'POSITIVE'].includes(c.sentiment))).toBe(true);
    const label = comments[0].sentiment;
    const filtered = (await graphql(commentsQuery, { range, sentiment: label })).data.satisfaction.comments;
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.every((c: Json) => c.sentiment === label)).toBe(true);

    const refused = await graphql(query, { range }, agent);
    expect(refused.errors[0].extensions.code).toBe('FORBIDDEN');
    const ownSchool = await graphql(
      query,
      { range, schoolId },
      { ...agent, grants: [{ role: 'SCHOOL_ADMIN', schoolId }] },
    );
    expect(ownSchool.errors).toBeUndefined();
  });

  it('gives one survey by id in the language asked for, null for an unknown id, to those who may list them', async () => {
    const SURVEY = `query ($id: ID!, $language: String) {
      survey(id: $id, language: $language) {
        id kind title english: title(language: "en")
        questions { id text }
        results { questions { questionId text } }
      }
    }`;
    const [csat] = await database.dataSource.query(`SELECT id FROM survey WHERE kind = 'CSAT'`);
    const spanish = await graphql(SURVEY, { id: csat.id, language: 'es-MX' });
    expect(spanish.errors).toBeUndefined();
    expect(spanish.data.survey).toMatchObject({
      id: csat.id,
      kind: 'CSAT',
      title: '¿Cómo lo hicimos?',
      english: 'How did we do?',
    });
    const feeling = '¿Cómo se sintió después de esta interacción con su distrito?';
    expect(spanish.data.survey.questions[0]).toEqual({ id: 'feeling', text: feeling });
    // Its results (answered by the history above) follow the language asked for too.
    expect(spanish.data.survey.results.questions[0]).toEqual({ questionId: 'feeling', text: feeling });
    const byDefault = await graphql(SURVEY, { id: csat.id });
    expect(byDefault.data.survey.title).toBe('How did we do?');

    const unknown = await graphql(SURVEY, { id: randomUUID() });
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data.survey).toBeNull();
    // An id that is not one is malformed input, not an unknown survey (nor an INTERNAL database error).
    const malformed = await graphql(SURVEY, { id: 'not-a-survey-id' });
    expect(malformed.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_ID',
      details: [{ path: 'id' }],
    });
    const viewer = await graphql(
      SURVEY,
      { id: csat.id },
      { ...agent, grants: [{ role: 'VIEWER', schoolId: null }] },
    );
    expect(viewer.data.survey.id).toBe(csat.id);
    const refused = await graphql(SURVEY, { id: csat.id }, agent);
    expect(refused.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(refused.data?.survey ?? null).toBeNull();
    expect((await anonymous(SURVEY, { id: csat.id })).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('lets administrators write surveys: PPRA warnings, versions once answered, closing stops invitations and answers', async () => {
    const SAVE = `mutation ($id: ID!, $input: SurveyInput!) {
      updateSurvey(id: $id, input: $input) { versionAction survey { version title questions { id text } } ppraWarnings { area } }
    }`;
    const created = await graphql(
      `
        mutation ($input: SurveyInput!) {
          createSurvey(input: $input) {
            survey {
              id
              kind
              status
              version
            }
            versionAction
            ppraWarnings {
              questionId
              area
              evidence
            }
          }
        }
      `,
      {
        input: {
          name: 'Student climate, spring',
          defaultLanguage: 'en',
          audiences: ['STUDENTS'],
          title: [{ language: 'en', text: 'How is school going?' }],
          questions: [
            {
              id: 'safe',
              kind: 'SCALE',
              text: [{ language: 'en', text: 'How safe do you feel at school?' }],
            },
            {
              id: 'home',
              kind: 'SINGLE_CHOICE',
              text: [{ language: 'en', text: 'Which political party do your parents vote for?' }],
              choices: [
                { id: 'a', text: [{ language: 'en', text: 'One' }] },
                { id: 'b', text: [{ language: 'en', text: 'Another' }] },
              ],
            },
          ],
        },
      },
    );
    expect(created.errors).toBeUndefined();
    const survey = created.data.createSurvey;
    expect(survey.survey).toMatchObject({ kind: 'DISTRICT', status: 'DRAFT', version: 1 });
    expect(survey.ppraWarnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ questionId: 'home', area: 'POLITICAL_AFFILIATIONS' }),
      ]),
    );
    expect(survey.ppraWarnings.every((warning: Json) => warning.questionId === 'home')).toBe(true);

    const missing = await graphql(
      `
        mutation ($input: SurveyInput!) {
          createSurvey(input: $input) {
            survey {
              id
            }
          }
        }
      `,
      {
        input: {
          name: 'Broken',
          defaultLanguage: 'en',
          audiences: ['FAMILIES'],
          title: [{ language: 'es', text: 'Solo en español' }],
          questions: [{ id: 'q', kind: 'TEXT', text: [{ language: 'en', text: 'Anything?' }] }],
        },
      },
    );
    expect(missing.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'MISSING_TRANSLATION',
    });
    const [{ n: surveys }] = await database.dataSource.query(
      `SELECT count(*)::int AS n FROM survey WHERE name = 'Broken'`,
    );
    expect(surveys).toBe(0);
    const refused = await graphql(
      `
        mutation ($id: ID!) {
          setSurveyStatus(id: $id, status: OPEN) {
            status
          }
        }
      `,
      { id: survey.survey.id },
      agent,
    );
    expect(refused.errors[0].extensions.code).toBe('FORBIDDEN');

    // The satisfaction survey has answers: rewording it makes version 2; earlier links keep version 1.
    const waiting = randomUUID();
    await resolve(waiting, { language: 'en' });
    const [earlier] = await invitationsFor(waiting, 1);
    const [csat] = await database.dataSource.query(`SELECT id FROM survey WHERE kind = 'CSAT'`);
    const reworded = {
      name: 'Satisfaction after a case',
      defaultLanguage: 'en',
      audiences: ['FAMILIES', 'STUDENTS', 'COMMUNITY'],
      title: [{ language: 'en', text: 'How did we do?' }],
      questions: [
        { id: 'feeling', kind: 'SCALE', text: [{ language: 'en', text: 'How did we leave you feeling?' }] },
        { id: 'comment', kind: 'TEXT', required: false, text: [{ language: 'en', text: 'Tell us more' }] },
      ],
    };
    const saved = (await graphql(SAVE, { id: csat.id, input: reworded })).data.updateSurvey;
    expect(saved).toMatchObject({ versionAction: 'NEW_VERSION', survey: { version: 2 }, ppraWarnings: [] });
    expect((await graphql(SAVE, { id: csat.id, input: reworded })).data.updateSurvey.versionAction).toBe(
      'UNCHANGED',
    );
    const old = (await anonymous(SURVEY_LINK, { token: tokenOf(earlier!) })).data.surveyByToken;
    expect(old.questions[0].text).toBe(
      'How were you left feeling after this interaction with your district?',
    );
    const fresh = randomUUID();
    await resolve(fresh, { language: 'en' });
    const [current] = await invitationsFor(fresh, 1);
    const now = (await anonymous(SURVEY_LINK, { token: tokenOf(current!) })).data.surveyByToken;
    expect(now.questions[0].text).toBe('How did we leave you feeling?');

    // Closed: no invitations, and open links stop taking answers.
    await graphql(
      `
        mutation ($id: ID!) {
          setSurveyStatus(id: $id, status: CLOSED) {
            status
          }
        }
      `,
      { id: csat.id },
    );
    const afterClosing = randomUUID();
    await resolve(afterClosing);
    expect(await caseSatisfaction(afterClosing)).toMatchObject({ skippedReason: 'SURVEY_CLOSED' });
    const closed = await anonymous(SUBMIT, {
      token: tokenOf(current!),
      answers: [{ questionId: 'feeling', number: 7 }],
    });
    expect(closed.errors[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'SURVEY_CLOSED' });
    const reopened = await graphql(
      `
        mutation ($id: ID!) {
          setSurveyStatus(id: $id, status: OPEN) {
            status
          }
        }
      `,
      { id: csat.id },
    );
    expect(reopened.data.setSurveyStatus.status).toBe('OPEN');
    const answered = await anonymous(SUBMIT, {
      token: tokenOf(current!),
      answers: [{ questionId: 'feeling', number: 7 }],
    });
    expect(answered.errors).toBeUndefined();
    const [version] = await database.dataSource.query(
      'SELECT r.version FROM survey_response r JOIN survey_invitation i ON i.id = r.invitation_id WHERE i.case_id = $1',
      [fresh],
    );
    expect(version.version).toBe(2);
  });
});
