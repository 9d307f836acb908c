export * from './lib/sla-events';
export * from './lib/calendar-events';
