export * from './lib/surveys-graphql.module';
export { CaseReference, SchoolReference } from './lib/types/references.type';
