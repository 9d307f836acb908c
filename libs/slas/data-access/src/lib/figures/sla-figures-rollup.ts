import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { durationBucketSql, type RollupDefinition, RollupKeeper } from '@homeroom/platform/database';
import { LOGGER, type Logger } from '@homeroom/platform/observability';

/** The district's time zone, whose days and months the SLA figures are kept in. */
export const SLA_FIGURES_SETTINGS = Symbol('SLA_FIGURES_SETTINGS');
export interface SlaFiguresSettings {
  timeZone: string;
}

/**
 * Every case and timer as a contribution, the shape of `sla_figure_change` with sign 1: a case opened
 * (kind `CASE`) and each of its timers, under the case's opening time and school; merged cases not at all.
 */
const FACT_CONTRIBUTIONS = `
  SELECT 1 AS sign, c.opened_at, c.school_id, 'CASE'::text AS kind, NULL::text AS status,
         NULL::float8 AS response_minutes
    FROM sla_case c WHERE NOT c.merged
  UNION ALL
  SELECT 1, c.opened_at, c.school_id, t.kind, t.status, t.response_business_minutes
    FROM sla_timer t JOIN sla_case c ON c.case_id = t.case_id WHERE NOT c.merged`;

const SCHOOL_KEY = `CASE WHEN GROUPING(school) = 1 THEN '*' ELSE school END`;

/** Kept by district day, ISO week (the school comparison's short ranges, ADR 26) and month. */
const GRAINS = { d: 'day', w: 'week', m: 'month' } as const;

function periods(source: string, timeZone: string): string {
  return Object.entries(GRAINS)
    .map(
      ([grain, unit]) => `
      SELECT s.*, coalesce(s.school_id::text, '-') AS school, '${grain}'::text AS grain,
             date_trunc('${unit}', s.opened_at AT TIME ZONE ${timeZone})::date AS period
        FROM (${source}) s`,
    )
    .join(' UNION ALL ');
}

/**
 * Counts per kind × district day, week and month, for the district (`school` '*') and each school ('-' for the
 * district office's cases): cases opened (kind `CASE`, in `total`), timers, met, breached and still open.
 * One statement for the fold, the rebuild and the read of changes not folded yet.
 */
export function slaCountsCubeSql(source: string, timeZone: string): string {
  return `
    SELECT kind, ${SCHOOL_KEY} AS school, grain, period, sum(sign)::int AS total,
           sum(CASE WHEN status = 'MET' THEN sign ELSE 0 END)::int AS met,
           sum(CASE WHEN status = 'BREACHED' THEN sign ELSE 0 END)::int AS breached,
           sum(CASE WHEN status IN ('RUNNING', 'PAUSED') THEN sign ELSE 0 END)::int AS open
      FROM (${periods(source, timeZone)}) x
     GROUP BY kind, grain, period, GROUPING SETS ((school), ())`;
}

/** The first responses' business minutes as a histogram (durationBucketSql), per day, week and month, district and school. */
export function slaResponsesCubeSql(source: string, timeZone: string): string {
  return `
    SELECT ${SCHOOL_KEY} AS school, grain, period, ${durationBucketSql('response_minutes')} AS bucket,
           sum(sign)::int AS count, sum(sign * response_minutes) AS total
      FROM (${periods(`SELECT * FROM (${source}) r WHERE kind = 'FIRST_RESPONSE' AND response_minutes IS NOT NULL`, timeZone)}) x
     GROUP BY grain, period, bucket, GROUPING SETS ((school), ())`;
}

export const SLA_FIGURES: RollupDefinition = {
  name: 'sla_figures',
  factTable: 'sla_case, sla_timer',
  changeTable: 'sla_figure_change',
  rollupTables: ['sla_figures', 'sla_response_figures'],
  basisTable: 'sla_figures_basis',
  contributions: FACT_CONTRIBUTIONS,
  async add(manager, source, timeZone) {
    await manager.query(
      `INSERT INTO sla_figures (kind, school, grain, period, total, met, breached, open) ${slaCountsCubeSql(source, '$1')}
       ON CONFLICT (kind, school, grain, period) DO UPDATE
          SET total = sla_figures.total + excluded.total, met = sla_figures.met + excluded.met,
              breached = sla_figures.breached + excluded.breached, open = sla_figures.open + excluded.open`,
      [timeZone],
    );
    await manager.query(
      `INSERT INTO sla_response_figures (school, grain, period, bucket, count, total) ${slaResponsesCubeSql(source, '$1')}
       ON CONFLICT (school, grain, period, bucket) DO UPDATE
          SET count = sla_response_figures.count + excluded.count, total = sla_response_figures.total + excluded.total`,
      [timeZone],
    );
  },
};

/** Keeps the SLA figures in the district's time zone; rebuilt at start-up when that changed. */
@Injectable()
export class SlaFiguresRollup extends RollupKeeper {
  constructor(
    dataSource: DataSource,
    @Inject(SLA_FIGURES_SETTINGS) settings: SlaFiguresSettings,
    @Inject(LOGGER) logger: Logger,
  ) {
    super(dataSource, SLA_FIGURES, settings.timeZone, logger);
  }
}
