/**
 * SLA deadline arithmetic on one core: addBusinessMinutes and businessMinutesBetween on a realistic district
 * calendar (America/Chicago, two intervals a weekday, 15 holidays, 3 breaks), random starts over a school
 * year, targets 60–7,200 business minutes. Pure computation: no database, no network.
 */
import {
  addBusinessMinutes,
  businessMinutesBetween,
  validateCalendar,
  type BusinessCalendar,
  type Closure,
  type OpeningInterval,
} from '@homeroom/slas/domain';
import { percentile } from './stats';
import type { BenchmarkReport } from './report';
import { mulberry32 } from '@homeroom/shared/random';

const OPERATIONS = Number(process.env['BENCH_SLA_OPERATIONS'] ?? 200_000);
const YEAR_START = Date.parse('2026-07-01T05:00:00Z');
const YEAR_MS = 365 * 86_400_000;

const HOLIDAYS = [
  '2026-09-07', '2026-10-12', '2026-11-11', '2026-11-26', '2026-11-27', '2027-01-18', '2027-02-15',
  '2027-04-02', '2027-05-31', '2026-10-09', '2026-11-03', '2027-01-29', '2027-02-12', '2027-03-12',
  '2027-04-23',
]; // prettier-ignore

export function districtCalendar(): BusinessCalendar {
  const openingHours: OpeningInterval[] = [1, 2, 3, 4, 5].flatMap((weekday) => [
    { weekday: weekday as OpeningInterval['weekday'], opens: '07:30', closes: '11:30' },
    { weekday: weekday as OpeningInterval['weekday'], opens: '12:15', closes: '16:30' },
  ]);
  const closures: Closure[] = [
    ...HOLIDAYS.map((date) => ({ date, reason: 'Holiday', kind: 'HOLIDAY' as const })),
    { date: '2026-11-23', through: '2026-11-25', reason: 'Thanksgiving break', kind: 'BREAK' },
    { date: '2026-12-21', through: '2027-01-01', reason: 'Winter break', kind: 'BREAK' },
    { date: '2027-03-22', through: '2027-03-26', reason: 'Spring break', kind: 'BREAK' },
  ];
  return validateCalendar({ timeZone: 'America/Chicago', openingHours, closures });
}

interface Measured {
  perSecond: number;
  p50Micros: number;
  p99Micros: number;
}

/** Runs `operation` over every input, timing batches of 100 for the latency percentiles. */
function measure<T>(inputs: readonly T[], operation: (input: T) => unknown): Measured {
  const batchMicros: number[] = [];
  let sink = 0;
  const started = process.hrtime.bigint();
  for (let i = 0; i < inputs.length; i += 100) {
    const batchStart = process.hrtime.bigint();
    for (let j = i; j < Math.min(i + 100, inputs.length); j += 1) sink += operation(inputs[j]!) ? 1 : 0;
    batchMicros.push(Number(process.hrtime.bigint() - batchStart) / 1_000 / Math.min(100, inputs.length - i));
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (sink < 0) console.log(sink);
  return {
    perSecond: Math.round(inputs.length / seconds),
    p50Micros: percentile(batchMicros, 50),
    p99Micros: percentile(batchMicros, 99),
  };
}

export async function slaDeadlineBenchmark(): Promise<BenchmarkReport> {
  const random = mulberry32(4_07);
  const calendar = districtCalendar();
  const starts = Array.from(
    { length: OPERATIONS },
    () => new Date(YEAR_START + Math.floor(random() * YEAR_MS)),
  );
  const targets = Array.from({ length: OPERATIONS }, () => 60 + Math.floor(random() * 7_141));
  const adds = starts.map((start, i) => ({ start, minutes: targets[i]! }));
  const spans = starts.map((start, i) => ({
    from: start,
    to: new Date(start.getTime() + targets[i]! * 4 * 60_000),
  }));

  // Cold: a fresh calendar object, so the per-calendar day cache starts empty (the zone offsets stay warm).
  const cold = measure(adds.slice(0, 2_000), ({ start, minutes }) =>
    addBusinessMinutes(districtCalendar(), start, minutes),
  );
  measure(adds.slice(0, 5_000), ({ start, minutes }) => addBusinessMinutes(calendar, start, minutes)); // warm-up
  const add = measure(adds, ({ start, minutes }) => addBusinessMinutes(calendar, start, minutes));
  const between = measure(spans, ({ from, to }) => businessMinutesBetween(calendar, from, to));

  return {
    name: 'sla-deadlines',
    description:
      'SLA deadline arithmetic (libs/slas/domain) on one core: addBusinessMinutes and businessMinutesBetween on a district calendar (America/Chicago, 07:30–11:30 and 12:15–16:30 on weekdays, 15 holidays, 3 breaks), random starts over a school year, targets 60–7,200 business minutes.',
    command: 'node -r @swc-node/register tools/bench/run.ts sla-deadlines',
    rows: [
      { variant: 'addBusinessMinutes', operations: adds.length, perSecond: add.perSecond, p50Micros: add.p50Micros, p99Micros: add.p99Micros },
      { variant: 'addBusinessMinutes, fresh calendar each call', operations: 2_000, perSecond: cold.perSecond, p50Micros: cold.p50Micros, p99Micros: cold.p99Micros },
      { variant: 'businessMinutesBetween (spans of 4 × target)', operations: spans.length, perSecond: between.perSecond, p50Micros: between.p50Micros, p99Micros: between.p99Micros },
    ], // prettier-ignore
    ratios: { 'addBusinessMinutes warm / fresh calendar': add.perSecond / cold.perSecond },
    notes: [
      'One process, one core, no I/O. Latency percentiles are per call, averaged over batches of 100 calls.',
      "Warm: the calendar's open intervals per local day are cached on first use (at most 20,000 days per calendar); a fresh calendar pays for validating and mapping each day it crosses through Intl.DateTimeFormat.",
      `Targets 60–7,200 business minutes (up to ~3 school weeks); starts uniform over 2026-07-01 … 2027-06-30.`,
    ],
  };
}
