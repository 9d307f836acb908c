import { InvalidInputException } from '@homeroom/shared/errors';

export const DEFAULT_LOW_SATISFACTION_THRESHOLD = 4;

export interface CsatSummary {
  count: number;
  /** Null when there are no scores. */
  mean: number | null;
  /** How many answered each score: index 0 is score 1, index 9 is score 10. */
  distribution: number[];
}

/** CSAT on the 1–10 scale: how many, the mean (two decimals) and how many gave each score. */
export function csatSummary(scores: readonly number[]): CsatSummary {
  assertScores(scores, 1, 10);
  const distribution = Array.from({ length: 10 }, () => 0);
  for (const score of scores) distribution[score - 1]!++;
  const mean = scores.length ? round(scores.reduce((a, b) => a + b, 0) / scores.length, 2) : null;
  return { count: scores.length, mean, distribution };
}

/**
 * The same from how many gave each score (index 0 is score 1, index 9 is score 10), as the reporting
 * rollups keep them: the answers need not be read one by one.
 */
export function csatOfDistribution(distribution: readonly number[]): CsatSummary {
  const index = distribution.findIndex((count) => !Number.isInteger(count) || count < 0);
  if (distribution.length !== 10 || index >= 0)
    throw new InvalidInputException(
      'A CSAT distribution is ten counts of at least 0',
      [{ path: `distribution[${Math.max(index, 0)}]`, message: 'ten whole numbers of at least 0' }],
      'INVALID_COUNT',
    );
  const count = distribution.reduce((sum, n) => sum + n, 0);
  const total = distribution.reduce((sum, n, i) => sum + n * (i + 1), 0);
  return { count, mean: count ? round(total / count, 2) : null, distribution: [...distribution] };
}

export interface NpsSummary {
  count: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** % promoters − % detractors, −100 to 100, one decimal; null when there are no scores. */
  nps: number | null;
}

/** Net Promoter Score from 0–10 answers: promoters 9–10, passives 7–8, detractors 0–6. */
export function npsSummary(scores: readonly number[]): NpsSummary {
  return npsOfCounts(scores.map((score) => ({ score, count: 1 })));
}

/**
 * The same from how many gave each score (as a database counts them, `GROUP BY` the answer), so the
 * answers need not be read one by one. A score may appear more than once; its counts add up.
 */
export function npsOfCounts(counts: readonly { score: number; count: number }[]): NpsSummary {
  assertScores(
    counts.map((row) => row.score),
    0,
    10,
  );
  const index = counts.findIndex((row) => !Number.isInteger(row.count) || row.count < 0);
  if (index >= 0)
    throw new InvalidInputException(
      'Counts must be whole numbers of at least 0',
      [{ path: `counts[${index}].count`, message: `${counts[index]!.count} is not a count` }],
      'INVALID_COUNT',
    );
  const sum = (keep: (score: number) => boolean) =>
    counts.reduce((total, row) => (keep(row.score) ? total + row.count : total), 0);
  const count = sum(() => true);
  const promoters = sum((score) => score >= 9);
  const passives = sum((score) => score === 7 || score === 8);
  const detractors = count - promoters - passives;
  const nps = count ? round((100 * (promoters - detractors)) / count, 1) : null;
  return { count, promoters, passives, detractors, nps };
}

/** The share of invitations answered, 0–1; null when none were sent. */
export function responseRate(responded: number, invited: number): number | null {
  if (!Number.isInteger(responded) || !Number.isInteger(invited) || responded < 0 || responded > invited)
    throw new InvalidInputException(
      'Responses must be a whole number no greater than the invitations',
      [{ path: 'responded', message: 'between 0 and the number invited' }],
      'INVALID_COUNT',
    );
  return invited === 0 ? null : responded / invited;
}

/** At or below the threshold (the district's, 1–10, default 4) a score opens a follow-up case. */
export function isLowSatisfaction(score: number, threshold = DEFAULT_LOW_SATISFACTION_THRESHOLD): boolean {
  return score <= threshold;
}

export interface Group {
  /** The group's label in a report: a school, a team, a channel. */
  key: string;
  /** How many responses the group's figures come from. */
  count: number;
}

export type SuppressionReason = 'SMALL_GROUP' | 'COMPLEMENTARY';

/** A group as a report may show it: its own fields, or only its key and why its figures are hidden. */
export type ReportedGroup<T extends Group> =
  (T & { suppressed: false }) | { key: string; suppressed: true; reason: SuppressionReason };

/**
 * Hides the figures of groups too small to keep respondents anonymous (fewer than `minimum` responses:
 * in a school where two families answered, a mean of 2 tells staff what each of them said).
 *
 * Hiding one group is not enough when it is the only one hidden: a report also shows the overall total
 * (or the other groups add up to a known whole), so the hidden count and, with the overall mean, its
 * mean are recovered by subtraction: total − the visible groups. So when exactly one group is hidden for
 * being small, the smallest visible group is hidden with it (complementary suppression); then subtraction
 * yields only the two together, never either one. Two or more small groups already protect each other.
 * Groups of zero responses have no figures to protect and are left as they are.
 */
export function suppressSmallGroups<T extends Group>(
  groups: readonly T[],
  minimum: number,
): ReportedGroup<T>[] {
  if (!Number.isInteger(minimum) || minimum < 1)
    throw new InvalidInputException(
      'The minimum group size must be a whole number of at least 1',
      [{ path: 'minimum', message: 'at least 1' }],
      'INVALID_MINIMUM_GROUP_SIZE',
    );
  const small = new Set(groups.filter((g) => g.count > 0 && g.count < minimum));
  let complementary: T | undefined;
  if (small.size === 1) {
    complementary = groups
      .filter((g) => g.count > 0 && !small.has(g))
      .reduce<T | undefined>(
        (smallest, g) => (!smallest || g.count < smallest.count ? g : smallest),
        undefined,
      );
  }
  return groups.map((g): ReportedGroup<T> => {
    if (small.has(g)) return { key: g.key, suppressed: true, reason: 'SMALL_GROUP' };
    if (g === complementary) return { key: g.key, suppressed: true, reason: 'COMPLEMENTARY' };
    return { ...g, suppressed: false };
  });
}

/** One cell of a two-way table (a school in a month, say): its row, its column and its responses. */
export interface TableCell {
  row: string;
  column: string;
  count: number;
}

/** A cell as a report may show it: hidden with the reason, or not (its fields kept as they are). */
export type ReportedCell<T extends TableCell> = T & { suppressed: boolean; reason: SuppressionReason | null };

/**
 * `suppressSmallGroups` for a two-way table: each row's and each column's cells add up to a figure the
 * caller can read on its own (a school's whole range, the district's month), so a line with exactly one
 * hidden cell gives it away by subtraction. Small cells are hidden, then, until no line has exactly one
 * hidden cell, the smallest shown cell of such a line is hidden with it. A line with nothing else to hide
 * (every other cell empty) stays as it is, as in `suppressSmallGroups`.
 */
export function suppressSmallCells<T extends TableCell>(
  cells: readonly T[],
  minimum: number,
): ReportedCell<T>[] {
  if (!Number.isInteger(minimum) || minimum < 1)
    throw new InvalidInputException(
      'The minimum group size must be a whole number of at least 1',
      [{ path: 'minimum', message: 'at least 1' }],
      'INVALID_MINIMUM_GROUP_SIZE',
    );
  const reason = new Map<T, SuppressionReason>(
    cells.filter((c) => c.count > 0 && c.count < minimum).map((c) => [c, 'SMALL_GROUP']),
  );
  const lines = new Map<string, T[]>();
  for (const c of cells)
    for (const line of [`row:${c.row}`, `column:${c.column}`])
      lines.set(line, [...(lines.get(line) ?? []), c]);
  // Each pass hides at least one more cell or ends, so this stops within cells.length passes.
  for (let changed = true; changed;) {
    changed = false;
    for (const line of lines.values()) {
      if (line.filter((c) => reason.has(c)).length !== 1) continue;
      const smallest = line
        .filter((c) => c.count > 0 && !reason.has(c))
        .reduce<T | undefined>((min, c) => (!min || c.count < min.count ? c : min), undefined);
      if (!smallest) continue;
      reason.set(smallest, 'COMPLEMENTARY');
      changed = true;
    }
  }
  return cells.map((c) => ({ ...c, suppressed: reason.has(c), reason: reason.get(c) ?? null }));
}

function assertScores(scores: readonly number[], min: number, max: number): void {
  const index = scores.findIndex((s) => !Number.isInteger(s) || s < min || s > max);
  if (index >= 0)
    throw new InvalidInputException(
      `Scores must be whole numbers from ${min} to ${max}`,
      [{ path: `scores[${index}]`, message: `${scores[index]} is out of range` }],
      'INVALID_SCORE',
    );
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
