export * from './lib/format-error';
export * from './lib/cursor';
export * from './lib/pagination';
export * from './lib/subgraph.module';
export * from './lib/enum-from';
export * from './lib/date-range';
