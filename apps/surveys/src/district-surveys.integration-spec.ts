import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { Producer } from 'kafkajs';
import { type TestDatabase } from '@homeroom/platform/database/testing';
import { createEnvelope } from '@homeroom/platform/messaging';
import type { EventContract, EventData } from '@homeroom/platform/event-contracts';
import { waitUntil } from '@homeroom/platform/testing';
import {
  PersonCreated,
  PersonDeactivated,
  PersonUpdated,
  StaffRolesChanged,
} from '@homeroom/directory/contracts';
import { ScheduledSends } from '@homeroom/surveys/data-access';
import { useSurveysSuite, SURVEY_LINK, SUBMIT } from './testing/surveys-suite';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL results are checked field by field
type Json = any;

describe('surveys: district surveys', () => {
  const suite = useSurveysSuite('surveys-district-surveys');
  const { graphql, anonymous, invitationsFor, tokenOf } = suite;
  let database: TestDatabase;
  let app: INestApplication;
  let producer: Producer;
  // What the suite has once it has started.
  beforeAll(() => ({ database, app, producer } = suite));

  describe('district surveys', () => {
    const schoolA = randomUUID();
    const schoolB = randomUUID();
    const people = {
      rosa: randomUUID(),
      ben: randomUUID(),
      elsewhere: randomUUID(),
      gone: randomUUID(),
      teacher: randomUUID(),
      student: randomUUID(),
    };
    const QUESTIONS = [
      {
        id: 'recommend',
        kind: 'NPS',
        text: [
          { language: 'en', text: 'How likely are you to recommend our schools to a friend?' },
          { language: 'es', text: '¿Qué tan probable es que recomiende nuestras escuelas?' },
        ],
      },
      {
        id: 'reach',
        kind: 'SINGLE_CHOICE',
        text: [{ language: 'en', text: 'How do you usually reach us?' }],
        choices: [
          { id: 'phone', text: [{ language: 'en', text: 'Phone' }] },
          { id: 'email', text: [{ language: 'en', text: 'Email' }] },
        ],
      },
      {
        id: 'improve',
        kind: 'MULTI_CHOICE',
        required: false,
        text: [{ language: 'en', text: 'What should we improve?' }],
        choices: [
          { id: 'speed', text: [{ language: 'en', text: 'Speed' }] },
          { id: 'clarity', text: [{ language: 'en', text: 'Clarity' }] },
          { id: 'tone', text: [{ language: 'en', text: 'Tone' }] },
        ],
      },
    ];
    const SEND = `mutation ($id: ID!, $audience: SurveyAudienceInput!) {
      sendSurvey(id: $id, audience: $audience) { invited alreadyInvited }
    }`;
    const RESULTS = `query {
      surveys(first: 50) { edges { node { id name results {
        invitations responses suppressed
        questions { questionId answered mean distribution nps { promoters passives detractors nps } choices { choiceId count } }
        assessment { stage score weakestAreas }
      } } } }
    }`;
    let surveyId: string;

    async function directoryEvent<Contract extends EventContract>(
      contract: Contract,
      data: EventData<Contract>,
    ) {
      const envelope = createEnvelope('directory', contract, {
        aggregateId: (data as { personId: string }).personId,
        data,
      });
      await producer.send({
        topic: contract.topic,
        messages: [{ key: envelope.aggregateId, value: JSON.stringify(envelope) }],
      });
      await waitUntil(
        `event ${envelope.id} in the inbox`,
        async () =>
          (await database.dataSource.query('SELECT 1 FROM inbox_event WHERE event_id = $1', [envelope.id]))
            .length > 0,
        { timeoutMs: 60_000 },
      );
    }
    const person = (personId: string, kind: string, language: string, schoolIds = [schoolA]) => ({
      ...PersonCreated.fixture,
      personId,
      kind: kind as 'GUARDIAN',
      schoolIds,
      preferredLanguage: language,
      preferredChannel: 'EMAIL' as const,
      contactKeys: [],
    });
    const results = async (id: string) =>
      (await graphql(RESULTS)).data.surveys.edges
        .map((edge: Json) => edge.node)
        .find((node: Json) => node.id === id).results;

    beforeAll(async () => {
      await directoryEvent(PersonCreated, person(people.rosa, 'GUARDIAN', 'es-MX'));
      await directoryEvent(PersonCreated, person(people.ben, 'GUARDIAN', 'en'));
      await directoryEvent(PersonCreated, person(people.elsewhere, 'GUARDIAN', 'en', [schoolB]));
      await directoryEvent(PersonCreated, person(people.gone, 'GUARDIAN', 'en'));
      await directoryEvent(PersonDeactivated, { personId: people.gone });
      await directoryEvent(PersonCreated, person(people.teacher, 'STAFF', 'en'));
      await directoryEvent(StaffRolesChanged, {
        personId: people.teacher,
        roles: [{ role: 'AGENT', schoolId: schoolA }],
      });
      await directoryEvent(PersonCreated, person(people.student, 'STUDENT', 'en'));
      const created = await graphql(
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
            name: 'Family and staff pulse',
            defaultLanguage: 'en',
            audiences: ['FAMILIES', 'STAFF'],
            title: [
              { language: 'en', text: 'Your district, your voice' },
              { language: 'es', text: 'Su distrito, su voz' },
            ],
            questions: QUESTIONS,
          },
        },
      );
      surveyId = created.data.createSurvey.survey.id;
    });

    it('sends an open survey to its audience once per person, by school, kind and role', async () => {
      const closed = await graphql(SEND, { id: surveyId, audience: { kinds: ['GUARDIAN'] } });
      expect(closed.errors[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'SURVEY_NOT_OPEN' });
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
      const outside = await graphql(SEND, { id: surveyId, audience: { kinds: ['STUDENT'] } });
      expect(outside.errors[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'AUDIENCE_OUTSIDE_SURVEY',
      });

      const families = { kinds: ['GUARDIAN'], schoolIds: [schoolA] };
      expect((await graphql(SEND, { id: surveyId, audience: families })).data.sendSurvey).toEqual({
        invited: 2,
        alreadyInvited: 0,
      });
      expect((await graphql(SEND, { id: surveyId, audience: families })).data.sendSurvey).toEqual({
        invited: 0,
        alreadyInvited: 2,
      });
      const staff = await graphql(SEND, { id: surveyId, audience: { kinds: ['STAFF'], roles: ['AGENT'] } });
      expect(staff.data.sendSurvey.invited).toBe(1);

      // A send planned for later goes when its time comes, once.
      const at = new Date(Date.now() + 1_500).toISOString();
      const planned = await graphql(
        `
          mutation ($id: ID!, $audience: SurveyAudienceInput!, $at: DateTime) {
            sendSurvey(id: $id, audience: $audience, at: $at) {
              invited
              scheduledFor
            }
          }
        `,
        { id: surveyId, audience: { kinds: ['GUARDIAN'], schoolIds: [schoolB] }, at },
      );
      expect(planned.data.sendSurvey).toEqual({ invited: 0, scheduledFor: at });
      const scheduler = app.get(ScheduledSends);
      expect(await scheduler.runDue()).toBe(0);
      await new Promise((resolve) => setTimeout(resolve, 1_600));
      expect(await scheduler.runDue()).toBe(1);
      expect(await scheduler.runDue()).toBe(0);
      const [done] = await database.dataSource.query(
        'SELECT invited, failure FROM survey_send WHERE survey_id = $1',
        [surveyId],
      );
      expect(done).toEqual({ invited: 1, failure: null });

      // Planned sends are listed, and one not made yet can be cancelled.
      const later = await graphql(
        `
          mutation ($id: ID!, $audience: SurveyAudienceInput!, $at: DateTime) {
            sendSurvey(id: $id, audience: $audience, at: $at) {
              scheduledFor
            }
          }
        `,
        { id: surveyId, audience: { kinds: ['STAFF'] }, at: new Date(Date.now() + 3_600_000).toISOString() },
      );
      expect(later.errors).toBeUndefined();
      const sends = async () =>
        (
          await graphql(`
            {
              surveys(first: 50) {
                edges {
                  node {
                    id
                    scheduledSends {
                      id
                      sentAt
                      invited
                      kinds
                      schoolIds
                    }
                  }
                }
              }
            }
          `)
        ).data.surveys.edges.find((edge: Json) => edge.node.id === surveyId).node.scheduledSends;
      const [next, made] = await sends();
      expect(next).toMatchObject({ sentAt: null, invited: null, kinds: ['STAFF'] });
      expect(made).toMatchObject({ invited: 1, schoolIds: [schoolB] });
      const cancel = `mutation ($id: ID!) { cancelScheduledSurveySend(id: $id) }`;
      expect((await graphql(cancel, { id: next.id })).data.cancelScheduledSurveySend).toBe(true);
      expect((await graphql(cancel, { id: next.id })).data.cancelScheduledSurveySend).toBe(false);
      expect((await graphql(cancel, { id: made.id })).data.cancelScheduledSurveySend).toBe(false);
      expect(await sends()).toHaveLength(1);

      const invitation = (await invitationsFor(people.rosa, 1))[0]!;
      expect(invitation).toMatchObject({
        personId: people.rosa,
        caseId: null,
        language: 'es-MX',
        subject: 'Su distrito, su voz',
      });
      expect(invitation.body).toContain(invitation.link);
      const opened = (await anonymous(SURVEY_LINK, { token: tokenOf(invitation) })).data.surveyByToken;
      expect(opened).toMatchObject({ state: 'OPEN', title: 'Su distrito, su voz', caseNumber: null });
      expect(opened.questions[0].text).toBe('¿Qué tan probable es que recomiende nuestras escuelas?');
      const answered = await anonymous(SUBMIT, {
        token: tokenOf(invitation),
        answers: [
          { questionId: 'recommend', number: 10 },
          { questionId: 'reach', choice: 'phone' },
          { questionId: 'improve', choices: ['speed', 'tone'] },
        ],
      });
      expect(answered.errors).toBeUndefined();
    });

    it('takes anonymous answers through an open link, and shows results with NPS, withheld below the minimum', async () => {
      const link: string = (
        await graphql(
          `
            mutation ($id: ID!) {
              openSurveyLink(id: $id)
            }
          `,
          { id: surveyId },
        )
      ).data.openSurveyLink;
      const token = link.split('/s/')[1]!;
      expect((await anonymous(SURVEY_LINK, { token, language: 'es' })).data.surveyByToken).toMatchObject({
        state: 'OPEN',
        title: 'Su distrito, su voz',
        language: 'es',
      });
      const before = await results(surveyId);
      expect(before).toMatchObject({ responses: 1, suppressed: true, questions: null });
      for (const [score, reach] of [
        [3, 'email'],
        [8, 'phone'],
      ] as const)
        expect(
          (
            await anonymous(SUBMIT, {
              token,
              answers: [
                { questionId: 'recommend', number: score },
                { questionId: 'reach', choice: reach },
              ],
            })
          ).errors,
        ).toBeUndefined();
      const after = await results(surveyId);
      expect(after).toMatchObject({ invitations: 4, responses: 3, suppressed: false, assessment: null });
      const [recommend, reach, improve] = after.questions;
      expect(recommend).toMatchObject({
        questionId: 'recommend',
        answered: 3,
        mean: 7,
        nps: { promoters: 1, passives: 1, detractors: 1, nps: 0 },
      });
      expect(recommend.distribution).toHaveLength(11);
      expect(reach.choices).toEqual([
        { choiceId: 'phone', count: 2 },
        { choiceId: 'email', count: 1 },
      ]);
      expect(improve).toMatchObject({ answered: 1, choices: [{ count: 1 }, { count: 0 }, { count: 1 }] });

      await graphql(
        `
          mutation ($id: ID!) {
            setSurveyStatus(id: $id, status: CLOSED) {
              status
            }
          }
        `,
        { id: surveyId },
      );
      const late = await anonymous(SUBMIT, {
        token,
        answers: [
          { questionId: 'recommend', number: 9 },
          { questionId: 'reach', choice: 'phone' },
        ],
      });
      expect(late.errors[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'SURVEY_CLOSED' });
    });

    it('places the district on the path from Reactive to Customer-centric from the staff self-assessment', async () => {
      const [assessment] = await database.dataSource.query(
        `SELECT id FROM survey WHERE name = 'Customer service self-assessment'`,
      );
      await graphql(
        `
          mutation ($id: ID!) {
            setSurveyStatus(id: $id, status: OPEN) {
              status
            }
          }
        `,
        { id: assessment.id },
      );
      const link: string = (
        await graphql(
          `
            mutation ($id: ID!) {
              openSurveyLink(id: $id)
            }
          `,
          { id: assessment.id },
        )
      ).data.openSurveyLink;
      const token = link.split('/s/')[1]!;
      const questions = (await anonymous(SURVEY_LINK, { token })).data.surveyByToken.questions;
      for (const choice of ['proactive', 'responsive'])
        await anonymous(SUBMIT, {
          token,
          answers: questions.map((q: Json) => ({ questionId: q.id, choice })),
        });
      expect((await results(assessment.id)).assessment).toMatchObject({ stage: 'RESPONSIVE', score: 2.5 });
    });
  });

  it("keeps its copy of the directory's people from a burst taken at once, each as their last snapshot", async () => {
    const [ana, luis, mei] = [randomUUID(), randomUUID(), randomUUID()];
    const school = randomUUID();
    const snapshot = (personId: string, language: string, active = true) => ({
      ...PersonCreated.fixture,
      personId,
      kind: 'GUARDIAN' as const,
      schoolIds: [school],
      preferredLanguage: language,
      preferredChannel: 'SMS' as const,
      active,
      contactKeys: [],
    });
    const envelopes = [
      createEnvelope('directory', PersonCreated, { aggregateId: ana, data: snapshot(ana, 'es') }),
      createEnvelope('directory', PersonCreated, { aggregateId: luis, data: snapshot(luis, 'en') }),
      createEnvelope('directory', PersonCreated, { aggregateId: mei, data: snapshot(mei, 'zh') }),
      createEnvelope('directory', PersonUpdated, { aggregateId: ana, data: snapshot(ana, 'vi') }),
      createEnvelope('directory', PersonUpdated, { aggregateId: ana, data: snapshot(ana, 'so') }),
      createEnvelope('directory', PersonUpdated, { aggregateId: luis, data: snapshot(luis, 'en', false) }),
    ];
    await producer.send({
      topic: PersonCreated.topic,
      messages: envelopes.map((envelope) => ({ key: school, value: JSON.stringify(envelope) })),
    });
    await waitUntil(
      'the burst in the inbox',
      async () =>
        (
          await database.dataSource.query('SELECT 1 FROM inbox_event WHERE event_id = ANY($1::uuid[])', [
            envelopes.map(({ id }) => id),
          ])
        ).length === envelopes.length,
      { timeoutMs: 60_000 },
    );
    expect(
      await database.dataSource.query(
        `SELECT id, language, preferred_channel, active, school_ids FROM survey_person
          WHERE id = ANY($1::uuid[]) ORDER BY language`,
        [[ana, luis, mei]],
      ),
    ).toEqual([
      { id: luis, language: 'en', preferred_channel: 'SMS', active: false, school_ids: [school] },
      { id: ana, language: 'so', preferred_channel: 'SMS', active: true, school_ids: [school] },
      { id: mei, language: 'zh', preferred_channel: 'SMS', active: true, school_ids: [school] },
    ]);
  });
});
