export * from './lib/cases-graphql.module';
export * from './lib/access';
