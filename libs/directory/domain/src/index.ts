export * from './lib/directory-kinds';
export * from './lib/directory-errors';
export * from './lib/search-text';
export * from './lib/api-scopes';
export * from './lib/password-policy';
export * from './lib/sign-in-throttle';
