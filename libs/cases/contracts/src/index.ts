export * from './lib/case-events';
