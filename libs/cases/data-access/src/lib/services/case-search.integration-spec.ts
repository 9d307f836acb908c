import {
  createTestDatabase,
  type TestDatabase,
  withStatementPlans,
} from '@homeroom/platform/database/testing';
import { CASES_ENTITIES } from '../entities';
import { CASES_MIGRATIONS } from '../migrations';
import { CaseQueryService } from './case-query.service';

const CASES = 30_000;
/** What most cases are about: none of them holds a word that starts with "li". */
const SUBJECTS = [
  'Bus 14 was late this morning',
  'Lunch menu question',
  'Bullying at recess',
  'Change of address',
  'Report card grades',
  'Enrollment for next year',
  'Late pickup fee',
  'Parking near the gym',
  'Field day volunteers',
  'Homework help',
];
const EVERYONE = { scope: 'all' as const, confidential: true };

describe('case search', () => {
  let database: TestDatabase;
  let cases: CaseQueryService;

  beforeAll(async () => {
    database = await createTestDatabase('case-search', {
      migrations: CASES_MIGRATIONS,
      entities: CASES_ENTITIES,
    });
    // Enough cases that the planner prefers an index wherever one serves the search, and a few of each
    // that the tests look for: from Li Wei (a two-letter name only the start of a word can find), about
    // the library, about a permission slip.
    await database.dataSource.query(
      `INSERT INTO support_case (id, number, subject, channel, status, priority, contact, language, tracking_token_hash, version, created_at)
       SELECT gen_random_uuid(), 'HR-2026-' || lpad(g::text, 6, '0'),
              CASE g % 1000 WHEN 0 THEN 'Question from Li Wei ' || g
                             WHEN 1 THEN 'Wi-Fi at the library ' || g
                             WHEN 2 THEN 'Field trip permission slip ' || g
                             ELSE ($1::text[])[1 + g % 10] || ' ' || md5(g::text) END,
              'WEB_FORM', 'OPEN', 'NORMAL', '{"name": null, "email": null, "phone": null}', 'en', md5(g::text), 1,
              now() - make_interval(mins => g)
         FROM generate_series(1, $2::int) AS g`,
      [SUBJECTS, CASES],
    );
    // As autovacuum would: the index's pending entries merged, statistics gathered.
    await database.dataSource.query('VACUUM ANALYZE support_case');
    cases = new CaseQueryService(database.dataSource);
  });

  afterAll(() => database?.drop());

  /** The search's rows and total, and the plan of every statement it sent. */
  async function search(text: string) {
    const { result, plans } = await withStatementPlans(
      database.dataSource,
      () => cases.page({ search: text }, 20, undefined, EVERYONE),
      (sql) => sql.includes('support_case'),
    );
    return { ...result, plans };
  }

  it.each([
    ['words of a subject', 'permission slip'],
    ['a word of two letters', 'Li'],
    ['a case number', 'HR-2026-000123'],
    ['text as long as a search may be', 'late bus '.repeat(22)],
  ])('finds %s through an index, never reading every case', async (_, text) => {
    const { plans } = await search(text);
    expect(plans).toHaveLength(2); // the count and the page
    for (const plan of plans) expect(plan).not.toMatch(/Seq Scan on support_case/);
    expect(plans[0]).toMatch(/ix_support_case_subject_trgm/);
  });

  it('matches the subject anywhere, case ignored, and a short word at the start of a word', async () => {
    const slips = await search('PERMISSION slip');
    expect(slips.total).toBe(CASES / 1000);
    expect(slips.rows.every((row) => row.subject.startsWith('Field trip permission slip'))).toBe(true);

    // "li" starts "Li Wei" and "library", but is not searched inside "Bullying" or "Field".
    const li = await search('li');
    expect(li.total).toBe((2 * CASES) / 1000);
    expect(li.rows.every((row) => /(^|\s)li/i.test(row.subject))).toBe(true);

    const byNumber = await search('hr-2026-000123');
    expect(byNumber.rows.map((row) => row.number)).toEqual(['HR-2026-000123']);
    expect((await search('100%')).total).toBe(0);
  });
});
