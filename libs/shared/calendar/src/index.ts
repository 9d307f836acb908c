export * from './lib/clock-and-day';
export * from './lib/opening-hours';
export * from './lib/zoned-time';
export * from './lib/business-calendar';
export * from './lib/business-time';
