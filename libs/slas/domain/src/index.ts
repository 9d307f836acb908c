// The calendar arithmetic is shared (the cases service holds texts by it too); re-exported so the SLA
// service reads it from its own domain as before.
export * from '@homeroom/shared/calendar';
export * from './lib/sla-clock';
export * from './lib/sla-policy';
export * from './lib/sla-timer';
