export * from './lib/survey-definition';
export * from './lib/answers';
export * from './lib/csat-eligibility';
export * from './lib/scores';
export * from './lib/ppra';
export * from './lib/self-assessment';
export * from './lib/csat-survey';
