/**
 * The SLA rollups (ADR 26) against the cases and timers they count: three thousand cases over fourteen
 * months with their timers, then responses, breaches, a case moved to another school, cases merged away and
 * timers deleted; read before the fold, after it and after a rebuild, each read equal to the facts counted
 * directly (an independent query here).
 */
import { durationBucket, durationStats } from '@homeroom/platform/database';
import { createTestDatabase, type TestDatabase } from '@homeroom/platform/database/testing';
import { testLogger } from '@homeroom/platform/testing';
import { SLA_TIMER_KINDS } from '@homeroom/slas/domain';
import { SLAS_ENTITIES } from '../entities';
import { SLAS_MIGRATIONS } from '../migrations';
import { seedSlaDefaults } from '../seed/sla-defaults';
import { CalendarService } from '../services/calendar.service';
import { PolicyService } from '../services/policy.service';
import { type SlaFigureGroup, type SlaFigureScope, slaFigures } from './sla-figures';
import { SlaFiguresRollup } from './sla-figures-rollup';

const NOW = new Date('2026-06-15T15:30:00Z');
const DAY = 86_400_000;
const TIME_ZONE = 'America/Chicago';

describe('SLA attainment rollups', () => {
  let database: TestDatabase;
  let rollup: SlaFiguresRollup;

  beforeAll(async () => {
    database = await createTestDatabase('sla-figures', {
      migrations: SLAS_MIGRATIONS,
      entities: SLAS_ENTITIES,
    });
    const { dataSource } = database;
    await seedSlaDefaults(new CalendarService(dataSource), new PolicyService(dataSource));
    rollup = new SlaFiguresRollup(dataSource, { timeZone: TIME_ZONE }, testLogger());
    await rollup.ensureBuilt();
  });

  afterAll(() => database?.drop());

  const query = (sql: string, params: unknown[] = []) => database.dataSource.query(sql, params);
  const id = (label: string) =>
    query(`SELECT md5($1)::uuid AS id`, [label]).then((rows) => rows[0].id as string);

  /** Case g opened g × 200 minutes before NOW at one of six schools (every 13th at none), with its timers. */
  async function openCases(): Promise<void> {
    const [policy] = await query(`SELECT id FROM sla_policy LIMIT 1`);
    await query(
      `INSERT INTO sla_case (case_id, priority, topic_id, school_id, channel, status, policy_id, opened_at,
         last_inbound_at, awaiting_reply, last_event_at)
       SELECT md5('c' || g)::uuid, 'NORMAL', md5('t' || (g % 4))::uuid,
              CASE WHEN g % 13 = 0 THEN NULL ELSE md5('s' || (g % 6))::uuid END, 'EMAIL', 'OPEN', $1, opened,
              opened, true, opened
         FROM generate_series(1, 3000) g, LATERAL (SELECT $2::timestamptz - make_interval(mins => g * 200) AS opened) o`,
      [policy.id, NOW],
    );
    await query(
      `INSERT INTO sla_timer (case_id, kind, target_minutes, clock, warn_at_percent, status, started_at,
         consumed_minutes, last_event_at, policy_id, met_at, response_business_minutes, version)
       SELECT c.case_id, k.kind, 480, 'BUSINESS', 75,
              CASE WHEN k.kind = 'NEXT_RESPONSE' THEN 'PAUSED'
                   WHEN g % 5 = 0 THEN 'RUNNING' WHEN g % 7 = 0 THEN 'BREACHED' ELSE 'MET' END,
              c.opened_at, 0, c.opened_at, $1,
              CASE WHEN k.kind = 'FIRST_RESPONSE' AND g % 5 <> 0 THEN c.opened_at + interval '1 hour' END,
              CASE WHEN k.kind = 'FIRST_RESPONSE' AND g % 5 <> 0 THEN (g * 37) % 1500 + 0.25 END, 1
         FROM generate_series(1, 3000) g
         JOIN sla_case c ON c.case_id = md5('c' || g)::uuid
         CROSS JOIN (VALUES ('FIRST_RESPONSE'), ('RESOLUTION'), ('NEXT_RESPONSE')) k(kind)
        WHERE k.kind <> 'NEXT_RESPONSE' OR g % 3 = 0`,
      [policy.id],
    );
  }

  async function changeFacts(): Promise<void> {
    const caseOf = (modulo: number) =>
      `case_id IN (SELECT md5('c' || g)::uuid FROM generate_series(1, 3000) g WHERE g % ${modulo} = 0)`;
    await query(
      `UPDATE sla_timer SET status = 'MET', met_at = started_at + interval '2 days', response_business_minutes = 960
        WHERE kind = 'FIRST_RESPONSE' AND status = 'RUNNING' AND ${caseOf(10)}`,
    );
    await query(`UPDATE sla_timer SET status = 'BREACHED' WHERE kind = 'RESOLUTION' AND ${caseOf(11)}`);
    // Minutes consumed and deadlines moved change no figure.
    await query(`UPDATE sla_timer SET consumed_minutes = consumed_minutes + 5, due_at = now()`);
    await query(`UPDATE sla_case SET school_id = md5('s1')::uuid WHERE ${caseOf(19)}`);
    await query(`UPDATE sla_case SET merged = true WHERE ${caseOf(29)}`);
    await query(`DELETE FROM sla_timer WHERE kind = 'NEXT_RESPONSE' AND ${caseOf(9)}`);
  }

  const RANGES = [
    { from: new Date(NOW.getTime() - 400 * DAY), to: NOW },
    { from: new Date('2026-01-01T06:00:00Z'), to: new Date('2026-04-01T05:00:00Z') },
    { from: new Date('2026-03-03T16:20:00Z'), to: new Date('2026-04-17T16:20:00Z') },
    { from: new Date('2026-02-10T15:00:00Z'), to: new Date('2026-02-10T21:00:00Z') },
    // The dashboard's 35 days: days, then weeks (one across a month's end), then days.
    { from: new Date('2026-05-07T17:00:00Z'), to: new Date('2026-06-11T17:00:00Z') },
  ];
  async function scopes(): Promise<SlaFigureScope[]> {
    const school = await id('s2');
    const topic = await id('t1');
    return RANGES.flatMap((range) => [range, { ...range, schoolId: school }, { ...range, topicId: topic }]);
  }

  /** A group as compared: the counts, and the first responses' statistics from their histogram. */
  const comparable = (group: SlaFigureGroup) => ({
    schoolId: group.schoolId,
    cases: group.cases,
    byKind: Object.fromEntries(group.byKind),
    responses: durationStats(group.responses),
  });

  /** The same figures straight from the cases and timers, written independently of the rollups. */
  async function counted(scope: SlaFigureScope, bySchool: boolean) {
    const where = `NOT c.merged AND c.opened_at >= $1 AND c.opened_at < $2
      AND ($3::uuid IS NULL OR c.school_id = $3) AND ($4::uuid IS NULL OR c.topic_id = $4)`;
    const school = bySchool ? 'c.school_id' : 'NULL::uuid';
    const params = [scope.from, scope.to, scope.schoolId ?? null, scope.topicId ?? null];
    const cases = (await query(
      `SELECT ${school} AS school, count(*)::int AS cases FROM sla_case c WHERE ${where} GROUP BY 1`,
      params,
    )) as { school: string | null; cases: number }[];
    const timers = (await query(
      `SELECT ${school} AS school, t.kind, t.status, t.response_business_minutes AS minutes
         FROM sla_case c JOIN sla_timer t ON t.case_id = c.case_id WHERE ${where}`,
      params,
    )) as { school: string | null; kind: string; status: string; minutes: number | null }[];
    return cases
      .map(({ school: schoolId, cases: count }) => {
        const own = timers.filter((timer) => timer.school === schoolId);
        const kinds = SLA_TIMER_KINDS.map((kind) => {
          const ofKind = own.filter((timer) => timer.kind === kind);
          const withStatus = (...statuses: string[]) =>
            ofKind.filter((t) => statuses.includes(t.status)).length;
          return [
            kind,
            {
              total: ofKind.length,
              met: withStatus('MET'),
              breached: withStatus('BREACHED'),
              open: withStatus('RUNNING', 'PAUSED'),
            },
          ] as const;
        });
        const minutes = own
          .filter((t) => t.kind === 'FIRST_RESPONSE' && t.minutes !== null)
          .map((t) => Number(t.minutes));
        return {
          schoolId,
          cases: count,
          byKind: Object.fromEntries(kinds),
          responses: durationStats(
            minutes.map((value) => ({ bucket: durationBucket(value), count: 1, total: value })),
          ),
        };
      })
      .sort((a, b) => String(a.schoolId).localeCompare(String(b.schoolId)));
  }

  async function readAll() {
    const results = [];
    for (const scope of await scopes())
      for (const bySchool of [false, true])
        results.push(
          (await slaFigures(database.dataSource.manager, rollup, scope, bySchool, TIME_ZONE))
            .map(comparable)
            .sort((a, b) => String(a.schoolId).localeCompare(String(b.schoolId))),
        );
    return results;
  }

  it('counts every case and timer as the facts themselves do, before the fold, after it and after a rebuild', async () => {
    await openCases();
    await changeFacts();
    const [{ n: waiting }] = await query('SELECT count(*)::int AS n FROM sla_figure_change');
    expect(waiting).toBeGreaterThan(9000);

    const unfolded = await readAll();
    let index = 0;
    for (const scope of await scopes())
      for (const bySchool of [false, true])
        expect({ scope, bySchool, figures: unfolded[index++] }).toEqual({
          scope,
          bySchool,
          figures: await counted(scope, bySchool),
        });
    // The year's figures are not empty: the comparison above compared something.
    expect(unfolded[0]![0]!.cases).toBeGreaterThan(2000);
    expect(unfolded[1]!.length).toBe(7);

    expect(await rollup.foldAll()).toBe(waiting);
    expect(await readAll()).toEqual(unfolded);
    await rollup.rebuild();
    expect(await readAll()).toEqual(unfolded);
  });

  it('empties with the timers, keeping the cases', async () => {
    const year = RANGES[0]!;
    await query('TRUNCATE sla_timer');
    await rollup.foldAll();
    const [figures] = await slaFigures(database.dataSource.manager, rollup, year, false, TIME_ZONE);
    expect(comparable(figures!)).toEqual((await counted(year, false))[0]);
    expect(figures!.byKind.get('FIRST_RESPONSE')!.total).toBe(0);
    expect(figures!.cases).toBeGreaterThan(2000);
  });
});
