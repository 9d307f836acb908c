/**
 * The dashboard's comparison of every school reads the SLA rollups of a range's days for all schools at
 * once. On rollups of realistic size (200 schools × 400 days, every kind) its statements must reach the
 * range's rows through the period index: a plan that reads whole tables (as the primary keys alone led
 * PostgreSQL to) fails here, whatever the machine's speed.
 */
import {
  createTestDatabase,
  type TestDatabase,
  withStatementPlans,
} from '@homeroom/platform/database/testing';
import { testLogger } from '@homeroom/platform/testing';
import { SLAS_ENTITIES } from '../entities';
import { SLAS_MIGRATIONS } from '../migrations';
import { slaFigures } from './sla-figures';
import { SlaFiguresRollup } from './sla-figures-rollup';

const TIME_ZONE = 'America/Chicago';
const SCHOOLS = 200;
const DAYS = 400;
const LAST_DAY = '2026-06-30';

describe('SLA rollups: every school over a range, through the period index', () => {
  let database: TestDatabase;
  let rollup: SlaFiguresRollup;

  beforeAll(async () => {
    database = await createTestDatabase('sla-figure-plans', {
      migrations: SLAS_MIGRATIONS,
      entities: SLAS_ENTITIES,
    });
    rollup = new SlaFiguresRollup(database.dataSource, { timeZone: TIME_ZONE }, testLogger());
    await rollup.ensureBuilt();
    // The rollups alone, as a district's three years leave them: a row per school, day and kind, months too.
    await database.dataSource.query(
      `INSERT INTO sla_figures (kind, school, grain, period, total, met, breached, open)
       SELECT kind, md5('s' || s)::uuid::text, 'd', $1::date - d, 4, 2, 1, 1
         FROM generate_series(1, $2::int) s, generate_series(0, $3::int - 1) d,
              unnest(ARRAY['CASE', 'FIRST_RESPONSE', 'NEXT_RESPONSE', 'RESOLUTION']) kind
       UNION ALL
       SELECT kind, md5('s' || s)::uuid::text, 'm', (date_trunc('month', $1::date) - make_interval(months => m))::date, 90, 50, 20, 20
         FROM generate_series(1, $2::int) s, generate_series(0, 12) m,
              unnest(ARRAY['CASE', 'FIRST_RESPONSE', 'NEXT_RESPONSE', 'RESOLUTION']) kind`,
      [LAST_DAY, SCHOOLS, DAYS],
    );
    await database.dataSource.query(
      `INSERT INTO sla_response_figures (school, grain, period, bucket, count, total)
       SELECT md5('s' || s)::uuid::text, 'd', $1::date - d, b, 2, 2 * b
         FROM generate_series(1, $2::int) s, generate_series(0, $3::int - 1) d, generate_series(1, 3) b`,
      [LAST_DAY, SCHOOLS, DAYS],
    );
    await database.dataSource.query('VACUUM ANALYZE sla_figures, sla_response_figures');
  }, 120_000);

  afterAll(() => database?.drop());

  it('reads a month of every school by period, not by scanning three years', async () => {
    const { result, plans } = await withStatementPlans(
      database.dataSource,
      () =>
        slaFigures(
          database.dataSource.manager,
          rollup,
          { from: new Date('2026-05-20T05:00:00Z'), to: new Date('2026-06-20T05:00:00Z') },
          true,
          TIME_ZONE,
        ),
      (sql) => /FROM sla_(response_)?figures\b/.test(sql),
    );
    expect(result).toHaveLength(SCHOOLS);
    expect(plans).toHaveLength(2);
    for (const plan of plans) {
      expect(plan).not.toMatch(/Seq Scan on sla_(response_)?figures\b/);
      expect(plan).toMatch(/ix_sla_(response_)?figures_period/);
    }
  });
});
