import { randomUUID } from 'node:crypto';
import { type Principal, staffPrincipal } from '@homeroom/platform/auth';
import { statementsOf, type TestDatabase } from '@homeroom/platform/database/testing';
import { createEnvelope } from '@homeroom/platform/messaging';
import { testKafka, waitUntil } from '@homeroom/platform/testing';
import { SlaBreached, SlaWarning } from '@homeroom/slas/contracts';
import { useCasesSuite } from './testing/cases-suite';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL results are checked field by field
type Json = any;

describe('cases: the inbox and the numbers', () => {
  const suite = useCasesSuite('cases-inbox-and-metrics');
  const { schoolId, agent, outsider, viewer, admin, graphql, submit, caseId } = suite;
  let database: TestDatabase;
  let topicId: string;
  // What the suite has once it has started.
  beforeAll(() => ({ database, topicId } = suite));

  it('sorts the inbox newest, oldest, by priority or by last change, and pages each with its own cursor', async () => {
    const school = randomUUID();
    await database.dataSource.query(
      `INSERT INTO known_school (id, name, time_zone, active) VALUES ($1, 'Sorting Middle', 'America/Chicago', true)`,
      [school],
    );
    const ids: string[] = [];
    for (const priority of ['LOW', 'URGENT', 'NORMAL', 'URGENT']) {
      const created = await graphql(
        'mutation($s: ID, $p: Priority) { createCase(input: { channel: PHONE, description: "Sorting", schoolId: $s, priority: $p, contact: { phone: "512-555-0110" } }) { id } }',
        { s: school, p: priority },
        admin,
      );
      ids.push(created.data.createCase.id);
    }
    // Creation times a minute apart, oldest first; the third case changed last.
    for (const [i, id] of ids.entries()) {
      await database.dataSource.query(
        'UPDATE support_case SET created_at = $2, updated_at = $3 WHERE id = $1',
        [id, new Date(Date.UTC(2026, 9, 1, 12, i)), new Date(Date.UTC(2026, 9, 1, 13, i === 2 ? 30 : i))],
      );
    }
    const PAGE =
      'query($s: ID, $sort: CaseSort, $after: String) { cases(filter: { schoolId: $s }, first: 2, sort: $sort, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }';
    const all = async (sort: string) => {
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: Json = (await graphql(PAGE, { s: school, sort, after }, admin)).data.cases;
        seen.push(...page.edges.map((e: Json) => e.node.id));
        if (!page.pageInfo.hasNextPage) return seen;
        after = page.pageInfo.endCursor;
      }
    };
    const [low, urgent1, normal, urgent2] = ids as [string, string, string, string];
    expect(await all('NEWEST')).toEqual([urgent2, normal, urgent1, low]);
    expect(await all('OLDEST')).toEqual([low, urgent1, normal, urgent2]);
    expect(await all('PRIORITY')).toEqual([urgent1, urgent2, normal, low]);
    expect(await all('RECENTLY_UPDATED')).toEqual([normal, urgent2, urgent1, low]);
    const first = (await graphql(PAGE, { s: school, sort: 'OLDEST', after: null }, admin)).data.cases;
    const mixed = await graphql(PAGE, { s: school, sort: 'NEWEST', after: first.pageInfo.endCursor }, admin);
    expect(mixed.errors[0].extensions.reason).toBe('CURSOR_SORT_MISMATCH');
  });

  it('reads only what a list query selects: counting a view reads no page, paging counts nothing', async () => {
    const school = randomUUID();
    await database.dataSource.query(
      `INSERT INTO known_school (id, name, time_zone, active) VALUES ($1, 'Counting Middle', 'America/Chicago', true)`,
      [school],
    );
    for (let i = 0; i < 3; i += 1) {
      await graphql(
        'mutation($s: ID) { createCase(input: { channel: PHONE, description: "Counting", schoolId: $s, contact: { phone: "512-555-0112" } }) { id } }',
        { s: school },
        admin,
      );
    }
    /** The query's result, and what it asked of the cases table: "count" or "rows", in order. */
    const read = async (selection: string) => {
      let result: Json;
      const sent = await statementsOf(async () => {
        result = await graphql(`query($s: ID) { ${selection} }`, { s: school }, admin);
      });
      const reads = sent
        .filter((statement) => /FROM "support_case"/.test(statement.text))
        .map((statement) => (/COUNT\(/i.test(statement.text) ? 'count' : 'rows'));
      return { data: result.data, reads };
    };

    // The inbox's badges: two views counted, each one statement, no rows.
    const counted = await read(
      'mine: cases(filter: { schoolId: $s }, first: 1) { totalCount } all: cases(filter: { schoolId: $s }, first: 1) { totalCount total: totalCount }',
    );
    expect(counted.data).toEqual({ mine: { totalCount: 3 }, all: { totalCount: 3, total: 3 } });
    expect(counted.reads).toEqual(['count', 'count']);

    // A next page: rows once for both edges and pageInfo, no count.
    const paged = await read(
      'cases(filter: { schoolId: $s }, first: 2) { edges { node { id } } pageInfo { hasNextPage } }',
    );
    expect(paged.data.cases.edges).toHaveLength(2);
    expect(paged.data.cases.pageInfo.hasNextPage).toBe(true);
    expect(paged.reads).toEqual(['rows']);

    // Both asked for: both read.
    const both = await read('cases(filter: { schoolId: $s }, first: 5) { totalCount edges { node { id } } }');
    expect(both.data.cases).toMatchObject({ totalCount: 3, edges: expect.any(Array) });
    expect([...both.reads].sort()).toEqual(['count', 'rows']);
  });

  it('lists the inbox views: my teams, my schools, unassigned, and breaching soon, nearest deadline first, until met', async () => {
    const school = randomUUID();
    const team = randomUUID();
    await database.dataSource.query(
      `INSERT INTO known_school (id, name, time_zone, active) VALUES ($1, 'Views Elementary', 'America/Chicago', true)`,
      [school],
    );
    const member: Principal = staffPrincipal(randomUUID(), { role: 'AGENT', schoolId: school });
    await database.dataSource.query(
      'INSERT INTO known_team_member (team_id, person_id, available) VALUES ($1, $2, true)',
      [team, member.kind === 'user' ? member.subject : ''],
    );
    const ids: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const created = await graphql(
        'mutation($s: ID) { createCase(input: { channel: PHONE, description: "Views", schoolId: $s, contact: { phone: "512-555-0111" } }) { id } }',
        { s: school },
        admin,
      );
      ids.push(created.data.createCase.id);
    }
    const [teamCase, assigned, resolving, unanswered] = ids as [string, string, string, string];
    await database.dataSource.query(
      'UPDATE support_case SET team_id = $2, assignee_id = NULL WHERE id = $1',
      [teamCase, team],
    );
    await database.dataSource.query('UPDATE support_case SET assignee_id = $2 WHERE id = $1', [
      assigned,
      randomUUID(),
    ]);
    const LIST =
      'query($f: CaseFilter, $sort: CaseSort, $after: String) { cases(filter: $f, first: 2, sort: $sort, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }';
    const list = async (filter: Json, principal: Principal = member, sort = 'NEWEST') => {
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const result: Json = await graphql(LIST, { f: filter, sort, after }, principal);
        if (result.errors) throw new Error(JSON.stringify(result.errors));
        seen.push(...result.data.cases.edges.map((e: Json) => e.node.id));
        if (!result.data.cases.pageInfo.hasNextPage) return seen;
        after = result.data.cases.pageInfo.endCursor;
      }
    };
    expect(await list({ myTeams: true })).toEqual([teamCase]);
    expect((await list({ mySchools: true })).sort()).toEqual([...ids].sort());
    expect(await list({ mySchools: true }, outsider)).toEqual([]);
    expect(await list({ schoolId: school, myTeams: true }, admin)).toEqual([]);
    expect((await list({ schoolId: school, unassigned: true })).sort()).toEqual(
      [teamCase, resolving, unanswered].sort(),
    );

    // The SLA service warns about two cases and sees a third breach.
    const now = Date.now();
    const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();
    const producer = testKafka().producer();
    await producer.connect();
    const send = async (contract: typeof SlaWarning | typeof SlaBreached, data: Json) =>
      producer.send({
        topic: contract.topic,
        messages: [
          {
            key: data.caseId,
            value: JSON.stringify(createEnvelope('slas', contract, { aggregateId: data.caseId, data })),
          },
        ],
      });
    await send(SlaWarning, {
      ...SlaWarning.fixture,
      caseId: resolving,
      timerKind: 'RESOLUTION',
      dueAt: at(120),
    });
    await send(SlaWarning, { ...SlaWarning.fixture, caseId: unanswered, dueAt: at(60) });
    await send(SlaBreached, { ...SlaBreached.fixture, caseId: teamCase, dueAt: at(-10), breachedAt: at(-9) });
    const warnings = (id: string) =>
      database.dataSource
        .query(`SELECT count(*)::int AS n FROM case_timeline WHERE case_id = $1 AND kind LIKE 'SLA_%'`, [id])
        .then((rows: Json) => rows[0].n as number);
    await waitUntil(
      'the three SLA events handled',
      async () =>
        (await warnings(resolving)) + (await warnings(unanswered)) + (await warnings(teamCase)) === 3,
      { timeoutMs: 60_000 },
    );
    const atRisk = { schoolId: school, slaAtRisk: true };
    expect(await list(atRisk, member, 'SLA_DUE')).toEqual([teamCase, unanswered, resolving]);
    // Cases without a warned deadline come after every dated one, in the same order across pages.
    const everything = await list({ schoolId: school }, member, 'SLA_DUE');
    expect(everything.slice(0, 3)).toEqual([teamCase, unanswered, resolving]);
    expect(everything.slice(3)).toEqual([assigned]);

    // A reply meets the response timer, resolving meets the resolution timer.
    const replied = await graphql(
      'mutation($c: ID!) { replyToCase(caseId: $c, body: "We are on it.") { id } }',
      { c: unanswered },
      admin,
    );
    expect(replied.errors).toBeUndefined();
    const resolved = await graphql(
      'mutation($c: ID!) { setCaseStatus(caseId: $c, status: RESOLVED) { status } }',
      { c: resolving },
      admin,
    );
    expect(resolved.errors).toBeUndefined();
    expect(await list(atRisk, member, 'SLA_DUE')).toEqual([teamCase]);

    // A warning that a reply overtook on its way here lists nothing.
    await send(SlaWarning, { ...SlaWarning.fixture, caseId: unanswered, dueAt: at(60) });
    await producer.disconnect();
    await waitUntil('the late warning handled', async () => (await warnings(unanswered)) === 2, {
      timeoutMs: 60_000,
    });
    expect(await list(atRisk, member, 'SLA_DUE')).toEqual([teamCase]);
  });

  it('measures contacts per day, response and resolution times, backlog and reopen rate', async () => {
    // A fresh school, so that only this test's cases count.
    const school = randomUUID();
    await database.dataSource.query(
      `INSERT INTO known_school (id, name, time_zone, active) VALUES ($1, 'Metrics Elementary', 'America/Chicago', true)`,
      [school],
    );
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1)
      ids.push(await caseId((await submit({ schoolId: school, message: `Metrics case ${i}` })).caseNumber));
    const day = (offset: number, minutes = 0) => new Date(Date.UTC(2026, 10, 2 + offset, 15, minutes));
    // Backdate: opened on two days, answered after 30 and 50 minutes, one resolved after 4 hours.
    await database.dataSource.query(
      'UPDATE support_case SET created_at = $2, first_responded_at = $3 WHERE id = $1',
      [ids[0], day(0), day(0, 30)],
    );
    await database.dataSource.query(
      'UPDATE support_case SET created_at = $2, first_responded_at = $3, resolved_at = $4, status = $5 WHERE id = $1',
      [ids[1], day(0), day(0, 50), new Date(day(0).getTime() + 4 * 3_600_000), 'RESOLVED'],
    );
    await database.dataSource.query(
      `UPDATE support_case SET created_at = $2, channel = 'PHONE' WHERE id = $1`,
      [ids[2], day(1)],
    );
    await database.dataSource.query(
      `INSERT INTO case_timeline (case_id, kind, actor, details) VALUES ($1, 'STATUS_CHANGED', 'staff', '{"from": "OPEN", "to": "RESOLVED"}'), ($1, 'STATUS_CHANGED', 'staff', '{"from": "RESOLVED", "to": "OPEN"}')`,
      [ids[1]],
    );
    const query =
      'query($s: ID, $f: DateTime!, $t: DateTime!) { caseMetrics(range: { from: $f, to: $t }, schoolId: $s) { total perDay { day total byChannel { channel count } } byTopic { topicId count } bySchool { schoolId count } firstResponse { count meanMinutes medianMinutes p90Minutes } resolution { count medianMinutes } backlog resolved reopened reopenRate } }';
    const metrics = (
      await graphql(query, { s: school, f: '2026-11-01T00:00:00Z', t: '2026-11-10T00:00:00Z' }, viewer)
    ).data.caseMetrics;
    // Durations under an hour are exact; longer ones are read from 4 %-wide buckets, within 2 % (ADR 26).
    expect(Math.abs(metrics.resolution.medianMinutes - 240)).toBeLessThanOrEqual(0.02 * 240);
    expect(metrics).toEqual({
      total: 3,
      perDay: [
        { day: '2026-11-02', total: 2, byChannel: [{ channel: 'WEB_FORM', count: 2 }] },
        { day: '2026-11-03', total: 1, byChannel: [{ channel: 'PHONE', count: 1 }] },
      ],
      byTopic: [{ topicId, count: 3 }],
      bySchool: [{ schoolId: school, count: 3 }],
      firstResponse: { count: 2, meanMinutes: 40, medianMinutes: 40, p90Minutes: 48 },
      resolution: { count: 1, medianMinutes: metrics.resolution.medianMinutes },
      backlog: 2,
      resolved: 1,
      reopened: 1,
      reopenRate: 1,
    });
    // Another school's figures are its own staff's (ADR 17).
    const outside = await graphql(
      query,
      { s: school, f: '2026-11-01T00:00:00Z', t: '2026-11-10T00:00:00Z' },
      outsider,
    );
    expect(outside.errors[0].extensions.code).toBe('FORBIDDEN');
    const bad = await graphql(
      query,
      { s: school, f: '2026-11-10T00:00:00Z', t: '2026-11-01T00:00:00Z' },
      viewer,
    );
    expect(bad.errors[0].extensions.reason).toBe('INVALID_RANGE');
  });

  it('finds the topic whose contacts jump above its own baseline', async () => {
    const [{ id: routeTopic }] = await database.dataSource.query(
      `SELECT id FROM topic WHERE name = 'Bus stop or route'`,
    );
    const [{ id: steadyTopic }] = await database.dataSource.query(
      `SELECT id FROM topic WHERE name = 'Menu and allergies'`,
    );
    // Four weeks of history: one route complaint a day, then 9 and 8 in the last two days; menus steady at 3.
    const insert = (topic: string, daysAgo: number, count: number) =>
      database.dataSource.query(
        `INSERT INTO support_case (id, number, subject, channel, status, priority, topic_id, school_id, contact, language, tracking_token_hash, version, created_at)
         SELECT gen_random_uuid(), 'EI-' || md5(random()::text), 'history', 'WEB_FORM', 'RESOLVED', 'NORMAL', $1, $2,
                '{"name": null, "email": null, "phone": null}', 'en', md5(random()::text), 1, now() - make_interval(days => $3) - interval '1 minute'
           FROM generate_series(1, $4)`,
        [topic, schoolId, daysAgo, count],
      );
    for (let day = 2; day < 30; day += 1) {
      await insert(routeTopic, day, 1);
      await insert(steadyTopic, day, 3);
    }
    await insert(routeTopic, 1, 9);
    await insert(routeTopic, 0, 8);
    await insert(steadyTopic, 1, 3);
    await insert(steadyTopic, 0, 4);
    const issuesFor = async (reader: Principal) =>
      (
        await graphql(
          '{ emergingIssues { topic { name } observed expected zScore daily topSchools { schoolId count } } }',
          {},
          reader,
        )
      ).data.emergingIssues as Json[];
    const expectRouteSignal = (issues: Json[]) => {
      const route = issues.find((i: Json) => i.topic.name === 'Bus stop or route');
      expect(route).toMatchObject({ observed: 17, expected: 2, topSchools: [{ schoolId, count: 17 }] });
      expect(route!.zScore).toBeGreaterThan(3);
      expect(route!.daily.slice(-2)).toEqual([9, 8]);
      expect(route!.daily).toHaveLength(30);
      expect(issues.some((i: Json) => i.topic.name === 'Menu and allergies')).toBe(false);
      return route;
    };
    // The district's reader is answered from the rollups with the changes not folded yet; the school's
    // agent from the school's cases; the two agree, and so does the district's answer after the fold.
    const fromChanges = expectRouteSignal(await issuesFor(viewer));
    expect(expectRouteSignal(await issuesFor(agent))).toEqual(fromChanges);
    await waitUntil(
      'the rollups folded',
      async () =>
        (await database.dataSource.query('SELECT count(*)::int AS n FROM case_figure_change'))[0].n === 0,
      { timeoutMs: 20_000 },
    );
    expect(expectRouteSignal(await issuesFor(viewer))).toEqual(fromChanges);
    expect(await issuesFor(outsider)).toEqual([]);
  });
});
