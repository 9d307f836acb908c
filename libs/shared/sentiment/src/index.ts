export * from './lib/sentiment';
