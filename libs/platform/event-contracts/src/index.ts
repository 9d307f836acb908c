export * from './lib/event-envelope';
export * from './lib/event-contract';
export * from './lib/topic-names';
