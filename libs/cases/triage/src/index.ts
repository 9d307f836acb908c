export * from './lib/text-features';
export * from './lib/topic-classifier';
export * from './lib/evaluation';
export * from './lib/taxonomy';
export * from './lib/starter-training-set';
