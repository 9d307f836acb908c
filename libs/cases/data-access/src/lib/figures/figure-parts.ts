import type { Channel } from '@homeroom/cases/domain';
import type { DurationBucket } from '@homeroom/platform/database';

/**
 * Which cases a figure counts: those of some schools (null: every school the caller sees, which for the
 * district is all), of one topic or all, with confidential cases or without.
 */
export interface FigureFilter {
  schoolIds: readonly string[] | null;
  topicId: string | null;
  withConfidential: boolean;
}

/**
 * The figures of part of a range, as the rollups or the cases give them; parts of one range add up
 * (`addParts`) to the whole range's figures.
 */
export interface FigureParts {
  daily: { day: string; channel: Channel; count: number }[];
  /** Opened, resolved and reopened cases per topic (the totals are their sums). */
  topics: { topicId: string | null; opened: number; resolved: number; reopened: number }[];
  schools: { schoolId: string | null; count: number }[];
  firstResponse: DurationBucket[];
  resolution: DurationBucket[];
}

export const NO_PARTS: FigureParts = {
  daily: [],
  topics: [],
  schools: [],
  firstResponse: [],
  resolution: [],
};

function sumBy<T, K>(rows: readonly T[], key: (row: T) => K, add: (into: T, row: T) => void): T[] {
  const merged = new Map<K, T>();
  for (const row of rows) {
    const existing = merged.get(key(row));
    if (existing) add(existing, row);
    else merged.set(key(row), { ...row });
  }
  return [...merged.values()];
}

/** Adds the parts of one range, key by key; the durations' buckets are added by durationStats. */
export function addParts(parts: readonly FigureParts[]): FigureParts {
  return {
    daily: sumBy(
      parts.flatMap((part) => part.daily),
      (row) => `${row.day} ${row.channel}`,
      (into, row) => (into.count += row.count),
    ),
    topics: sumBy(
      parts.flatMap((part) => part.topics),
      (row) => row.topicId,
      (into, row) => {
        into.opened += row.opened;
        into.resolved += row.resolved;
        into.reopened += row.reopened;
      },
    ),
    schools: sumBy(
      parts.flatMap((part) => part.schools),
      (row) => row.schoolId,
      (into, row) => (into.count += row.count),
    ),
    firstResponse: parts.flatMap((part) => part.firstResponse),
    resolution: parts.flatMap((part) => part.resolution),
  };
}
