export * from './lib/case-kinds';
export * from './lib/case-lifecycle';
export * from './lib/case-number';
export * from './lib/inquiry';
export * from './lib/routing-rule';
export * from './lib/safety-concerns';
export * from './lib/emerging-issues';
export * from './lib/email-rules';
