/**
 * An emerging issue: a topic whose recent volume departs from its own trailing baseline. We compare the
 * last `windowDays` with the `baselineDays` before them, expecting the baseline's daily mean in each window
 * day; Poisson noise (variance ≈ mean, plus the baseline's own day-to-day variance) sets how surprising
 * the excess is. A district's quiet topics (a few contacts a month) need an absolute floor too.
 */
export interface DailySeries {
  key: string;
  /** Oldest first; the last `windowDays` entries are the window. */
  counts: number[];
}

export interface EmergingSignal {
  key: string;
  observed: number;
  expected: number;
  ratio: number;
  zScore: number;
  baselineDailyMean: number;
}

export interface DetectionSettings {
  windowDays: number;
  minObserved: number;
  minRatio: number;
  minZ: number;
}

export const DEFAULT_DETECTION: DetectionSettings = { windowDays: 2, minObserved: 6, minRatio: 2, minZ: 3 };

export function detectEmerging(
  series: readonly DailySeries[],
  settings: DetectionSettings = DEFAULT_DETECTION,
): EmergingSignal[] {
  return series
    .flatMap(({ key, counts }) => {
      const baseline = counts.slice(0, -settings.windowDays);
      const window = counts.slice(-settings.windowDays);
      if (baseline.length < 7) return [];
      const mean = baseline.reduce((a, b) => a + b, 0) / baseline.length;
      const variance = baseline.reduce((a, b) => a + (b - mean) ** 2, 0) / baseline.length;
      const observed = window.reduce((a, b) => a + b, 0);
      // A topic never seen before still has a small expectation, so a sudden burst stands out as infinite.
      const expected = Math.max(mean, 1 / baseline.length) * settings.windowDays;
      const zScore = (observed - expected) / Math.sqrt(expected + variance * settings.windowDays);
      const ratio = observed / expected;
      const round = (n: number) => Math.round(n * 100) / 100;
      return observed >= settings.minObserved && ratio >= settings.minRatio && zScore >= settings.minZ
        ? [
            {
              key,
              observed,
              expected: round(expected),
              ratio: round(ratio),
              zScore: round(zScore),
              baselineDailyMean: round(mean),
            },
          ]
        : [];
    })
    .sort((a, b) => b.zScore - a.zScore);
}
