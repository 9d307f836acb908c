export * from './lib/fold-text';
export * from './lib/substring-search';
export * from './lib/bidi-controls';
export * from './lib/canonical-json';
export * from './lib/sms-segments';
