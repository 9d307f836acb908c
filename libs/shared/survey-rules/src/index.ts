export * from './lib/survey-limits';
