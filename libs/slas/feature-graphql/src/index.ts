export * from './lib/slas-graphql.module';
export { CaseReference } from './lib/types';
