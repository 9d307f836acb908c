import { bucketValue, durationBucket, durationStats, EXACT_MINUTES } from './duration-buckets';

describe('duration buckets', () => {
  it('keeps whole minutes below an hour', () => {
    expect(durationBucket(0)).toBe(0);
    expect(durationBucket(12.4)).toBe(12);
    expect(durationBucket(63.4)).toBe(63);
    expect(bucketValue(17)).toBe(17);
  });

  it('stands for any longer duration within 2 %', () => {
    for (const minutes of [64, 65, 90, 600, 1_441, 10_080, 43_200, 525_600, 2_000_000]) {
      const value = bucketValue(durationBucket(minutes));
      expect(Math.abs(value - minutes) / minutes).toBeLessThanOrEqual(0.02 + 1e-12);
    }
  });

  it('needs a few hundred buckets for ten years', () => {
    expect(durationBucket(10 * 525_600)).toBeLessThan(EXACT_MINUTES + 300);
  });
});

describe('durationStats', () => {
  it('interpolates the median and p90 like percentile_cont over the individual values', () => {
    // 30, 50 → median 40, p90 48 (30 + 0.9 × 20).
    expect(
      durationStats([
        { bucket: 50, count: 1, total: 50 },
        { bucket: 30, count: 1, total: 30 },
      ]),
    ).toEqual({ count: 2, meanMinutes: 40, medianMinutes: 40, p90Minutes: 48 });
  });

  it('counts repeated values in their buckets and keeps the mean exact from the sums', () => {
    // Values 10, 10, 10, 20 (one of the tens was really 10.4) → median 10, p90 17, mean 12.6.
    expect(
      durationStats([
        { bucket: 10, count: 3, total: 30.4 },
        { bucket: 20, count: 1, total: 20 },
      ]),
    ).toEqual({ count: 4, meanMinutes: 12.6, medianMinutes: 10, p90Minutes: 17 });
  });

  it('adds the buckets of several parts of a range, and drops those a change emptied', () => {
    expect(
      durationStats([
        { bucket: 10, count: 1, total: 10 },
        { bucket: 40, count: 1, total: 40 },
        { bucket: 10, count: 1, total: 10 },
        { bucket: 40, count: -1, total: -40 },
      ]),
    ).toEqual({ count: 2, meanMinutes: 10, medianMinutes: 10, p90Minutes: 10 });
  });

  it('reads a long duration as its bucket, within 2 %', () => {
    const stats = durationStats([{ bucket: durationBucket(2_880), count: 1, total: 2_880 }]);
    expect(stats.meanMinutes).toBe(2_880);
    expect(Math.abs(stats.medianMinutes! - 2_880) / 2_880).toBeLessThanOrEqual(0.02);
  });

  it('says nothing about an empty range', () => {
    expect(durationStats([])).toEqual({ count: 0, meanMinutes: null, medianMinutes: null, p90Minutes: null });
  });
});
