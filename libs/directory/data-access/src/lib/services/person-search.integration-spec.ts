import {
  createTestDatabase,
  type TestDatabase,
  withStatementPlans,
} from '@homeroom/platform/database/testing';
import { OutboxWriter } from '@homeroom/platform/messaging';
import { InvalidInputException } from '@homeroom/shared/errors';
import { DIRECTORY_ENTITIES } from '../entities';
import { DIRECTORY_MIGRATIONS } from '../migrations';
import { PersonService } from './person.service';
import { EVERYONE } from './person-visibility';

const PEOPLE = 30_000;
const GIVEN = ['ana', 'jose', 'maria', 'alicia', 'noah', 'emma', 'mateo', 'sofia', 'amir', 'fatima'];
const FAMILY = [
  'garcia',
  'smith',
  'nguyen',
  'johnson',
  'martinez',
  'brown',
  'chen',
  'patel',
  'okafor',
  'haddad',
];

describe('people search', () => {
  let database: TestDatabase;
  let people: PersonService;

  beforeAll(async () => {
    database = await createTestDatabase('person-search', {
      migrations: DIRECTORY_MIGRATIONS,
      entities: DIRECTORY_ENTITIES,
    });
    // Enough people that the planner prefers an index wherever one serves the search; every thousandth
    // is a Li, a two-letter name only the start of a word can find (and that is inside every Alicia).
    await database.dataSource.query(
      `INSERT INTO person (kind, given_name, family_name, preferred_language, search_text, version)
       SELECT 'GUARDIAN', n.given, n.family, 'en', n.given || ' ' || n.family || ' ' || n.given || '.' || n.family || g || '@example.org', 1
         FROM generate_series(1, $3::int) AS g,
              LATERAL (SELECT CASE WHEN g % 1000 = 0 THEN 'wei' ELSE ($1::text[])[1 + g % 10] END AS given,
                              CASE WHEN g % 1000 = 0 THEN 'li' ELSE ($2::text[])[1 + (g / 10) % 10] END AS family) n`,
      [GIVEN, FAMILY, PEOPLE],
    );
    // As autovacuum would: the index's pending entries merged, statistics gathered.
    await database.dataSource.query('VACUUM ANALYZE person');
    people = new PersonService(database.dataSource, new OutboxWriter('directory'));
  });

  afterAll(() => database?.drop());

  /** The search's page and total, and the plan of every statement it sent about people. */
  async function search(text: string) {
    const { result, plans } = await withStatementPlans(
      database.dataSource,
      () => people.page({ search: text }, { limit: 25 }, EVERYONE),
      (sql) => /\bperson\b/.test(sql),
    );
    return { ...result, plans };
  }

  it.each([
    ['a given and a family name', 'Wei Li'],
    ['a name of two letters', 'li'],
    ['an email fragment', 'alicia.okafor17'],
    ['as many words as a search may have', 'wei li wei.li1000@example.org 1000 exa org wei.li li@'],
  ])('finds people by %s through the trigram index, never reading everyone', async (_, text) => {
    const { plans } = await search(text);
    for (const plan of plans) expect(plan).not.toMatch(/Seq Scan on person/);
    expect(plans.join('\n')).toMatch(/ix_person_search_text/);
  });

  it('finds a word of one or two letters at the start of a word only', async () => {
    const li = await search('LI');
    expect(li.total).toBe(PEOPLE / 1000);
    expect(li.rows.every((person) => person.familyName === 'li')).toBe(true);
    // Longer words still match anywhere: "lici" is inside every Alicia.
    expect((await search('lici')).total).toBe(PEOPLE / 10);
  });

  it('refuses a search of more words than it takes, before asking the database', async () => {
    const words = Array.from({ length: 300_000 }, (_, i) => `w${i}`).join(' ');
    const { plans: statements } = await withStatementPlans(
      database.dataSource,
      () =>
        expect(people.page({ search: words }, { limit: 25 }, EVERYONE)).rejects.toMatchObject({
          constructor: InvalidInputException,
          reason: 'TOO_MANY_SEARCH_TERMS',
          details: [{ path: 'filter.search', message: 'at most 8 words' }],
        }),
      () => true,
    );
    expect(statements).toEqual([]);
  });
});
