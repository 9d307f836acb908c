import { durationBucketSql } from '@homeroom/platform/database';

/**
 * The SQL that turns cases' contributions into the reporting rollups (ADR 26). A contribution is what one
 * case adds to the figures: a row of `case_figure_change` (signed, as the triggers wrote it when the case
 * changed) or, for a rebuild, the case itself (`CASE_CONTRIBUTIONS`). One cube SQL serves the fold, the
 * rebuild and the read of changes not folded yet, so the three cannot disagree.
 *
 * Keys: `school`, `topic` and `channel` are the id (or channel) as text, `-` for none, `*` for all.
 * Days and months are the district's, in the time zone given as a parameter.
 */

/** Every case as a contribution: the shape of `case_figure_change`, with sign 1. */
export const CASE_CONTRIBUTIONS = `
  SELECT 1 AS sign, c.created_at, c.school_id, c.topic_id, c.channel, c.confidential,
         (extract(epoch FROM c.first_responded_at - c.created_at) / 60)::float8 AS first_response_minutes,
         (extract(epoch FROM c.resolved_at - c.created_at) / 60)::float8 AS resolution_minutes,
         c.was_resolved AS resolved, c.was_reopened AS reopened
    FROM support_case c`;

export const COUNT_COLUMNS =
  'grain, period, school, topic, channel, confidential, opened, resolved, reopened';
export const DURATION_COLUMNS =
  'grain, period, school, topic, confidential, kind, bucket, count, total_minutes';

const KEYED = (column: string) =>
  `CASE WHEN GROUPING(${column}) = 1 THEN '*' ELSE ${column} END AS ${column}`;

/** The contributions with their district day or month and their text keys. */
function localized(source: string, timeZone: string, grain: 'd' | 'm'): string {
  const unit = grain === 'd' ? 'day' : 'month';
  return `SELECT s.sign, s.confidential, s.resolved, s.reopened, s.channel,
                 s.first_response_minutes, s.resolution_minutes,
                 coalesce(s.school_id::text, '-') AS school, coalesce(s.topic_id::text, '-') AS topic,
                 date_trunc('${unit}', s.created_at AT TIME ZONE ${timeZone})::date AS period
            FROM (${source}) s`;
}

/**
 * Contacts, resolved and reopened cases of the whole district per day (by channel for the daily chart, by
 * topic and by school for the ends of a range) and per month (by topic and by school for its middle).
 * A school's or a topic's own figures are read from the cases through their indexes, not from here.
 */
export function countCubeSql(source: string, timeZone: string): string {
  const sums = `sum(sign)::int AS opened,
                sum(CASE WHEN resolved THEN sign ELSE 0 END)::int AS resolved,
                sum(CASE WHEN reopened THEN sign ELSE 0 END)::int AS reopened`;
  return `
    SELECT 'd'::text AS grain, period, ${KEYED('school')}, ${KEYED('topic')}, ${KEYED('channel')}, confidential, ${sums}
      FROM (${localized(source, timeZone, 'd')}) x
     GROUP BY period, confidential, GROUPING SETS ((school), (topic), (channel), ())
    UNION ALL
    SELECT 'm'::text, period, ${KEYED('school')}, ${KEYED('topic')}, '*'::text, confidential, ${sums}
      FROM (${localized(source, timeZone, 'm')}) x
     GROUP BY period, confidential, GROUPING SETS ((school), (topic), ())`;
}

/** The district's first-response ('f') and resolution ('r') times as histograms, per day and per month. */
export function durationCubeSql(source: string, timeZone: string): string {
  const grained = (grain: 'd' | 'm') => `
    SELECT '${grain}'::text AS grain, period, '*'::text AS school, '*'::text AS topic, confidential, kind, bucket,
           sum(sign)::int AS count, sum(sign * minutes)::float8 AS total_minutes
      FROM (SELECT x.*, d.kind, d.minutes, ${durationBucketSql('d.minutes')} AS bucket
              FROM (${localized(source, timeZone, grain)}) x
             CROSS JOIN LATERAL (VALUES ('f'::text, x.first_response_minutes), ('r'::text, x.resolution_minutes)) d(kind, minutes)
             WHERE d.minutes IS NOT NULL) y
     GROUP BY period, confidential, kind, bucket`;
  return `${grained('d')} UNION ALL ${grained('m')}`;
}

/** Adds a cube's rows to a rollup table, key by key. */
export function upsertSql(table: 'case_figures' | 'case_duration_figures', cube: string): string {
  if (table === 'case_figures') {
    return `INSERT INTO case_figures (${COUNT_COLUMNS}) ${cube}
            ON CONFLICT (school, grain, period, topic, channel, confidential) DO UPDATE
               SET opened = case_figures.opened + excluded.opened,
                   resolved = case_figures.resolved + excluded.resolved,
                   reopened = case_figures.reopened + excluded.reopened`;
  }
  return `INSERT INTO case_duration_figures (${DURATION_COLUMNS}) ${cube}
          ON CONFLICT (school, topic, grain, period, confidential, kind, bucket) DO UPDATE
             SET count = case_duration_figures.count + excluded.count,
                 total_minutes = case_duration_figures.total_minutes + excluded.total_minutes`;
}
