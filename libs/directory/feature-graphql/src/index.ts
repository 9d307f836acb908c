export * from './lib/directory-graphql.module';
export * from './lib/access';
