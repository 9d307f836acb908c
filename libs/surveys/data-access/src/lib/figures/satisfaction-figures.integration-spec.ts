/**
 * The satisfaction rollups (ADR 26) against the invitations they count: four thousand invitations over
 * fourteen months, then answers, a school corrected, invitations deleted; read before the fold, after it
 * and after a rebuild, each read equal to the invitations counted directly (an independent query here).
 */
import { createTestDatabase, type TestDatabase } from '@homeroom/platform/database/testing';
import { testLogger } from '@homeroom/platform/testing';
import { SURVEYS_ENTITIES } from '../entities';
import { SURVEYS_MIGRATIONS } from '../migrations';
import { seedSurveyDefaults } from '../seed/survey-defaults';
import { SatisfactionService, SATISFACTION_DIMENSIONS } from '../services/satisfaction.service';
import { SurveyService } from '../services/survey.service';
import { DEFAULT_SURVEY_SETTINGS, type SurveySettings } from '../survey-settings';
import {
  type SatisfactionScope,
  satisfactionCounts,
  type SatisfactionGrouping,
} from './satisfaction-figures';
import { SatisfactionRollup } from './satisfaction-rollup';

const NOW = new Date('2026-06-15T15:30:00Z');
const DAY = 86_400_000;
const SETTINGS: SurveySettings = { ...DEFAULT_SURVEY_SETTINGS, minimumGroupSize: 3 };

describe('satisfaction rollups', () => {
  let database: TestDatabase;
  let rollup: SatisfactionRollup;
  let service: SatisfactionService;

  beforeAll(async () => {
    database = await createTestDatabase('satisfaction-figures', {
      migrations: SURVEYS_MIGRATIONS,
      entities: SURVEYS_ENTITIES,
    });
    const { dataSource } = database;
    await seedSurveyDefaults(dataSource, new SurveyService(dataSource));
    rollup = new SatisfactionRollup(dataSource, SETTINGS, testLogger());
    service = new SatisfactionService(dataSource, SETTINGS, rollup);
    await rollup.ensureBuilt();
  });

  afterAll(() => database?.drop());

  const query = (sql: string, params: unknown[] = []) => database.dataSource.query(sql, params);
  const id = (label: string) =>
    query(`SELECT md5($1)::uuid AS id`, [label]).then((rows) => rows[0].id as string);

  /** Invitation g sent g × 150 minutes before NOW; two in three answered, scores 1–10. */
  async function sendAndAnswer(): Promise<void> {
    const [csat] = await query(`SELECT id FROM survey WHERE kind = 'CSAT'`);
    await query(
      `INSERT INTO survey_invitation (id, survey_id, version, case_id, case_number, person_id, channel, language,
         school_id, topic_id, assignee_id, case_channel, imported, sent_at, expires_at, responded_at, score)
       SELECT md5('i' || g)::uuid, $1, 1, md5('c' || g)::uuid, 'HR-' || g, md5('p' || g)::uuid, 'EMAIL', 'en',
              CASE WHEN g % 13 = 0 THEN NULL ELSE md5('s' || (g % 6))::uuid END, md5('t' || (g % 4))::uuid,
              CASE WHEN g % 7 = 0 THEN NULL ELSE md5('a' || (g % 9))::uuid END,
              CASE WHEN g % 11 = 0 THEN NULL ELSE (ARRAY['WEB_FORM','EMAIL','PHONE'])[1 + g % 3] END, true,
              sent, sent + interval '14 days',
              CASE WHEN g % 3 <> 2 THEN sent + interval '5 hours' END,
              CASE WHEN g % 3 <> 2 AND g % 17 <> 0 THEN 1 + (g * 7) % 10 END
         FROM generate_series(1, 4000) g, LATERAL (SELECT $2::timestamptz - make_interval(mins => g * 150) AS sent) s`,
      [csat.id, NOW],
    );
  }

  async function changeInvitations(): Promise<void> {
    await query(
      `UPDATE survey_invitation SET responded_at = sent_at + interval '1 day', score = 9
        WHERE responded_at IS NULL AND substr(case_number, 4)::int % 5 = 0`,
    );
    await query(
      `UPDATE survey_invitation SET school_id = md5('s1')::uuid WHERE substr(case_number, 4)::int % 19 = 0`,
    );
    await query(
      `UPDATE survey_invitation SET reminded_at = sent_at WHERE substr(case_number, 4)::int % 2 = 0`,
    );
    await query(`DELETE FROM survey_invitation WHERE substr(case_number, 4)::int % 23 = 0`);
  }

  const RANGES = [
    { from: new Date(NOW.getTime() - 400 * DAY), to: NOW },
    { from: new Date('2026-01-01T06:00:00Z'), to: new Date('2026-04-01T05:00:00Z') },
    { from: new Date('2026-03-03T16:20:00Z'), to: new Date('2026-04-17T16:20:00Z') },
    { from: new Date('2026-02-10T15:00:00Z'), to: new Date('2026-02-10T21:00:00Z') },
  ];
  /** Every grouping, and those a trend reads per month as well (`satisfactionTrends`). */
  const GROUPINGS: [SatisfactionGrouping, boolean][] = [
    ...(['NONE', ...SATISFACTION_DIMENSIONS] as const).map((g): [SatisfactionGrouping, boolean] => [
      g,
      false,
    ]),
    ['SCHOOL', true],
    ['ASSIGNEE', true],
  ];
  async function scopes(): Promise<SatisfactionScope[]> {
    const school = await id('s2');
    const topic = await id('t1');
    return RANGES.flatMap((range) => [
      range,
      { ...range, schoolId: school },
      { ...range, schoolId: school, topicId: topic },
    ]);
  }

  /** The same counts straight from the invitations, written independently of the rollups. */
  async function counted(scope: SatisfactionScope, grouping: SatisfactionGrouping, monthly = false) {
    const key: Record<SatisfactionGrouping, string> = {
      NONE: `'NONE'`,
      SCHOOL: `coalesce(school_id::text, 'NONE')`,
      TOPIC: `coalesce(topic_id::text, 'NONE')`,
      ASSIGNEE: `coalesce(assignee_id::text, 'NONE')`,
      CHANNEL: `coalesce(case_channel, 'NONE')`,
      MONTH: `to_char(sent_at AT TIME ZONE '${SETTINGS.timeZone}', 'YYYY-MM')`,
      WEEK: `to_char(sent_at AT TIME ZONE '${SETTINGS.timeZone}', 'IYYY-"W"IW')`,
    };
    const month = monthly ? key.MONTH : `''`;
    const rows = (await query(
      `SELECT ${key[grouping]} AS key, ${month} AS month, count(*)::int AS invitations, count(responded_at)::int AS responses,
              array_agg(score) FILTER (WHERE score IS NOT NULL) AS scores
         FROM survey_invitation
        WHERE survey_id = (SELECT id FROM survey WHERE kind = 'CSAT') AND sent_at >= $1 AND sent_at < $2
          AND ($3::uuid IS NULL OR school_id = $3) AND ($4::uuid IS NULL OR topic_id = $4)
        GROUP BY 1, 2 ORDER BY ${key[grouping]} COLLATE "C", 2`,
      [scope.from, scope.to, scope.schoolId ?? null, scope.topicId ?? null],
    )) as { key: string; month: string; invitations: number; responses: number; scores: number[] | null }[];
    return rows.map((row) => ({
      key: row.key,
      month: row.month,
      invitations: row.invitations,
      responses: row.responses,
      distribution: Array.from(
        { length: 10 },
        (_, i) => (row.scores ?? []).filter((s) => s === i + 1).length,
      ),
    }));
  }

  async function readAll() {
    const results = [];
    for (const scope of await scopes())
      for (const [grouping, monthly] of GROUPINGS)
        results.push(
          await satisfactionCounts(
            database.dataSource.manager,
            rollup,
            scope,
            grouping,
            SETTINGS.timeZone,
            monthly,
          ),
        );
    return results;
  }

  it('counts every invitation as the invitations themselves do, before the fold, after it and after a rebuild', async () => {
    await sendAndAnswer();
    await changeInvitations();
    const [{ n: waiting }] = await query('SELECT count(*)::int AS n FROM satisfaction_figure_change');
    expect(waiting).toBeGreaterThan(4000);

    const unfolded = await readAll();
    let index = 0;
    for (const scope of await scopes())
      for (const [grouping, monthly] of GROUPINGS) {
        expect({ scope, grouping, monthly, counts: unfolded[index++] }).toEqual({
          scope,
          grouping,
          monthly,
          counts: await counted(scope, grouping, monthly),
        });
      }

    expect(await rollup.foldAll()).toBe(waiting);
    expect(await readAll()).toEqual(unfolded);
    await rollup.rebuild();
    expect(await readAll()).toEqual(unfolded);
  });

  it('reports the same summary and breakdowns as before the rollups', async () => {
    const year = RANGES[0]!;
    const summary = await service.summary(year);
    const [exact] = await counted(year, 'NONE');
    expect(summary).toMatchObject({ invitations: exact!.invitations, responses: exact!.responses });
    const scores = exact!.distribution.flatMap((count, i) => Array(count).fill(i + 1) as number[]);
    expect(summary.csatMean).toBe(
      Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100,
    );
    expect(summary.lowScores).toBe(
      scores.filter((score) => score <= SETTINGS.lowSatisfactionThreshold).length,
    );
    const bySchool = await service.breakdown(year, 'SCHOOL');
    expect(bySchool.map((group) => group.key)).toEqual((await counted(year, 'SCHOOL')).map((row) => row.key));
  });

  it('writes no change for a reminder, and empties with the invitations', async () => {
    await query('DELETE FROM satisfaction_figure_change');
    await query(`UPDATE survey_invitation SET reminded_at = now(), remind_at = NULL`);
    expect(await query('SELECT count(*)::int AS n FROM satisfaction_figure_change')).toEqual([{ n: 0 }]);
    await query('TRUNCATE survey_invitation CASCADE');
    expect(await query('SELECT count(*)::int AS n FROM satisfaction_figures')).toEqual([{ n: 0 }]);
  });
});
