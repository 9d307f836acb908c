export * from './lib/fold-text';
