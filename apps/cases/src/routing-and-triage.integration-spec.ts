import { randomUUID } from 'node:crypto';
import { type Principal } from '@homeroom/platform/auth';
import { type TestDatabase } from '@homeroom/platform/database/testing';
import { createEnvelope } from '@homeroom/platform/messaging';
import { testKafka, waitUntil } from '@homeroom/platform/testing';
import { TeamChanged } from '@homeroom/directory/contracts';
import { CaseAlertRaised } from '@homeroom/cases/contracts';
import { useCasesSuite } from './testing/cases-suite';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL results are checked field by field
type Json = any;

describe('cases: routing and triage', () => {
  const suite = useCasesSuite('cases-routing-and-triage');
  const { schoolId, agent, admin, graphql, submit, eventsOf, caseId } = suite;
  let database: TestDatabase;
  let topicId: string;
  // What the suite has once it has started.
  beforeAll(() => ({ database, topicId } = suite));

  it('routes new cases by the first matching rule, round-robin within the team, skipping the unavailable', async () => {
    const teamId = randomUUID();
    const members = [randomUUID(), randomUUID(), randomUUID()].sort();
    const envelope = createEnvelope('directory', TeamChanged, {
      aggregateId: teamId,
      data: {
        teamId,
        name: 'Transportation desk',
        schoolId: null,
        active: true,
        members: members.map((personId, i) => ({ personId, available: i !== 1 })),
      },
    });
    const producer = testKafka().producer();
    await producer.connect();
    await producer.send({
      topic: TeamChanged.topic,
      messages: [{ key: teamId, value: JSON.stringify(envelope) }],
    });
    await producer.disconnect();
    await waitUntil(
      'the team in the read model',
      async () =>
        (
          await database.dataSource.query(
            'SELECT count(*)::int AS n FROM known_team_member WHERE team_id = $1',
            [teamId],
          )
        )[0].n === 3,
      { timeoutMs: 60_000 },
    );
    // The team itself, as the snapshot names it: what the cases service can show and look teams up by.
    const knownTeam = async () =>
      (
        await database.dataSource.query('SELECT name, school_id, active FROM known_team WHERE id = $1', [
          teamId,
        ])
      )[0];
    expect(await knownTeam()).toEqual({ name: 'Transportation desk', school_id: null, active: true });

    const rule = async (name: string, conditions: Json, actions: Json, position?: number) =>
      (
        await graphql(
          'mutation($n: String!, $c: RoutingConditionsInput!, $a: RoutingActionsInput!, $p: Int) { createRoutingRule(name: $n, conditions: $c, actions: $a, position: $p) { id position } }',
          { n: name, c: conditions, a: actions, p: position },
          admin,
        )
      ).data.createRoutingRule;
    await rule('Buses to the transportation desk', { topicIds: [topicId] }, { teamId });
    await rule('Weapons are urgent', { keywords: ['gun', 'knife'] }, { priority: 'URGENT', teamId }, 1);
    const rules = (await graphql('{ routingRules { name position } }', {}, admin)).data.routingRules;
    expect(rules).toEqual([
      { name: 'Weapons are urgent', position: 1 },
      { name: 'Buses to the transportation desk', position: 2 },
    ]);

    const assigned: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const { caseNumber } = await submit({ message: `The bus was late, day ${i}.` });
      const [row] = await database.dataSource.query(
        'SELECT team_id, assignee_id, priority FROM support_case WHERE number = $1',
        [caseNumber],
      );
      expect(row.team_id).toBe(teamId);
      expect(row.priority).toBe('NORMAL');
      assigned.push(row.assignee_id);
    }
    // The unavailable member (members[1]) is skipped; the two others alternate.
    expect(new Set(assigned)).toEqual(new Set([members[0], members[2]]));
    expect(assigned[0]).not.toBe(assigned[1]);
    expect(assigned[0]).toBe(assigned[2]);

    const { caseNumber } = await submit({
      message: 'A student said he has a knife in his backpack.',
      topicId: null,
    });
    const [urgent] = await database.dataSource.query(
      'SELECT id, priority, team_id FROM support_case WHERE number = $1',
      [caseNumber],
    );
    expect(urgent).toMatchObject({ priority: 'URGENT', team_id: teamId });
    const timeline = (
      await graphql(
        'query($n: String) { case(number: $n) { timeline { kind details } } }',
        { n: caseNumber },
        admin,
      )
    ).data.case.timeline;
    const routed = timeline.find((t: Json) => t.kind === 'ROUTED');
    expect(JSON.parse(routed.details).rule).toMatchObject({ name: 'Weapons are urgent', position: 1 });

    const { caseNumber: unrouted } = await submit({
      message: 'A question about the lunch menu.',
      topicId: null,
    });
    const unroutedTimeline = (
      await graphql('query($n: String) { case(number: $n) { timeline { kind } } }', { n: unrouted }, admin)
    ).data.case.timeline;
    expect(unroutedTimeline.map((t: Json) => t.kind)).toContain('UNROUTED');

    // The directory deactivates the team: its rules are passed over until it is back. Each snapshot also
    // renames it or moves it, and the kept team follows.
    const teamState = async (active: boolean, name: string, teamSchoolId: string | null) => {
      const producer = testKafka().producer();
      await producer.connect();
      const changed = createEnvelope('directory', TeamChanged, {
        aggregateId: teamId,
        data: {
          teamId,
          name,
          schoolId: teamSchoolId,
          active,
          members: active ? [{ personId: members[0]!, available: true }] : [],
        },
      });
      await producer.send({
        topic: TeamChanged.topic,
        messages: [{ key: teamId, value: JSON.stringify(changed) }],
      });
      await producer.disconnect();
      await waitUntil(
        `the team ${active ? 'back' : 'retired'} in the read model`,
        async () =>
          (await database.dataSource.query('SELECT 1 FROM retired_team WHERE team_id = $1', [teamId]))
            .length === (active ? 0 : 1),
        { timeoutMs: 60_000 },
      );
      expect(await knownTeam()).toEqual({ name, school_id: teamSchoolId, active });
    };
    const teamOf = async (message: string) => {
      const { caseNumber: number } = await submit({ message });
      const [row] = await database.dataSource.query('SELECT team_id FROM support_case WHERE number = $1', [
        number,
      ]);
      return row.team_id as string | null;
    };
    await teamState(false, 'Transportation desk (closed)', null);
    expect(await teamOf('The bus was late again.')).toBeNull();
    await teamState(true, 'Transportation', schoolId);
    expect(await teamOf('The bus was late once more.')).toBe(teamId);

    for (const r of (await graphql('{ routingRules { id } }', {}, admin)).data.routingRules) {
      await graphql('mutation($id: ID!) { deleteRoutingRule(id: $id) }', { id: r.id }, admin);
    }
  });

  it('edits, switches off and on, and reorders routing rules, and the next case follows them', async () => {
    const RULE = 'id name position active conditions { keywords } actions { tags }';
    const create = async (name: string, keywords: string[], tags: string[]) =>
      (
        await graphql(
          'mutation($n: String!, $c: RoutingConditionsInput!, $a: RoutingActionsInput!) { createRoutingRule(name: $n, conditions: $c, actions: $a) { id } }',
          { n: name, c: { keywords }, a: { tags } },
          admin,
        )
      ).data.createRoutingRule.id as string;
    const update = (id: string, input: Json, principal: Principal = admin) =>
      graphql(
        `mutation($id: ID!, $input: UpdateRoutingRuleInput!) { updateRoutingRule(id: $id, input: $input) { ${RULE} } }`,
        { id, input },
        principal,
      );
    const move = (id: string, position: number, principal: Principal = admin) =>
      graphql(
        'mutation($id: ID!, $p: Int!) { moveRoutingRule(id: $id, position: $p) { name position } }',
        { id, p: position },
        principal,
      );
    const listed = async () => (await graphql(`{ routingRules { ${RULE} } }`, {}, admin)).data.routingRules;
    /** The name of the rule that routed a new case with this message, or null when none did. */
    const routedBy = async (message: string): Promise<string | null> => {
      const { caseNumber } = await submit({ message, topicId: null });
      const timeline = (
        await graphql(
          'query($n: String) { case(number: $n) { timeline { kind details } } }',
          { n: caseNumber },
          admin,
        )
      ).data.case.timeline;
      const routed = timeline.find((t: Json) => t.kind === 'ROUTED');
      return routed ? JSON.parse(routed.details).rule.name : null;
    };

    const trips = await create('Field trips', ['field trip'], ['trips']);
    const slips = await create('Permission slips', ['permission slip'], ['slips']);
    const lunch = await create('Lunch', ['lunch'], ['lunch']);
    expect(await routedBy('When does the field trip leave?')).toBe('Field trips');

    // New conditions: the next case follows them, and what the edit omits stays.
    const edited = await update(trips, { conditions: { keywords: ['excursion'] } });
    expect(edited.errors).toBeUndefined();
    expect(edited.data.updateRoutingRule).toEqual({
      id: trips,
      name: 'Field trips',
      position: 1,
      active: true,
      conditions: { keywords: ['excursion'] },
      actions: { tags: ['trips'] },
    });
    expect(await routedBy('When does the field trip leave?')).toBeNull();
    expect(await routedBy('Is the museum excursion on Friday?')).toBe('Field trips');

    // Switched off, the rule is kept where it was but routes nothing; switched on, it routes again.
    expect((await update(trips, { active: false })).data.updateRoutingRule).toMatchObject({
      active: false,
      position: 1,
      conditions: { keywords: ['excursion'] },
    });
    expect((await listed()).map((r: Json) => [r.name, r.active])).toEqual([
      ['Field trips', false],
      ['Permission slips', true],
      ['Lunch', true],
    ]);
    expect(await routedBy('Is the museum excursion on Friday?')).toBeNull();
    await update(trips, { active: true });
    expect(await routedBy('Is the museum excursion on Friday?')).toBe('Field trips');

    // Moved above another, a rule is the first match; positions stay 1..n, and beyond the ends clamps.
    const both = 'I lost the permission slip for the excursion.';
    expect(await routedBy(both)).toBe('Field trips');
    expect((await move(slips, 1)).data.moveRoutingRule).toEqual([
      { name: 'Permission slips', position: 1 },
      { name: 'Field trips', position: 2 },
      { name: 'Lunch', position: 3 },
    ]);
    expect(await routedBy(both)).toBe('Permission slips');
    expect((await move(slips, 99)).data.moveRoutingRule).toEqual([
      { name: 'Field trips', position: 1 },
      { name: 'Lunch', position: 2 },
      { name: 'Permission slips', position: 3 },
    ]);
    expect((await move(lunch, -5)).data.moveRoutingRule).toEqual([
      { name: 'Lunch', position: 1 },
      { name: 'Field trips', position: 2 },
      { name: 'Permission slips', position: 3 },
    ]);
    expect(await routedBy(both)).toBe('Field trips');

    // Bad input, unknown ids and other roles are refused with typed errors, and change nothing.
    const before = await listed();
    const refusal = async (pending: Promise<Json>) => {
      const { data, errors } = await pending;
      expect(data).toBeNull();
      return errors[0].extensions;
    };
    expect(await refusal(update(trips, { name: '  ', active: false }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: [{ path: 'name', message: 'required' }],
    });
    expect(await refusal(update(trips, { actions: { tags: [] } }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'EMPTY_RULE_ACTIONS',
      details: [{ path: 'actions' }],
    });
    expect(await refusal(update(trips, { actions: { tags: ['trips', '#!'] } }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_TAG',
      details: [{ path: 'actions.tags.1' }],
    });
    const unknown = randomUUID();
    expect(await refusal(update(unknown, { active: false }))).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'ROUTING_RULE_NOT_FOUND',
    });
    expect(await refusal(move(unknown, 1))).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'ROUTING_RULE_NOT_FOUND',
    });
    // An id that is not one is malformed input, refused before any rule is looked up.
    expect(await refusal(update('not-an-id', { active: false }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_ID',
      details: [{ path: 'id' }],
    });
    expect(await refusal(move('not-an-id', 1))).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_ID',
    });
    expect((await refusal(update(trips, { active: false }, agent))).code).toBe('FORBIDDEN');
    expect((await refusal(move(trips, 3, agent))).code).toBe('FORBIDDEN');
    expect(await listed()).toEqual(before);

    for (const id of [trips, slips, lunch]) {
      await graphql('mutation($id: ID!) { deleteRoutingRule(id: $id) }', { id }, admin);
    }
  });

  it('makes a case that raises a safety concern URGENT and says why', async () => {
    const { caseNumber } = await submit({
      message: 'A boy on the bus said he will bring a gun to school tomorrow.',
      topicId: null,
    });
    const flagged = (
      await graphql(
        'query($n: String) { case(number: $n) { priority timeline { kind details } } }',
        { n: caseNumber },
        admin,
      )
    ).data.case;
    expect(flagged.priority).toBe('URGENT');
    const entry = flagged.timeline.find((t: Json) => t.kind === 'SAFETY_CONCERN');
    expect(JSON.parse(entry.details).concerns).toEqual([{ category: 'WEAPON', evidence: 'bring a gun' }]);
    // The school's administrators are told, by an event that carries no words of the requester.
    const id = await caseId(caseNumber);
    const [alert] = await eventsOf(id, CaseAlertRaised.type);
    expect(alert!.data).toMatchObject({
      kind: 'SAFETY_CONCERN',
      categories: ['WEAPON'],
      audience: { kind: 'SCHOOL_ADMINISTRATORS', schoolId },
    });
    expect(JSON.stringify(alert)).not.toContain('gun');
  });

  it('classifies the topic and sentiment of a new case, and learns from the topic staff correct', async () => {
    const CASE =
      'query($n: String) { case(number: $n) { id topic { name } sentiment sentimentScore timeline { kind details } } }';
    const first = (
      await graphql(
        CASE,
        {
          n: (
            await submit({
              message: 'My daughter cannot log in to the Zentrix homework hub again',
              topicId: null,
            })
          ).caseNumber,
        },
        admin,
      )
    ).data.case;
    expect(first.topic.name).toBe('Homework');
    const classified = JSON.parse(first.timeline.find((t: Json) => t.kind === 'TOPIC_CLASSIFIED').details);
    expect(classified).toMatchObject({ topic: 'Homework', confidence: expect.any(Number) });
    expect(classified.evidence.length).toBeGreaterThan(0);
    const praise = (
      await graphql(
        CASE,
        { n: (await submit({ message: 'Thank you so much, Ms. Lopez is wonderful!' })).caseNumber },
        admin,
      )
    ).data.case;
    expect(praise.sentiment).toBe('POSITIVE');
    expect(praise.sentimentScore).toBeGreaterThan(0.3);

    const [technology] = await database.dataSource.query(`SELECT id FROM topic WHERE name = 'Technology'`);
    const UPDATE =
      'mutation($id: ID!, $input: UpdateCaseInput!) { updateCase(caseId: $id, input: $input) { topic { name } priority } }';
    const unknown = await graphql(UPDATE, { id: first.id, input: { topicId: randomUUID() } }, agent);
    expect(unknown.errors[0].extensions.reason).toBe('UNKNOWN_TOPIC');
    const corrected = await graphql(
      UPDATE,
      { id: first.id, input: { topicId: technology.id, priority: 'HIGH' } },
      agent,
    );
    expect(corrected.data.updateCase).toEqual({ topic: { name: 'Technology' }, priority: 'HIGH' });
    const [entry] = await database.dataSource.query(
      `SELECT details FROM case_timeline WHERE case_id = $1 AND kind = 'UPDATED'`,
      [first.id],
    );
    expect(entry.details.to).toEqual({ topicId: technology.id, priority: 'HIGH' });
    // The district's own correction now decides similar messages.
    const next = (
      await graphql(
        CASE,
        {
          n: (await submit({ message: 'Zentrix hub will not let my son log in', topicId: null })).caseNumber,
        },
        admin,
      )
    ).data.case;
    expect(next.topic.name).toBe('Technology');
  });

  it('alerts the team of an administrator-managed keyword category, and only on whole words', async () => {
    const teamId = randomUUID();
    const SAVE =
      'mutation($id: ID, $input: AlertCategoryInput!) { saveAlertCategory(id: $id, input: $input) { id name keywords teamId } }';
    const refused = await graphql(SAVE, { input: { name: 'Gas', keywords: ['gas leak'], teamId } }, agent);
    expect(refused.errors[0].extensions.code).toBe('FORBIDDEN');
    const bad = await graphql(SAVE, { input: { name: 'Gas', keywords: ['ok'] } }, admin);
    expect(bad.errors[0].extensions.reason).toBe('INVALID_KEYWORD');
    const category = (
      await graphql(
        SAVE,
        { input: { name: `Building emergency ${teamId}`, keywords: ['Gas leak', 'fuga de gas'], teamId } },
        admin,
      )
    ).data.saveAlertCategory;
    expect(category.keywords).toEqual(['gas leak', 'fuga de gas']);

    const quiet = await caseId(
      (await submit({ message: 'The gasoline smell from the buses is leaking in.' })).caseNumber,
    );
    const loud = await caseId((await submit({ message: 'Hay una FUGA de gas en la cafetería!' })).caseNumber);
    const timelineOf = async (id: string) =>
      (await graphql('query($id: ID) { case(id: $id) { timeline { kind details } } }', { id }, admin)).data
        .case.timeline;
    expect((await timelineOf(quiet)).some((t: Json) => t.kind === 'CRITICAL_ALERT')).toBe(false);
    const fired = (await timelineOf(loud)).find((t: Json) => t.kind === 'CRITICAL_ALERT');
    expect(JSON.parse(fired.details)).toEqual({ category: category.name, matched: ['fuga de gas'], teamId });
    const [alert] = await eventsOf(loud, CaseAlertRaised.type);
    expect(alert!.data).toMatchObject({ kind: 'CRITICAL_KEYWORD', audience: { kind: 'TEAM', teamId } });
    await graphql('mutation($id: ID!) { deleteAlertCategory(id: $id) }', { id: category.id }, admin);
  });
});
