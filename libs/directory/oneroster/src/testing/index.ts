export * from './oneroster-rest-server';
