export * from './lib/zoned-time';
export * from './lib/business-calendar';
export * from './lib/business-time';
export * from './lib/sla-policy';
export * from './lib/sla-timer';
