export * from './lib/seeded-random';
