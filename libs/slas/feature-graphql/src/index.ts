export * from './lib/slas-graphql.module';
