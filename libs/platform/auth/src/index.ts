export * from './lib/principal';
export * from './lib/authorization';
export * from './lib/gateway-trust';
export * from './lib/nest/auth.decorators';
export * from './lib/nest/authorization.guard';
export * from './lib/nest/gateway-trust.middleware';
export * from './lib/nest/principal-of-request';
export * from './lib/link-token';
