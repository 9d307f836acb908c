export * from './lib/clock-and-day';
