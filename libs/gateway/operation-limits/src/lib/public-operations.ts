import { ERROR_CODES } from '@homeroom/shared/errors';
import type { LimitViolation } from './operation-limits';
import type { OperationShape } from './operation-shape';

/**
 * What a caller without a token may run: a family submits an inquiry (the form lists schools and topics),
 * tracks its case and replies by the case's token, confirms by a mailed link that it was them who wrote,
 * and answers a survey by its link; anyone reads the help center, is offered its articles while writing,
 * and says whether one helped or answered their question; the chat widget asks whether anyone is there,
 * starts a chat and ends it (ADR 34). Subgraphs authorize
 * every field themselves (ADR 0005); this list lets the gateway refuse everything else before planning.
 */
export const PUBLIC_ROOT_FIELDS: Readonly<Record<'query' | 'mutation', readonly string[]>> = {
  query: [
    'district',
    'schools',
    'school',
    'topics',
    'trackCase',
    'surveyByToken',
    'helpCategories',
    'helpArticles',
    'helpArticle',
    'suggestHelpArticles',
    // The pages' words as the district corrected them (ADR 33).
    'publicTextCorrections',
    // The chat widget: whether the district is open and anyone is there to answer (ADR 34).
    'businessHoursNow',
    'chatAvailability',
  ],
  mutation: [
    'submitInquiry',
    'replyAsRequester',
    'confirmRequester',
    'submitSurveyResponse',
    'rateHelpArticle',
    'markHelpArticleAnswered',
    'startChat',
    'endChat',
  ],
};

/** True when every root field of the operation is public (a query of only `__typename` is too). */
export function isPublicOperation(shape: OperationShape): boolean {
  if (shape.operationType === 'subscription') return false;
  const allowed = PUBLIC_ROOT_FIELDS[shape.operationType];
  return shape.rootFields.every((field) => allowed.includes(field));
}

/**
 * Public mutations are the writes anyone may make without a token, so each one must count against the
 * caller's rate limit: one per operation, never several under aliases (a client sends more as more
 * operations, in a batch if it likes, and each is counted).
 */
export const MAX_PUBLIC_MUTATIONS_PER_OPERATION = 1;

/** More public mutation fields in the operation than one operation may run, or undefined. */
export function publicMutationViolation(shape: OperationShape): LimitViolation | undefined {
  if (shape.operationType !== 'mutation') return undefined;
  const actual = shape.rootFieldCalls.filter((field) => PUBLIC_ROOT_FIELDS.mutation.includes(field)).length;
  if (actual <= MAX_PUBLIC_MUTATIONS_PER_OPERATION) return undefined;
  return {
    code: ERROR_CODES.RATE_LIMITED,
    reason: 'TOO_MANY_PUBLIC_MUTATIONS',
    message: `The operation runs ${actual} public mutations; at most ${MAX_PUBLIC_MUTATIONS_PER_OPERATION} is allowed per operation (send each as an operation of its own)`,
    limit: MAX_PUBLIC_MUTATIONS_PER_OPERATION,
    actual,
  };
}
