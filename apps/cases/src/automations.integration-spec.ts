import {
  AutomationService,
  CaseService,
  INTAKE_SETTINGS,
  type IntakeSettings,
} from '@homeroom/cases/data-access';
import { createEnvelope } from '@homeroom/platform/messaging';
import { LOGGER, type Logger } from '@homeroom/platform/observability';
import { testKafka, waitUntil } from '@homeroom/platform/testing';
import { SlaBreached, SlaWarning } from '@homeroom/slas/contracts';
import { useCasesSuite } from './testing/cases-suite';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL results are checked field by field
type Json = any;

const CREATE =
  'mutation($input: AutomationRuleInput!) { createAutomationRule(input: $input) { id name active appliedCount conditions { statuses idleBusinessDays } actions { kind message } } }';
const PREVIEW =
  'query($c: AutomationConditionsInput!) { previewAutomationRule(conditions: $c) { count cases { id number } } }';
const CREATE_WITH_SLA =
  'mutation($input: AutomationRuleInput!) { createAutomationRule(input: $input) { id conditions { sla { state timerKinds withinHours } } } }';
const CASE =
  'query($id: ID!) { case(id: $id) { status priority tags messages { direction body } timeline { kind details } } }';

describe('cases: time-based automations', () => {
  const suite = useCasesSuite('cases-automations');
  const { agent, admin, graphql, submit, caseId } = suite;
  const ok = async (query: string, variables: Record<string, unknown>, who = admin) => {
    const result = await graphql(query, variables, who);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data as Json;
  };
  const refusal = async (query: string, variables: Record<string, unknown>, who = admin) =>
    ((await graphql(query, variables, who)).errors?.[0]?.extensions ?? null) as Json;
  /** A case in `status`, last changed `days` calendar days ago (the clock of a quiet case). */
  const quietCase = async (status: string, days: number) => {
    const id = await caseId((await submit()).caseNumber);
    if (status !== 'NEW')
      await ok('mutation($id: ID!, $s: CaseStatus!) { setCaseStatus(caseId: $id, status: $s) { status } }', {
        id,
        s: status,
      });
    await suite.database.dataSource.query(
      `UPDATE support_case SET updated_at = now() - make_interval(days => $2) WHERE id = $1`,
      [id, days],
    );
    return id;
  };
  const automations = () => suite.nest.get(AutomationService);
  // Tuesday 2026-12-08, 16:00 UTC: 10:00 in the district.
  const now = new Date('2026-12-08T16:00:00Z');

  it('resolves a quiet pending case with a message, once, named on its timeline, and says so first in a dry run', async () => {
    // Pending for 9 calendar days before "now" (well past 3 business days), and one changed yesterday.
    const quiet = await quietCase('PENDING', Math.ceil((Date.now() - now.getTime()) / 86_400_000) + 9);
    const recent = await quietCase('PENDING', Math.floor((Date.now() - now.getTime()) / 86_400_000) + 1);
    const conditions = { statuses: ['PENDING'], idleBusinessDays: 3 };
    const preview = (await ok(PREVIEW, { c: conditions })).previewAutomationRule;
    expect(preview.cases.map((c: Json) => c.id)).toContain(quiet);
    expect(preview.cases.map((c: Json) => c.id)).not.toContain(recent);

    const rule = (
      await ok(CREATE, {
        input: {
          name: 'Resolve quiet pending cases',
          conditions,
          actions: [
            {
              kind: 'RESOLVE',
              message: 'We have not heard back in three school days, so we are closing this case.',
            },
            { kind: 'ADD_TAG', tag: 'Auto resolved' },
          ],
        },
      })
    ).createAutomationRule;
    expect(rule).toMatchObject({ active: true, appliedCount: 0 });

    expect(await automations().sweep(now)).toBeGreaterThanOrEqual(1);
    const resolved = (await ok(CASE, { id: quiet })).case;
    expect(resolved).toMatchObject({ status: 'RESOLVED', tags: ['auto-resolved'] });
    expect(resolved.messages.at(-1)).toEqual({
      direction: 'OUTBOUND',
      body: 'We have not heard back in three school days, so we are closing this case.',
    });
    const applied = resolved.timeline.find((t: Json) => t.kind === 'AUTOMATION_APPLIED');
    expect(JSON.parse(applied.details)).toMatchObject({
      ruleId: rule.id,
      name: 'Resolve quiet pending cases',
    });
    expect(await suite.eventsOf(quiet, 'cases.AutomationApplied')).toHaveLength(1);
    expect((await ok(CASE, { id: recent })).case.status).toBe('PENDING');
    expect((await ok('{ automationRules { id appliedCount } }', {})).automationRules).toContainEqual({
      id: rule.id,
      appliedCount: expect.any(Number),
    });

    // The next sweep finds nothing left to do on it.
    await automations().sweep(now);
    expect(await suite.eventsOf(quiet, 'cases.AutomationApplied')).toHaveLength(1);
  });

  it('acts once per quiet spell whichever replica sweeps: one sweeps at a time, and a case is claimed once', async () => {
    const id = await quietCase('NEW', Math.ceil((Date.now() - now.getTime()) / 86_400_000) + 9);
    const rule = (
      await ok(CREATE, {
        input: {
          name: 'Escalate quiet new cases',
          conditions: { statuses: ['NEW'], idleBusinessDays: 2 },
          actions: [{ kind: 'SET_PRIORITY', priority: 'URGENT' }],
        },
      })
    ).createAutomationRule;
    // A second replica: its own service, on the same database, while the first holds the lease.
    await automations().sweep(now);
    const replica = new AutomationService(
      suite.database.dataSource,
      suite.nest.get(CaseService),
      suite.nest.get<IntakeSettings>(INTAKE_SETTINGS),
      suite.nest.get<Logger>(LOGGER),
    );
    expect(await replica.sweep(now)).toBe(0);
    expect((await ok(CASE, { id })).case.priority).toBe('URGENT');
    // Asked directly twice for one quiet spell (a far threshold, so the case matches), it acts once.
    const full = (await automations().list()).find((r) => r.id === rule.id)!;
    const cases = suite.nest.get(CaseService);
    const far = new Date(Date.now() + 365 * 86_400_000);
    const [first, second] = [
      await cases.applyAutomation(id, full, far),
      await cases.applyAutomation(id, full, far),
    ];
    expect([first, second]).toEqual([true, false]);
  });

  it('refuses a rule that would loop or act on too many cases, and keeps rules to district administrators', async () => {
    const rule = (conditions: Json, actions: Json = [{ kind: 'ADD_TAG', tag: 'x' }], active = true) => ({
      input: { name: 'Matrix', active, conditions, actions },
    });
    expect(await refusal(CREATE, rule({ statuses: ['PENDING'], idleBusinessDays: 0 }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'RULE_WOULD_LOOP',
    });
    expect(await refusal(CREATE, rule({ statuses: ['CLOSED'], idleBusinessDays: 3 }))).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    await suite.database.dataSource.query(
      `INSERT INTO support_case (id, number, subject, channel, status, priority, contact, language, tracking_token_hash, version, created_at, updated_at)
       SELECT gen_random_uuid(), 'AUTO-' || g, 'Old', 'WEB_FORM', 'ON_HOLD', 'LOW', '{"name": null, "email": null, "phone": null}',
              'en', md5('auto' || g), 1, now() - interval '60 days', now() - interval '60 days'
         FROM generate_series(1, 5001) AS g`,
    );
    expect(await refusal(CREATE, rule({ statuses: ['ON_HOLD'], idleBusinessDays: 5 }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'RULE_TOO_BROAD',
    });
    // Switched off, it may be kept and narrowed later.
    expect(
      (await ok(CREATE, rule({ statuses: ['ON_HOLD'], idleBusinessDays: 5 }, undefined, false)))
        .createAutomationRule.active,
    ).toBe(false);
    expect(await refusal('{ automationRules { id } }', {}, agent)).toMatchObject({ code: 'FORBIDDEN' });
  });

  it("acts on the cases in the rule's SLA state and only them: a breached first response, or a deadline within hours", async () => {
    const hour = 3_600_000;
    const at = (hours: number) => new Date(Date.now() + hours * hour).toISOString();
    // Five open cases, their SLA as the SLA service's events tell it (the last told nothing).
    const [firstLate, resolutionLate, dueSoon, dueTomorrow, noWarning] = await Promise.all(
      [1, 2, 3, 4, 5].map(() => quietCase('OPEN', 0)),
    );
    const producer = testKafka().producer();
    await producer.connect();
    const send = (contract: typeof SlaWarning | typeof SlaBreached, data: Json) =>
      producer.send({
        topic: contract.topic,
        messages: [
          {
            key: data.caseId,
            value: JSON.stringify(createEnvelope('slas', contract, { aggregateId: data.caseId, data })),
          },
        ],
      });
    try {
      await send(SlaBreached, {
        ...SlaBreached.fixture,
        caseId: firstLate,
        dueAt: at(-3),
        breachedAt: at(-3),
      });
      await send(SlaBreached, {
        ...SlaBreached.fixture,
        caseId: resolutionLate,
        timerKind: 'RESOLUTION',
        dueAt: at(-1),
        breachedAt: at(-1),
      });
      await send(SlaWarning, { ...SlaWarning.fixture, caseId: dueSoon, dueAt: at(2) });
      await send(SlaWarning, { ...SlaWarning.fixture, caseId: dueTomorrow, dueAt: at(26) });
    } finally {
      await producer.disconnect();
    }
    const { dataSource } = suite.database;
    await waitUntil(
      'the SLA events kept',
      async () =>
        (
          (await dataSource.query('SELECT count(*)::int AS n FROM case_sla_alert WHERE case_id = ANY($1)', [
            [firstLate, resolutionLate, dueSoon, dueTomorrow],
          ])) as { n: number }[]
        )[0]!.n === 4,
      { timeoutMs: 60_000 },
    );
    // The escalation the events bring changes the cases: they are made quiet again afterwards.
    await dataSource.query(
      `UPDATE support_case SET updated_at = now() - interval '10 days' WHERE id = ANY($1)`,
      [[firstLate, resolutionLate, dueSoon, dueTomorrow, noWarning]],
    );

    const matched = async (sla: Json) =>
      (await ok(PREVIEW, { c: { statuses: ['OPEN'], idleBusinessDays: 1, sla } })).previewAutomationRule;
    const firstBreached = await matched({ state: 'BREACHED', timerKinds: ['FIRST_RESPONSE'] });
    expect(firstBreached).toEqual({ count: 1, cases: [expect.objectContaining({ id: firstLate })] });
    expect((await matched({ state: 'BREACHED' })).cases.map((c: Json) => c.id).sort()).toEqual(
      [firstLate, resolutionLate].sort(),
    );
    expect((await matched({ state: 'DUE_WITHIN', withinHours: 4 })).cases.map((c: Json) => c.id)).toEqual([
      dueSoon,
    ]);
    expect(
      (await matched({ state: 'DUE_WITHIN', withinHours: 48 })).cases.map((c: Json) => c.id).sort(),
    ).toEqual([dueSoon, dueTomorrow].sort());
    // Without the SLA condition the same rule takes all five.
    expect(
      (await ok(PREVIEW, { c: { statuses: ['OPEN'], idleBusinessDays: 1 } })).previewAutomationRule.cases.map(
        (c: Json) => c.id,
      ),
    ).toEqual(expect.arrayContaining([firstLate, resolutionLate, dueSoon, dueTomorrow, noWarning]));

    const rule = (
      await ok(CREATE_WITH_SLA, {
        input: {
          name: 'Flag late first responses',
          conditions: {
            statuses: ['OPEN'],
            idleBusinessDays: 1,
            sla: { state: 'BREACHED', timerKinds: ['FIRST_RESPONSE'] },
          },
          actions: [{ kind: 'ADD_TAG', tag: 'first response late' }],
        },
      })
    ).createAutomationRule;
    expect(rule.conditions.sla).toEqual({
      state: 'BREACHED',
      timerKinds: ['FIRST_RESPONSE'],
      withinHours: null,
    });
    await automations().sweep(new Date());
    const tagged = await Promise.all(
      [firstLate, resolutionLate, dueSoon, dueTomorrow, noWarning].map(
        async (id) => (await ok(CASE, { id })).case.tags.includes('first-response-late') as boolean,
      ),
    );
    expect(tagged).toEqual([true, false, false, false, false]);

    // An incomplete SLA condition is refused in the dry run and when saved, naming the field.
    const incomplete = { statuses: ['OPEN'], idleBusinessDays: 1, sla: { state: 'DUE_WITHIN' } };
    expect(await refusal(PREVIEW, { c: incomplete })).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_SLA_CONDITION',
      details: [{ path: 'conditions.sla.withinHours', message: 'a whole number of hours from 1 to 168' }],
    });
    expect(
      await refusal(CREATE, {
        input: { name: 'x', conditions: incomplete, actions: [{ kind: 'ADD_TAG', tag: 'x' }] },
      }),
    ).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_SLA_CONDITION' });
  });

  it("acts on the quiet cases of each of a rule's statuses, and on none changed since", async () => {
    const days = Math.ceil((Date.now() - now.getTime()) / 86_400_000);
    const open = await quietCase('OPEN', days + 8);
    const onHold = await quietCase('ON_HOLD', days + 9);
    const recent = await quietCase('ON_HOLD', days);
    // Low priority at the suite's school, as none of its thousands of other open cases are: not too broad.
    await suite.database.dataSource.query(
      `UPDATE support_case SET priority = 'LOW' WHERE id = ANY($1::uuid[])`,
      [[open, onHold, recent]],
    );
    await ok(CREATE, {
      input: {
        name: 'Tag low cases waiting on anyone',
        conditions: {
          statuses: ['OPEN', 'ON_HOLD'],
          priorities: ['LOW'],
          schoolIds: [suite.schoolId],
          idleBusinessDays: 2,
        },
        actions: [{ kind: 'ADD_TAG', tag: 'Waiting' }],
      },
    });
    await automations().sweep(now);
    const tags = async (id: string) => (await ok(CASE, { id })).case.tags as string[];
    expect(await tags(open)).toContain('waiting');
    expect(await tags(onHold)).toContain('waiting');
    expect(await tags(recent)).not.toContain('waiting');
  });
});
