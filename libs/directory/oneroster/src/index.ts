export * from './lib/oneroster-importer';
export * from './lib/import-report';
export * from './lib/manifest';
