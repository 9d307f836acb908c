/**
 * Durations kept as a histogram that sums across days, schools and topics (ADR 26): whole minutes up to an
 * hour, then buckets 4 % wide, so a median or p90 read from it is within 2 % of the exact one and a year of
 * a district's resolutions fits in a few hundred buckets.
 */
export const EXACT_MINUTES = 64;
const GROWTH = 1.04;

/** The bucket of a duration in minutes, as SQL over `minutes` (float8); `durationBucket` is the same in TS. */
export function durationBucketSql(minutes: string): string {
  return `(CASE WHEN round(${minutes}) < ${EXACT_MINUTES} THEN round(${minutes})::int
               ELSE ${EXACT_MINUTES} + floor(ln(round(${minutes}) / ${EXACT_MINUTES}.0) / ln(${GROWTH}))::int END)`;
}

export function durationBucket(minutes: number): number {
  const whole = Math.round(minutes);
  if (whole < EXACT_MINUTES) return whole;
  return EXACT_MINUTES + Math.floor(Math.log(whole / EXACT_MINUTES) / Math.log(GROWTH));
}

/** The value a bucket stands for: the minute itself below an hour, else the middle of the bucket. */
export function bucketValue(bucket: number): number {
  if (bucket < EXACT_MINUTES) return bucket;
  const lower = EXACT_MINUTES * GROWTH ** (bucket - EXACT_MINUTES);
  return (lower + lower * GROWTH) / 2;
}

export interface DurationBucket {
  bucket: number;
  count: number;
  /** The exact minutes of the bucket's durations added up: the mean stays exact. */
  total: number;
}

export interface DurationStats {
  count: number;
  meanMinutes: number | null;
  medianMinutes: number | null;
  p90Minutes: number | null;
}

/**
 * Mean, median and p90 from a duration histogram: the percentiles interpolate between neighbouring values
 * as PostgreSQL's percentile_cont does over the individual values, each taken as its bucket's value (exact
 * below an hour). Buckets may repeat (from several sources); they are added up.
 */
export function durationStats(buckets: readonly DurationBucket[]): DurationStats {
  const merged = new Map<number, { count: number; total: number }>();
  for (const { bucket, count, total } of buckets) {
    const entry = merged.get(bucket) ?? { count: 0, total: 0 };
    entry.count += count;
    entry.total += total;
    merged.set(bucket, entry);
  }
  const sorted = [...merged.entries()]
    .filter(([, entry]) => entry.count > 0)
    .sort(([a], [b]) => a - b)
    .map(([bucket, entry]) => ({ value: bucketValue(bucket), ...entry }));
  const count = sorted.reduce((sum, b) => sum + b.count, 0);
  if (count === 0) return { count: 0, meanMinutes: null, medianMinutes: null, p90Minutes: null };
  const valueAt = (index: number): number => {
    let seen = 0;
    for (const bucket of sorted) {
      seen += bucket.count;
      if (index < seen) return bucket.value;
    }
    return sorted[sorted.length - 1]!.value;
  };
  const percentile = (p: number): number => {
    const position = p * (count - 1);
    const lower = Math.floor(position);
    const fraction = position - lower;
    const low = valueAt(lower);
    return fraction === 0 ? low : low + (valueAt(lower + 1) - low) * fraction;
  };
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    count,
    meanMinutes: round(sorted.reduce((sum, b) => sum + b.total, 0) / count),
    medianMinutes: round(percentile(0.5)),
    p90Minutes: round(percentile(0.9)),
  };
}
