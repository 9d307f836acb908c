import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTestDatabase, type TestDatabase } from '@homeroom/platform/database/testing';
import { ruleMatches, type RoutableCase } from '@homeroom/cases/domain';
import { CASES_ENTITIES } from '../entities';
import { CASES_MIGRATIONS } from '../migrations';
import { RoutingService } from '../routing/routing.service';
import { TopicService } from '../services/topic.service';
import { seedDemoRoutingRules } from './demo-routing-rules';

describe('demo routing rules', () => {
  let database: TestDatabase;
  let routing: RoutingService;
  /** The demo directory's department teams as the cases service knows them, by name. */
  const teams = {
    Transportation: randomUUID(),
    Enrollment: randomUUID(),
    'Special Education': randomUUID(),
    'Nutrition Services': randomUUID(),
    Communications: randomUUID(),
  };
  const quick = { waitMs: 300, pollMs: 50 };

  const knowTeam = (id: string, name: string, schoolId: string | null, active: boolean) =>
    database.dataSource.query(
      'INSERT INTO known_team (id, name, school_id, active) VALUES ($1, $2, $3, $4)',
      [id, name, schoolId, active],
    );
  const ruleCount = async () =>
    ((await database.dataSource.query('SELECT count(*)::int AS n FROM routing_rule')) as { n: number }[])[0]!
      .n;
  /** A topic's id and, for a top-level topic, its subtopics' ids, sorted. */
  const topicFamily = async (...names: string[]) =>
    (
      (await database.dataSource.query(
        `SELECT t.id FROM topic t LEFT JOIN topic p ON p.id = t.parent_id
          WHERE t.name = ANY($1) OR (p.name = ANY($1) AND p.parent_id IS NULL)`,
        [names],
      )) as { id: string }[]
    )
      .map((row) => row.id)
      .sort();

  beforeAll(async () => {
    database = await createTestDatabase('cases-demo-routing-rules', {
      migrations: CASES_MIGRATIONS,
      entities: CASES_ENTITIES,
    });
    routing = new RoutingService(database.dataSource);
    await new TopicService(database.dataSource).seedStarterTaxonomy();
    // Every department team known but Nutrition Services, which is known only as deactivated; and a
    // school's own team that happens to be called Transportation, which the district's rules must not take.
    for (const [name, id] of Object.entries(teams))
      await knowTeam(id, name, null, name !== 'Nutrition Services');
    await knowTeam(randomUUID(), 'Transportation', randomUUID(), true);
  });

  afterAll(() => database?.drop());

  it('fails clearly, creating nothing, when a team the rules name is not known in time', async () => {
    const started = Date.now();
    await expect(seedDemoRoutingRules(database.dataSource, quick)).rejects.toThrow(
      /does not know the directory's 'Nutrition Services' team .* no demo routing rules created/,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(quick.waitMs);
    expect(await ruleCount()).toBe(0);
  });

  it('fails clearly when a starter topic the rules name is gone, rather than match every case', async () => {
    await database.dataSource.query(`UPDATE topic SET active = false WHERE name = 'Special education'`);
    try {
      await expect(seedDemoRoutingRules(database.dataSource, quick)).rejects.toThrow(
        /no active topic named 'Special education'/,
      );
      expect(await ruleCount()).toBe(0);
    } finally {
      await database.dataSource.query(`UPDATE topic SET active = true WHERE name = 'Special education'`);
    }
  });

  it('waits for the teams, then creates the rules in order with their teams and conditions', async () => {
    const seeding = seedDemoRoutingRules(database.dataSource, { waitMs: 30_000, pollMs: 50 });
    await sleep(300);
    expect(await ruleCount()).toBe(0);
    // The directory's next snapshot: the team is active again.
    await database.dataSource.query('UPDATE known_team SET active = true WHERE id = $1', [
      teams['Nutrition Services'],
    ]);
    const summary = await seeding;
    expect(summary.skipped).toBeUndefined();

    const rules = (await routing.list()).map((rule) => ({
      position: rule.position,
      name: rule.name,
      active: rule.active,
      conditions: { ...rule.conditions, topicIds: rule.conditions.topicIds?.slice().sort() },
      actions: rule.actions,
    }));
    expect(summary.rules.map((rule) => rule.id)).toEqual((await routing.list()).map((rule) => rule.id));
    expect(rules).toEqual([
      {
        position: 1,
        name: 'Special education to the Special Education team',
        active: true,
        conditions: { topicIds: await topicFamily('Special education') },
        actions: { teamId: teams['Special Education'], priority: 'HIGH', tags: [] },
      },
      {
        position: 2,
        name: 'Food allergies to Nutrition Services',
        active: true,
        conditions: { keywords: ['allergy', 'allergies', 'allergic', 'anaphylaxis', 'EpiPen'] },
        actions: { teamId: teams['Nutrition Services'], tags: ['allergy'] },
      },
      {
        position: 3,
        name: 'Transportation to the Transportation team',
        active: true,
        conditions: { topicIds: await topicFamily('Transportation') },
        actions: { teamId: teams.Transportation, tags: [] },
      },
      {
        position: 4,
        name: 'Enrollment to the Enrollment team',
        active: true,
        conditions: { topicIds: await topicFamily('Enrollment') },
        actions: { teamId: teams.Enrollment, tags: [] },
      },
      {
        position: 5,
        name: 'Website and notifications to Communications',
        active: true,
        conditions: { topicIds: await topicFamily('Website', 'Notifications') },
        actions: { teamId: teams.Communications, tags: [] },
      },
    ]);
    // The families are the starter taxonomy's: the top-level topic and every subtopic under it.
    expect(rules[2]!.conditions.topicIds).toHaveLength(5);
    expect(rules[3]!.conditions.topicIds).toHaveLength(4);

    // What a new case meets: the first rule that matches decides.
    const idOf = async (name: string) =>
      (
        (await database.dataSource.query('SELECT id FROM topic WHERE name = $1', [name])) as { id: string }[]
      )[0]!.id;
    const decidedBy = (topicId: string | null, text: string) => {
      const candidate: RoutableCase = {
        topicId,
        text,
        schoolId: null,
        channel: 'WEB_FORM',
        language: 'en',
        priority: 'NORMAL',
      };
      return summary.rules.find((rule) => ruleMatches(rule.conditions, candidate))?.name ?? null;
    };
    expect(decidedBy(await idOf('Bus delay'), 'The bus was 40 minutes late again.')).toBe(
      'Transportation to the Transportation team',
    );
    expect(decidedBy(await idOf('Transfer'), 'We are moving across town in March.')).toBe(
      'Enrollment to the Enrollment team',
    );
    expect(decidedBy(null, 'My son is allergic to peanuts; what is on the menu Friday?')).toBe(
      'Food allergies to Nutrition Services',
    );
    expect(decidedBy(await idOf('Grades'), 'Her report card grade looks wrong.')).toBeNull();
  });

  it('creates nothing on a second call', async () => {
    const before = await routing.list();
    expect(await seedDemoRoutingRules(database.dataSource, quick)).toEqual({
      rules: [],
      skipped: 'the district already has routing rules',
    });
    expect(await routing.list()).toEqual(before);
  });

  it("never touches a district's own rules: one rule of its own and nothing is seeded, without waiting", async () => {
    for (const rule of await routing.list()) await routing.delete(rule.id);
    const own = await routing.create({
      name: 'Everything to the front office',
      conditions: {},
      actions: { tags: ['front-office'] },
    });
    // Even with a team unknown, a district with rules is left alone at once.
    await database.dataSource.query('DELETE FROM known_team WHERE id = $1', [teams.Enrollment]);
    const started = Date.now();
    expect(await seedDemoRoutingRules(database.dataSource, { waitMs: 60_000, pollMs: 50 })).toMatchObject({
      rules: [],
      skipped: expect.any(String),
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await routing.list()).toEqual([own]);
  });
});
