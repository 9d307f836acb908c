export * from './lib/snake-naming.strategy';
export * from './lib/data-source';
export * from './lib/transaction';
export * from './lib/database-admin';
export * from './lib/migrations';
export * from './lib/nest/database.module';
export * from './lib/migration-command';
export * from './lib/repeating-task';
