/**
 * The reporting rollups (ADR 26) against the cases they count: three thousand cases over fourteen months,
 * then the changes a district makes (cases moved to another school or topic, answered, reopened, deleted),
 * read before the fold, after it and after a rebuild; each read checked against the cases counted
 * directly (an independent query here), exact for counts and within 2 % for the median and p90.
 */
import { createTestDatabase, type TestDatabase } from '@homeroom/platform/database/testing';
import { testLogger } from '@homeroom/platform/testing';
import { CASES_ENTITIES } from '../entities';
import { CASES_MIGRATIONS } from '../migrations';
import type { CaseVisibility } from '../services/case-actor';
import type { IntakeSettings } from '../services/case-intake.service';
import {
  type CaseMetrics,
  CaseMetricsService,
  figureFilter,
  type MetricsScope,
} from '../services/case-metrics.service';
import { TopicService } from '../services/topic.service';
import { CaseFiguresRollup } from './case-figures-rollup';

const TIME_ZONE = 'America/Chicago';
const NOW = new Date('2026-06-15T15:30:00Z');
const DAY = 86_400_000;
const SCHOOLS = [1, 2, 3, 4, 5].map((n) => `00000000-0000-4000-8000-00000000000${n}`);
const DISTRICT_ADMIN: CaseVisibility = { scope: 'all', confidential: true };
const DISTRICT_STAFF: CaseVisibility = { scope: 'all', confidential: false };
const SCHOOL_AGENT: CaseVisibility = { scope: 'schools', schoolIds: SCHOOLS.slice(0, 2), userId: 'agent' };

describe('reporting rollups (caseMetrics)', () => {
  let database: TestDatabase;
  let rollup: CaseFiguresRollup;
  let metrics: CaseMetricsService;
  let topics: string[];
  const settings: IntakeSettings = { numberPrefix: 'HR', timeZone: TIME_ZONE, defaultLanguage: 'en' };

  beforeAll(async () => {
    database = await createTestDatabase('case-figures', {
      migrations: CASES_MIGRATIONS,
      entities: CASES_ENTITIES,
    });
    const { dataSource } = database;
    rollup = new CaseFiguresRollup(dataSource, settings, testLogger());
    metrics = new CaseMetricsService(dataSource, settings, rollup);
    await new TopicService(dataSource).seedStarterTaxonomy();
    topics = (
      (await dataSource.query('SELECT id FROM topic WHERE parent_id IS NOT NULL LIMIT 3')) as { id: string }[]
    ).map((t) => t.id);
    await dataSource.query(
      `INSERT INTO known_school (id, name, time_zone, active) SELECT unnest($1::uuid[]), 'School', $2, true`,
      [SCHOOLS, TIME_ZONE],
    );
    // Built (empty) before the cases arrive: everything below reaches the rollups as changes.
    await rollup.ensureBuilt();
  });

  afterAll(() => database?.drop());

  const query = (sql: string, params: unknown[] = []) => database.dataSource.query(sql, params);

  /** Case g opened g × 7 minutes … before NOW, so 3,000 cases span about fourteen months. */
  async function openCases(): Promise<void> {
    await query(
      `INSERT INTO support_case (id, number, subject, channel, status, priority, topic_id, school_id, contact, language,
                                 tracking_token_hash, version, created_at, first_responded_at, resolved_at, confidential)
       SELECT md5('case' || g)::uuid, 'F-' || g, 'figure', (ARRAY['WEB_FORM','EMAIL','PHONE','WALK_IN','CHAT'])[1 + g % 5],
              CASE WHEN g % 4 = 0 THEN 'OPEN' ELSE 'RESOLVED' END, 'NORMAL',
              CASE WHEN g % 7 = 0 THEN NULL ELSE ($1::uuid[])[1 + g % 3] END,
              CASE WHEN g % 11 = 0 THEN NULL ELSE ($2::uuid[])[1 + (g * 7) % 5] END,
              '{"name": null, "email": null, "phone": null}', 'en', md5(g::text), 1, t,
              CASE WHEN g % 3 <> 0 THEN t + make_interval(secs => (g * 1_237) % 180_000) END,
              CASE WHEN g % 4 <> 0 THEN t + make_interval(mins => 20 + (g * 101) % 20_000) END,
              g % 13 = 0
         FROM generate_series(1, 3000) AS g,
              LATERAL (SELECT $3::timestamptz - make_interval(mins => g * 7 * 20 + g % 50) AS t) opened`,
      [topics, SCHOOLS, NOW],
    );
    await query(
      `INSERT INTO case_timeline (case_id, kind, actor, details, at)
       SELECT id, 'STATUS_CHANGED', 'system', '{"from": "OPEN", "to": "RESOLVED"}', resolved_at
         FROM support_case WHERE resolved_at IS NOT NULL`,
    );
  }

  /** What a district does to cases after they open. */
  async function changeCases(): Promise<void> {
    await query(`UPDATE support_case SET school_id = $1 WHERE substr(number, 3)::int % 17 = 0`, [SCHOOLS[4]]);
    await query(`UPDATE support_case SET topic_id = $1 WHERE substr(number, 3)::int % 19 = 0`, [topics[0]]);
    await query(
      `UPDATE support_case SET first_responded_at = created_at + interval '5 minutes'
        WHERE first_responded_at IS NULL AND substr(number, 3)::int % 2 = 0`,
    );
    await query(`UPDATE support_case SET confidential = true WHERE substr(number, 3)::int % 23 = 0`);
    // Reopened: the timeline says so, and the case is open again with no resolution time.
    await query(
      `INSERT INTO case_timeline (case_id, kind, actor, details)
       SELECT id, 'STATUS_CHANGED', 'staff', '{"from": "RESOLVED", "to": "OPEN"}'
         FROM support_case WHERE resolved_at IS NOT NULL AND substr(number, 3)::int % 9 = 0`,
    );
    await query(
      `UPDATE support_case SET status = 'OPEN', resolved_at = NULL
        WHERE resolved_at IS NOT NULL AND substr(number, 3)::int % 9 = 0`,
    );
    await query(`DELETE FROM support_case WHERE substr(number, 3)::int % 29 = 0`);
  }

  const range = (from: Date, to: Date) => ({ from, to });
  const RANGES: { name: string; range: { from: Date; to: Date } }[] = [
    { name: 'fourteen months ending now', range: range(new Date(NOW.getTime() - 425 * DAY), NOW) },
    {
      name: 'whole district months',
      range: range(new Date('2026-01-01T06:00:00Z'), new Date('2026-05-01T05:00:00Z')),
    },
    {
      name: '45 days from mid-morning',
      range: range(new Date('2026-03-03T16:20:00Z'), new Date('2026-04-17T16:20:00Z')),
    },
    { name: 'three hours', range: range(new Date('2026-02-10T15:00:00Z'), new Date('2026-02-10T18:00:00Z')) },
  ];
  const CALLERS: { name: string; scope: Partial<MetricsScope>; visibility: CaseVisibility }[] = [
    { name: 'the district admin', scope: {}, visibility: DISTRICT_ADMIN },
    { name: 'district staff (no confidential cases)', scope: {}, visibility: DISTRICT_STAFF },
    { name: 'an agent of two schools', scope: {}, visibility: SCHOOL_AGENT },
    { name: 'one school', scope: { schoolId: SCHOOLS[1] }, visibility: DISTRICT_ADMIN },
    { name: 'one topic', scope: { topicId: 'topic' }, visibility: DISTRICT_STAFF },
  ];
  const everyRead = () =>
    RANGES.flatMap((r) =>
      CALLERS.map((c) => ({
        name: `${r.name}, ${c.name}`,
        scope: { ...r.range, ...c.scope, ...(c.scope.topicId ? { topicId: topics[0] } : {}) },
        visibility: c.visibility,
      })),
    );

  async function readAll(): Promise<CaseMetrics[]> {
    const results: CaseMetrics[] = [];
    for (const read of everyRead()) results.push(await metrics.metrics(read.scope, read.visibility));
    return results;
  }

  /** The same figures straight from the cases and their timelines, written independently of the rollups. */
  async function counted(scope: MetricsScope, visibility: CaseVisibility) {
    const filter = figureFilter(scope, visibility);
    const params: unknown[] = [scope.from, scope.to];
    const conditions = ['c.created_at >= $1', 'c.created_at < $2'];
    if (filter.schoolIds) conditions.push(`c.school_id = ANY($${params.push(filter.schoolIds)}::uuid[])`);
    if (filter.topicId) conditions.push(`c.topic_id = $${params.push(filter.topicId)}`);
    if (!filter.withConfidential) conditions.push('NOT c.confidential');
    const where = conditions.join(' AND ');
    const tz = `$${params.length + 1}`;
    const perDay = (await query(
      `SELECT to_char(c.created_at AT TIME ZONE ${tz}, 'YYYY-MM-DD') AS day, c.channel, count(*)::int AS count
         FROM support_case c WHERE ${where} GROUP BY 1, 2 ORDER BY 1, 2`,
      [...params, TIME_ZONE],
    )) as { day: string; channel: string; count: number }[];
    const bySchool = (await query(
      `SELECT c.school_id AS "schoolId", count(*)::int AS count FROM support_case c WHERE ${where}
        GROUP BY 1 ORDER BY 1`,
      params,
    )) as { schoolId: string | null; count: number }[];
    const byTopic = (await query(
      `SELECT c.topic_id AS "topicId", count(*)::int AS count FROM support_case c WHERE ${where}
        GROUP BY 1 ORDER BY 1`,
      params,
    )) as { topicId: string | null; count: number }[];
    const [reopen] = (await query(
      `SELECT count(DISTINCT c.id) FILTER (WHERE t.details->>'from' = 'RESOLVED' AND t.details->>'to' = 'OPEN')::int AS reopened,
              count(DISTINCT c.id) FILTER (WHERE t.details->>'to' = 'RESOLVED')::int AS resolved
         FROM support_case c JOIN case_timeline t ON t.case_id = c.id AND t.kind = 'STATUS_CHANGED'
        WHERE ${where}`,
      params,
    )) as { reopened: number; resolved: number }[];
    const durations = (await query(
      `SELECT d.kind, count(*)::int AS count, avg(d.minutes)::float8 AS mean,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY round(d.minutes)) AS median,
              percentile_cont(0.9) WITHIN GROUP (ORDER BY round(d.minutes)) AS p90
         FROM support_case c
        CROSS JOIN LATERAL (VALUES ('f', extract(epoch FROM c.first_responded_at - c.created_at) / 60),
                                   ('r', extract(epoch FROM c.resolved_at - c.created_at) / 60)) d(kind, minutes)
        WHERE ${where} AND d.minutes IS NOT NULL GROUP BY 1`,
      params,
    )) as { kind: 'f' | 'r'; count: number; mean: number; median: number; p90: number }[];
    return { perDay, bySchool, byTopic, ...reopen!, durations };
  }

  function expectClose(actual: number | null, expected: number | undefined, relative: number) {
    if (expected === undefined) return expect(actual).toBeNull();
    expect(actual).not.toBeNull();
    expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(Math.max(relative * Math.abs(expected), 0.051));
  }

  async function expectCountedFigures(results: CaseMetrics[]) {
    const reads = everyRead();
    for (const [index, read] of reads.entries()) {
      const actual = results[index]!;
      const expected = await counted(read.scope, read.visibility);
      const context = read.name;
      expect({
        context,
        perDay: actual.perDay.flatMap((d) => d.byChannel.map((c) => ({ day: d.day, ...c }))),
      }).toEqual({
        context,
        perDay: expected.perDay,
      });
      const byKey = <T extends { count: number }>(rows: T[], key: (row: T) => string | null) =>
        [...rows].sort((a, b) => String(key(a)).localeCompare(String(key(b))));
      expect({ context, bySchool: byKey(actual.bySchool, (r) => r.schoolId) }).toEqual({
        context,
        bySchool: byKey(expected.bySchool, (r) => r.schoolId),
      });
      expect({ context, byTopic: byKey(actual.byTopic, (r) => r.topicId) }).toEqual({
        context,
        byTopic: byKey(expected.byTopic, (r) => r.topicId),
      });
      expect({ context, resolved: actual.resolved, reopened: actual.reopened }).toEqual({
        context,
        resolved: expected.resolved,
        reopened: expected.reopened,
      });
      for (const [kind, stats] of [
        ['f', actual.firstResponse],
        ['r', actual.resolution],
      ] as const) {
        const exact = expected.durations.find((d) => d.kind === kind);
        expect({ context, kind, count: stats.count }).toEqual({ context, kind, count: exact?.count ?? 0 });
        expectClose(stats.meanMinutes, exact?.mean, 0);
        expectClose(stats.medianMinutes, exact?.median, 0.02);
        expectClose(stats.p90Minutes, exact?.p90, 0.02);
      }
    }
  }

  it('counts every case as the cases themselves do, before the fold, after it and after a rebuild', async () => {
    await openCases();
    await changeCases();
    const pending = (await query('SELECT count(*)::int AS n FROM case_figure_change')) as [{ n: number }];
    expect(pending[0].n).toBeGreaterThan(3000);

    const unfolded = await readAll();
    await expectCountedFigures(unfolded);

    expect(await rollup.foldAll()).toBe(pending[0].n);
    expect(await query('SELECT count(*)::int AS n FROM case_figure_change')).toEqual([{ n: 0 }]);
    const folded = await readAll();
    expect(folded).toEqual(unfolded);

    await rollup.rebuild();
    const rebuilt = await readAll();
    expect(rebuilt).toEqual(folded);
  });

  it('writes no change for what the figures do not read', async () => {
    await query('DELETE FROM case_figure_change');
    await query(
      `UPDATE support_case SET priority = 'HIGH', subject = 'renamed' WHERE substr(number, 3)::int % 5 = 0`,
    );
    expect(await query('SELECT count(*)::int AS n FROM case_figure_change')).toEqual([{ n: 0 }]);
  });

  it('leaves the fold to the replica holding it', async () => {
    await query(`UPDATE support_case SET school_id = $1 WHERE substr(number, 3)::int % 31 = 0`, [SCHOOLS[0]]);
    const other = database.dataSource.createQueryRunner();
    try {
      await other.startTransaction();
      await other.query(`SELECT pg_advisory_xact_lock(hashtext('homeroom.case_figures'))`);
      expect(await rollup.fold(1_000)).toBe(0);
    } finally {
      await other.rollbackTransaction();
      await other.release();
    }
    expect(await rollup.fold(1_000)).toBeGreaterThan(0);
  });

  it('rebuilds once for another time zone, and empties with the cases', async () => {
    const honolulu = new CaseFiguresRollup(
      database.dataSource,
      { ...settings, timeZone: 'Pacific/Honolulu' },
      testLogger(),
    );
    const honoluluReplica = new CaseFiguresRollup(
      database.dataSource,
      { ...settings, timeZone: 'Pacific/Honolulu' },
      testLogger(),
    );
    expect(await honolulu.isCurrent()).toBe(false);
    // Two replicas starting together: one rebuilds, the other finds it done.
    const started = await Promise.all([honolulu.ensureBuilt(), honoluluReplica.ensureBuilt()]);
    expect(started.sort()).toEqual([false, true]);
    expect(await honolulu.ensureBuilt()).toBe(false);
    expect(await query('SELECT time_zone FROM case_figures_basis')).toEqual([
      { time_zone: 'Pacific/Honolulu' },
    ]);

    await query('TRUNCATE support_case CASCADE');
    expect(
      await query(
        'SELECT (SELECT count(*) FROM case_figures)::int AS counts, (SELECT count(*) FROM case_duration_figures)::int AS durations',
      ),
    ).toEqual([{ counts: 0, durations: 0 }]);
  });
});
