export * from './lib/sla-events';
