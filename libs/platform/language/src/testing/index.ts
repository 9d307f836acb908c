export * from './language-test-set';
