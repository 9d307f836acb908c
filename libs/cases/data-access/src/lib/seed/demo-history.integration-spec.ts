import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@homeroom/platform/database/testing';
import { starterTrainingSet } from '@homeroom/cases/triage';
import { CASES_ENTITIES } from '../entities';
import { CaseFiguresRollup } from '../figures/case-figures-rollup';
import { CASES_MIGRATIONS } from '../migrations';
import { EmergingIssuesService } from '../services/emerging-issues.service';
import { TopicService } from '../services/topic.service';
import { OutboxWriter } from '@homeroom/platform/messaging';
import { testLogger } from '@homeroom/platform/testing';
import { seedDemoHistory } from './demo-history';

describe('demo history', () => {
  let database: TestDatabase;
  const schools = [randomUUID(), randomUUID(), randomUUID()];
  const now = new Date('2026-11-25T20:00:00Z');
  const settings = { numberPrefix: 'HR', timeZone: 'America/Chicago', defaultLanguage: 'en' };

  beforeAll(async () => {
    database = await createTestDatabase('cases-demo-history', {
      migrations: CASES_MIGRATIONS,
      entities: CASES_ENTITIES,
    });
    await new TopicService(database.dataSource).seedStarterTaxonomy();
    for (const [i, id] of schools.entries()) {
      await database.dataSource.query(
        `INSERT INTO known_school (id, name, time_zone, active) VALUES ($1, $2, 'America/Chicago', true)`,
        [id, `School ${i}`],
      );
      for (const kind of ['GUARDIAN', 'GUARDIAN', 'STAFF'])
        await database.dataSource.query(
          'INSERT INTO known_person (id, kind, school_ids, active, contact_keys) VALUES ($1, $2, $3, true, $4)',
          [randomUUID(), kind, [id], []],
        );
    }
  });

  afterAll(() => database?.drop());

  const outbox = new OutboxWriter('cases');

  it('writes a believable year once: unique numbers, answers before resolutions, a surge the detector finds', async () => {
    const options = {
      now,
      days: 120,
      weekdayVolume: 25,
      inquiries: starterTrainingSet({ perLabel: 10 }),
      spike: { topic: 'Bus delay', days: 3, factor: 6 },
      timeZone: 'America/Chicago',
      numberPrefix: 'HR',
      seed: 7,
    };
    const summary = await seedDemoHistory(database.dataSource, outbox, options);
    expect(summary.cases).toBeGreaterThan(1_000);
    expect(summary.messages).toBeGreaterThan(summary.cases);

    const [facts] = await database.dataSource.query(
      `
      SELECT count(*)::int AS cases, count(DISTINCT number)::int AS numbers,
             count(*) FILTER (WHERE first_responded_at < created_at OR resolved_at < first_responded_at)::int AS out_of_order,
             count(*) FILTER (WHERE status IN ('RESOLVED', 'CLOSED'))::int AS resolved,
             count(*) FILTER (WHERE created_at > $1)::int AS future
      FROM support_case`,
      [now],
    );
    expect(facts).toMatchObject({ cases: summary.cases, numbers: summary.cases, out_of_order: 0, future: 0 });
    expect(facts.resolved / facts.cases).toBeGreaterThan(0.8);

    const [busDelay] = await database.dataSource.query(`SELECT id FROM topic WHERE name = 'Bus delay'`);
    // The history's storm is found from the rollups built on it, as the dashboard reads it.
    const rollup = new CaseFiguresRollup(database.dataSource, settings, testLogger());
    expect(await rollup.ensureBuilt()).toBe(true);
    const issues = await new EmergingIssuesService(database.dataSource, settings, rollup).detect(
      { scope: 'all', confidential: true },
      now,
    );
    expect(issues.map((issue) => issue.topicId)).toContain(busDelay.id);
    expect(issues.find((issue) => issue.topicId === busDelay.id)!.topSchools[0]!.schoolId).toBe(schools[0]);

    // The events the cases would have raised, marked imported, each case's in the order it lived them.
    const events = await database.dataSource.query(
      `SELECT envelope->>'type' AS type, count(*)::int AS n,
              count(*) FILTER (WHERE (envelope->>'imported')::boolean)::int AS imported
         FROM outbox_event GROUP BY 1`,
    );
    const counted = Object.fromEntries(events.map((e: { type: string; n: number }) => [e.type, e.n]));
    expect(counted['cases.CaseOpened']).toBe(summary.cases);
    expect(counted['cases.CaseMessageAdded']).toBe(summary.messages);
    expect(counted['cases.CaseResolved']).toBeGreaterThanOrEqual(facts.resolved);
    expect(events.every((e: { n: number; imported: number }) => e.n === e.imported)).toBe(true);
    const [disorder] = await database.dataSource.query(
      `SELECT count(*)::int AS n FROM (
         SELECT (envelope->>'occurredAt')::timestamptz AS at,
                lag((envelope->>'occurredAt')::timestamptz) OVER (PARTITION BY message_key ORDER BY position) AS before
           FROM outbox_event) e
        WHERE at < before`,
    );
    expect(disorder.n).toBe(0);

    // Numbering continues after the history; a second run changes nothing.
    const [sequence] = await database.dataSource.query(
      `SELECT last_value FROM case_number_sequence WHERE year = 2026`,
    );
    const [last] = await database.dataSource.query(
      `SELECT max(number) AS n FROM support_case WHERE number LIKE 'HR-2026-%'`,
    );
    expect(last.n).toBe(`HR-2026-${String(sequence.last_value).padStart(6, '0')}`);
    expect(await seedDemoHistory(database.dataSource, outbox, options)).toMatchObject({
      cases: 0,
      skipped: expect.any(String),
    });
  });
});
