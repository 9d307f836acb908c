import type { OperationShape } from './operation-shape';

/**
 * What a caller without a token may run: a family submits an inquiry (the form lists schools and topics),
 * tracks its case and replies by the case's token, and answers a survey by its link. Subgraphs authorize
 * every field themselves (ADR 0005); this list lets the gateway refuse everything else before planning.
 */
export const PUBLIC_ROOT_FIELDS: Readonly<Record<'query' | 'mutation', readonly string[]>> = {
  query: ['district', 'schools', 'school', 'topics', 'trackCase', 'surveyByToken'],
  mutation: ['submitInquiry', 'replyAsRequester', 'submitSurveyResponse'],
};

/** True when every root field of the operation is public (a query of only `__typename` is too). */
export function isPublicOperation(shape: OperationShape): boolean {
  if (shape.operationType === 'subscription') return false;
  const allowed = PUBLIC_ROOT_FIELDS[shape.operationType];
  return shape.rootFields.every((field) => allowed.includes(field));
}
