export * from './lib/clock-and-day';
export * from './lib/opening-hours';
