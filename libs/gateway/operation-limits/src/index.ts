export * from './lib/operation-shape';
export * from './lib/operation-limits';
export * from './lib/public-operations';
export * from './lib/rate-units';
