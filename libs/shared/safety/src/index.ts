export * from './lib/safety-concerns';
