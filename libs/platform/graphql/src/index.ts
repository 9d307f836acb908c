export * from './lib/format-error';
export * from './lib/cursor';
export * from './lib/pagination';
export * from './lib/subgraph.module';
export * from './lib/enum-from';
export * from './lib/date-range';
export * from './lib/input-rules';
export * from './lib/enforce-input-rules';
