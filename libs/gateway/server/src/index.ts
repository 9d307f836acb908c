export * from './lib/create-gateway';
export * from './lib/bearer-token';
export * from './lib/rate-limiter';
export * from './lib/gateway-context';
