export * from './lib/slas-graphql.module';
export { CaseReference, SchoolReference } from './lib/types';
