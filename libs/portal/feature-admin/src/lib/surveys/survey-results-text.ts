import type { AdminSurveysDetailQuery, SurveyQuestionKind } from '../operations.generated';

type Results = NonNullable<AdminSurveysDetailQuery['survey']>['results'];
export type QuestionResult = NonNullable<Results['questions']>[number];
type Nps = NonNullable<QuestionResult['nps']>;

/** The lowest value a SCALE (1) or NPS (0) question's distribution starts at. */
export function lowestValue(kind: SurveyQuestionKind): number {
  return kind === 'NPS' ? 0 : 1;
}

/** "40%" of the whole, rounded; a dash when there is no whole. */
export function percentText(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((part / whole) * 100)}%` : '—';
}

export interface DistributionRow {
  value: number;
  count: number;
  /** Share of all answers, 0–100, for the bar's length. */
  percent: number;
}

/** One row a value, lowest first, each with its share of the answers. */
export function distributionRows(distribution: readonly number[], lowest: number): DistributionRow[] {
  const total = distribution.reduce((sum, count) => sum + count, 0);
  return distribution.map((count, index) => ({
    value: lowest + index,
    count,
    percent: total ? Math.round((count / total) * 100) : 0,
  }));
}

/** The chart's numbers in words, for its accessible name: "Answers by value: 1: 2, 2: 0, 3: 5 (7 answers)". */
export function distributionSummary(distribution: readonly number[], lowest: number): string {
  const total = distribution.reduce((sum, count) => sum + count, 0);
  const values = distributionRows(distribution, lowest)
    .map((row) => `${row.value}: ${row.count}`)
    .join(', ');
  return `Answers by value: ${values} (${total} ${total === 1 ? 'answer' : 'answers'})`;
}

/** "NPS +20: 5 promoters (9–10), 3 passives (7–8), 2 detractors (0–6) of 10 answers". */
export function describeNps(nps: Nps): string {
  const score =
    nps.nps === null || nps.nps === undefined ? 'not yet' : `${nps.nps > 0 ? '+' : ''}${Math.round(nps.nps)}`;
  return (
    `NPS ${score}: ${nps.promoters} promoters (9–10), ${nps.passives} passives (7–8), ` +
    `${nps.detractors} detractors (0–6) of ${nps.count} ${nps.count === 1 ? 'answer' : 'answers'}`
  );
}

/** "42% of 120 invitations"; open links bring answers without invitations. */
export function responseRateText(
  results: Pick<Results, 'responses' | 'invitations' | 'responseRate'>,
): string {
  const responses = `${results.responses} ${results.responses === 1 ? 'response' : 'responses'}`;
  if (results.responseRate === null || results.responseRate === undefined || !results.invitations)
    return `${responses}; no personal invitations sent`;
  return `${responses}; ${Math.round(results.responseRate * 100)}% of ${results.invitations} personal invitations answered`;
}
