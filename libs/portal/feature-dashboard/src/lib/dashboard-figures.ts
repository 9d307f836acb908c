import { channelName } from '@homeroom/portal/ui';
import { toCsv } from '@homeroom/shared/csv';
import type { Channel, DashboardQuery, SuppressionReason } from './operations.generated';

/** One row of `SlaAttainment.bySchool`: a school's SLA figures (school null: the district office's). */
export type SchoolSlaRow = NonNullable<DashboardQuery['slaAttainment']['bySchool']>[number];
/**
 * The SLA figures the comparison reads of one school: a `bySchool` row, or the root figures when the page
 * is filtered to that school. A row also carries the school's name, which the root figures do not.
 */
export type SchoolAttainment = Pick<SchoolSlaRow, 'medianFirstResponseBusinessMinutes' | 'byKind'> &
  Partial<Pick<SchoolSlaRow, 'school'>>;
export type SchoolCount = DashboardQuery['caseMetrics']['bySchool'][number];
export type SatisfactionGroup = DashboardQuery['satisfaction']['breakdown'][number];
export type DailyContacts = DashboardQuery['caseMetrics']['perDay'][number];
export type EmergingIssue = DashboardQuery['emergingIssues'][number];
export type NpsFigures = NonNullable<DashboardQuery['nps']>;

/** What the API calls the cases and survey groups that belong to no school. */
export const DISTRICT_OFFICE = 'District office';
/** `EmergingIssue.daily` is "four weeks of baseline, then the window" (docs/api/schema.graphql). */
export const BASELINE_DAYS = 28;

/** One row of the per-school comparison. Null figures (nothing to measure in the range) are shown as "—". */
export interface SchoolRow {
  /** Null: the district office (cases and surveys with no school). */
  schoolId: string | null;
  name: string;
  contacts: number;
  /** Median business minutes to the first response, on the school's calendar. */
  medianFirstResponse: number | null;
  firstResponseMet: number | null;
  resolutionMet: number | null;
  csatMean: number | null;
  csatResponses: number;
  /** Why the satisfaction score is withheld; null when it is not. */
  withheld: SuppressionReason | null;
}

export interface SchoolRowSources {
  /** The schools the request named (`schools` names the first hundred only), in the API's order (by name). */
  schools: readonly { id: string; name: string }[];
  contacts: readonly SchoolCount[];
  satisfaction: readonly SatisfactionGroup[];
  /**
   * SLA figures by school id (null: the district office), every school with cases in the range; a school
   * missing had none, so its figures are "—".
   */
  attainment: ReadonlyMap<string | null, SchoolAttainment>;
  /** The school the page is filtered to: its row only. */
  schoolId?: string | null;
}

/**
 * One row per school for the comparison table: every school the request named (a school with no
 * contacts is a figure too), then any school the breakdowns name that the list did not (named by its SLA
 * row when the list lacks it), then the district office when it has contacts, SLA figures or survey
 * responses. Filtered to one school, that school's row only.
 */
export function schoolRows(sources: SchoolRowSources): SchoolRow[] {
  const names = new Map(sources.schools.map((school) => [school.id, school.name]));
  for (const [id, attainment] of sources.attainment)
    if (id !== null && attainment.school && !names.has(id)) names.set(id, attainment.school.name);
  const contacts = new Map(sources.contacts.map((row) => [row.schoolId, row.count]));
  const groups = new Map(
    sources.satisfaction.map((group) => [group.key === 'NONE' ? null : group.key, group]),
  );
  // A set keeps the first place of each id, and stays quick for a district of hundreds of schools.
  const ids = [
    ...new Set<string | null>([
      ...sources.schools.map((school) => school.id),
      ...contacts.keys(),
      ...groups.keys(),
      ...sources.attainment.keys(),
    ]),
  ];
  const selected = sources.schoolId ? ids.filter((id) => id === sources.schoolId) : ids;
  if (sources.schoolId && !selected.includes(sources.schoolId)) selected.push(sources.schoolId);

  return selected
    .filter(
      (id) =>
        id !== null ||
        contacts.has(null) ||
        sources.attainment.has(null) ||
        (groups.get(null)?.responses ?? 0) > 0,
    )
    .map((id) => {
      const group = groups.get(id);
      const attainment = sources.attainment.get(id);
      const metShare = (kind: string) =>
        attainment?.byKind.find((row) => row.kind === kind)?.metShare ?? null;
      return {
        schoolId: id,
        name: id === null ? DISTRICT_OFFICE : (names.get(id) ?? `School ${id}`),
        contacts: contacts.get(id) ?? 0,
        medianFirstResponse: attainment?.medianFirstResponseBusinessMinutes ?? null,
        firstResponseMet: metShare('FIRST_RESPONSE'),
        resolutionMet: metShare('RESOLUTION'),
        csatMean: group && !group.suppressed ? group.csatMean : null,
        csatResponses: group?.responses ?? 0,
        withheld: group?.suppressed ? (group.suppression ?? 'SMALL_GROUP') : null,
      };
    });
}

export type SchoolSortKey =
  'name' | 'contacts' | 'medianFirstResponse' | 'firstResponseMet' | 'resolutionMet' | 'csatMean';
export type SortDirection = 'ascending' | 'descending';

/** The rows in the order asked for; rows without the figure ("—") go last either way, ties by name. */
export function sortSchoolRows(
  rows: readonly SchoolRow[],
  key: SchoolSortKey,
  direction: SortDirection,
): SchoolRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const byName = (a: SchoolRow, b: SchoolRow) => a.name.localeCompare(b.name);
  return [...rows].sort((a, b) => {
    if (key === 'name') return sign * byName(a, b);
    const x = a[key];
    const y = b[key];
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return sign * (x - y) || byName(a, b);
  });
}

/** The comparison as CSV: shares 0–1, minutes as numbers, withheld and missing figures empty. */
export function schoolRowsCsv(rows: readonly SchoolRow[]): string {
  return toCsv(
    [
      'school',
      'contacts',
      'median_first_response_business_minutes',
      'first_responses_on_time',
      'resolutions_on_time',
      'csat_mean',
      'csat_responses',
      'csat_withheld',
    ],
    rows.map((row) => [
      row.name,
      row.contacts,
      row.medianFirstResponse,
      round(row.firstResponseMet, 3),
      round(row.resolutionMet, 3),
      row.csatMean,
      row.csatResponses,
      row.withheld,
    ]),
  );
}

/** Contacts per channel over the days, busiest first (ties by channel). */
export function channelTotals(days: readonly DailyContacts[]): { name: string; count: number }[] {
  const totals = new Map<Channel, number>();
  for (const day of days)
    for (const { channel, count } of day.byChannel) totals.set(channel, (totals.get(channel) ?? 0) + count);
  return [...totals]
    .map(([channel, count]) => ({ name: channelName(channel), count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

export interface Sparkline {
  width: number;
  height: number;
  /** The polyline's points, "x,y x,y …", oldest day first. */
  points: string;
  /** Where the window (the days being judged) starts; the baseline lies left of it. */
  windowX: number;
  /** The last day's point, marked with a dot. */
  last: { x: number; y: number };
}

/**
 * A small line of contacts per day, scaled so the busiest day touches the top (a flat zero line sits on
 * the bottom), with a pad so the stroke and the last day's dot are not clipped.
 */
export function sparkline(daily: readonly number[], windowDays: number, width = 120, height = 32): Sparkline {
  const pad = 3;
  const peak = Math.max(1, ...daily);
  const step = daily.length > 1 ? (width - 2 * pad) / (daily.length - 1) : 0;
  const at = (value: number, index: number) => ({
    x: round(pad + index * step, 1)!,
    y: round(height - pad - (value / peak) * (height - 2 * pad), 1)!,
  });
  const points = daily.map(at);
  const firstWindowDay = Math.max(0, daily.length - windowDays);
  return {
    width,
    height,
    points: points.map(({ x, y }) => `${x},${y}`).join(' '),
    // Half a step before the window's first day; all of it when every day is the window.
    windowX: firstWindowDay === 0 ? 0 : round(pad + (firstWindowDay - 0.5) * step, 1)!,
    last: points.at(-1) ?? { x: pad, y: height - pad },
  };
}

/** How many of `daily`'s last days are the window, the rest being the four-week baseline. */
export function windowDaysOf(issue: Pick<EmergingIssue, 'daily'>): number {
  return Math.max(1, issue.daily.length - BASELINE_DAYS);
}

/** The sparkline's text alternative: the numbers it draws, in words. */
export function sparklineLabel(topic: string, issue: Pick<EmergingIssue, 'daily' | 'since'>): string {
  const windowDays = windowDaysOf(issue);
  const baseline = issue.daily.slice(0, -windowDays);
  const window = issue.daily.slice(-windowDays);
  const mean = baseline.length ? baseline.reduce((sum, value) => sum + value, 0) / baseline.length : 0;
  const since = formatDay(issue.since);
  const before = baseline.length
    ? `the ${baseline.length} days before ${since} averaged ${mean.toFixed(1)} a day, at most ${Math.max(...baseline)}`
    : `no days before ${since}`;
  const counts =
    window.length === 1 ? `${window[0]}` : `${window.slice(0, -1).join(', ')} and ${window.at(-1)}`;
  return `${topic}, contacts per day: ${before}; then ${counts} from ${since} on.`;
}

/** A district day (YYYY-MM-DD) as people say it: "December 6". */
export function formatDay(isoDay: string): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDay;
  return new Intl.DateTimeFormat('en-US', { month: 'long', day: 'numeric', timeZone: 'UTC' }).format(date);
}

/** The NPS tile: the score as people read it, and what it comes from (or why there is none) in words. */
export interface NpsTile {
  /** Whole points, signed: "+25", "−12", "0"; "—" when there is no score. */
  value: string;
  detail: string;
}

/**
 * The district's NPS for the tile. `undefined`: the page did not ask (it is filtered to one school, and
 * district survey answers carry no school). Withheld, it says so rather than showing a number.
 */
export function npsTile(nps: NpsFigures | null | undefined): NpsTile {
  if (!nps) return { value: '—', detail: 'District-wide only: survey answers are not linked to a school.' };
  if (nps.suppression)
    return {
      value: '—',
      detail: `Withheld: too few people answered to keep their answers anonymous (${count(nps.count, 'answer')}).`,
    };
  if (nps.nps === null || nps.count === 0)
    return { value: '—', detail: 'No answers to NPS questions in this period.' };
  const score = Math.round(nps.nps);
  return {
    value: score > 0 ? `+${score}` : score < 0 ? `−${-score}` : '0',
    detail: `${count(nps.promoters, 'promoter')}, ${count(nps.passives, 'passive')} and ${count(nps.detractors, 'detractor')} (${count(nps.count, 'answer')}).`,
  };
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}

export function formatMinutes(value: number | null): string {
  if (value === null) return '—';
  return value < 60 ? `${Math.round(value)} min` : `${(value / 60).toFixed(1)} h`;
}

export function formatShare(value: number | null): string {
  return value === null ? '—' : `${Math.round(value * 100)}%`;
}

function round(value: number | null, digits: number): number | null {
  if (value === null) return null;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
