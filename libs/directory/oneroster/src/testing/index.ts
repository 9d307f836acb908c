export * from './oneroster-rest-server';
export * from './roster-test-data';
export * from './csv-file';
