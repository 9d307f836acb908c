import { randomUUID } from 'node:crypto';
import { type TestDatabase } from '@homeroom/platform/database/testing';
import { createEnvelope } from '@homeroom/platform/messaging';
import { testKafka, waitUntil } from '@homeroom/platform/testing';
import { SlaBreached, SlaWarning } from '@homeroom/slas/contracts';
import { LowSatisfactionReported, SurveySafetyConcernRaised } from '@homeroom/surveys/contracts';
import { useCasesSuite } from './testing/cases-suite';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL results are checked field by field
type Json = any;

describe('cases: escalations from SLAs and surveys', () => {
  const suite = useCasesSuite('cases-escalations');
  const { schoolId, admin, graphql, submit, caseId } = suite;
  let database: TestDatabase;
  // What the suite has once it has started.
  beforeAll(() => ({ database } = suite));

  it('escalates on SLA events and opens one follow-up for a low satisfaction score, however often it arrives', async () => {
    const id = await caseId(
      (await submit({ message: 'Nobody has answered about the bus.', topicId: null })).caseNumber,
    );
    const resolvedId = await caseId(
      (await submit({ message: 'Thanks for nothing.', topicId: null })).caseNumber,
    );
    const producer = testKafka().producer();
    await producer.connect();
    const send = async (
      contract: typeof SlaWarning | typeof SlaBreached | typeof LowSatisfactionReported,
      data: Json,
      times = 1,
    ) => {
      const envelope = createEnvelope(contract.topic.split('.')[0]!, contract, {
        aggregateId: data.caseId,
        data,
      });
      for (let i = 0; i < times; i += 1)
        await producer.send({
          topic: contract.topic,
          messages: [{ key: data.caseId, value: JSON.stringify(envelope) }],
        });
    };
    const policy = await graphql(
      'mutation($p: [ID!]!) { setEscalationPolicy(trigger: SLA_WARNING, raisePriority: false, notifyPersonIds: $p) { trigger notifyPersonIds } }',
      { p: [admin.kind === 'user' ? admin.subject : ''] },
      admin,
    );
    expect(policy.data.setEscalationPolicy.notifyPersonIds).toHaveLength(1);
    await send(SlaWarning, { ...SlaWarning.fixture, caseId: id });
    await send(SlaBreached, { ...SlaBreached.fixture, caseId: id });
    await send(
      LowSatisfactionReported,
      { ...LowSatisfactionReported.fixture, caseId: resolvedId, score: 2 },
      2,
    );
    await producer.disconnect();

    await waitUntil(
      'the SLA breach on the timeline',
      async () =>
        (
          await database.dataSource.query(
            `SELECT count(*)::int AS n FROM case_timeline WHERE case_id = $1 AND kind = 'SLA_BREACHED'`,
            [id],
          )
        )[0].n === 1,
      { timeoutMs: 60_000 },
    );
    const [escalated] = await database.dataSource.query('SELECT priority FROM support_case WHERE id = $1', [
      id,
    ]);
    expect(escalated.priority).toBe('HIGH');
    const kinds = (
      await database.dataSource.query('SELECT kind FROM case_timeline WHERE case_id = $1 ORDER BY id', [id])
    ).map((r: Json) => r.kind);
    expect(kinds).toEqual(expect.arrayContaining(['SLA_WARNING', 'SLA_BREACHED']));
    const events = await database.dataSource.query(
      `SELECT envelope->'data'->>'trigger' AS t FROM outbox_event WHERE message_key = $1 AND envelope->>'type' = 'cases.CaseEscalated' ORDER BY position`,
      [id],
    );
    expect(events.map((e: Json) => e.t)).toEqual(['SLA_WARNING', 'SLA_BREACHED']);
    const [warned] = await database.dataSource.query(
      `SELECT envelope->'data'->'notifyPersonIds' AS n FROM outbox_event WHERE message_key = $1 AND envelope->'data'->>'trigger' = 'SLA_WARNING'`,
      [id],
    );
    expect(warned.n).toEqual([admin.kind === 'user' ? admin.subject : '']);

    await waitUntil(
      'the follow-up case',
      async () =>
        (
          await database.dataSource.query(
            'SELECT count(*)::int AS n FROM support_case WHERE follow_up_of_id = $1',
            [resolvedId],
          )
        )[0].n > 0,
      { timeoutMs: 60_000 },
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const followUps = await database.dataSource.query(
      'SELECT subject, priority, channel, school_id FROM support_case WHERE follow_up_of_id = $1',
      [resolvedId],
    );
    expect(followUps).toHaveLength(1);
    expect(followUps[0]).toMatchObject({ priority: 'HIGH', channel: 'STAFF', school_id: schoolId });
    expect(followUps[0].subject).toMatch(/^Follow-up: 2\/10 satisfaction on HR-/);
  });

  it('opens an URGENT case, once, for a survey comment that signals danger', async () => {
    const surveyedId = await caseId(
      (await submit({ message: 'When does the bus come back to our stop?', topicId: null })).caseNumber,
    );
    const envelope = createEnvelope('surveys', SurveySafetyConcernRaised, {
      aggregateId: randomUUID(),
      data: {
        ...SurveySafetyConcernRaised.fixture,
        responseId: randomUUID(),
        caseId: surveyedId,
        comment: 'A boy on the bus said he has a knife in his backpack.',
      },
    });
    const producer = testKafka().producer();
    await producer.connect();
    for (let i = 0; i < 2; i += 1)
      await producer.send({
        topic: SurveySafetyConcernRaised.topic,
        messages: [{ key: envelope.aggregateId, value: JSON.stringify(envelope) }],
      });
    await producer.disconnect();
    await waitUntil(
      'the concern on the surveyed case',
      async () =>
        (
          await database.dataSource.query(
            `SELECT 1 FROM case_timeline WHERE case_id = $1 AND kind = 'SURVEY_SAFETY_CONCERN'`,
            [surveyedId],
          )
        ).length > 0,
      { timeoutMs: 60_000 },
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const opened = await database.dataSource.query(
      `SELECT c.id, c.subject, c.priority, c.school_id, m.body FROM support_case c
         JOIN case_message m ON m.case_id = c.id WHERE c.follow_up_of_id = $1`,
      [surveyedId],
    );
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({
      priority: 'URGENT',
      school_id: schoolId,
      body: 'A boy on the bus said he has a knife in his backpack.',
    });
    expect(opened[0].subject).toMatch(/^Safety concern in the satisfaction survey on HR-/);
    const [alert] = await database.dataSource.query(
      `SELECT details FROM case_timeline WHERE case_id = $1 AND kind = 'SAFETY_CONCERN'`,
      [opened[0].id],
    );
    expect(JSON.stringify(alert?.details ?? {})).toContain('WEAPON');
  });
});
