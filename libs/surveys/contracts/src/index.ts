export * from './lib/survey-events';
