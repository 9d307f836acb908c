import { ConflictException, ForbiddenException, InvalidInputException } from '@homeroom/shared/errors';

/**
 * What makes a template vital (issue 22, Title VI and IDEA guidance): a message about discipline, special
 * education or enrollment, in a language the author does not write, goes only after a qualified translator
 * has read it. OTHER: a district's own vital category (a health or custody notice).
 */
export const VITAL_CATEGORIES = ['DISCIPLINE', 'SPECIAL_EDUCATION', 'ENROLLMENT', 'OTHER'] as const;
export type VitalCategory = (typeof VITAL_CATEGORIES)[number];

/** PENDING: held, nothing sent; APPROVED: a translator released it; RETURNED: sent back to its author. */
export const REVIEW_STATUSES = ['PENDING', 'APPROVED', 'RETURNED'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const MAX_RETURN_REASON_LENGTH = 1_000;

const primary = (tag: string) => tag.toLowerCase().split(/[-_]/)[0]!;

/** What a reply is, as far as its review goes. */
export interface OutgoingReply {
  /** The vital category of the template the text came from, if it came from one. */
  templateCategory: VitalCategory | null;
  /** The case's vital category: set once a vital template was used on it (see `vitalCategoryOfCase`). */
  caseCategory: VitalCategory | null;
  /** True when staff send a machine translation of what they wrote (`replyToCase(translatedFrom:)`). */
  machineTranslated: boolean;
  /** The language the requester receives it in. */
  language: string;
  /** The language staff read and write (STAFF_LANGUAGE). */
  staffLanguage: string;
}

/**
 * The category a reply is held for, or null when it goes at once. Held: a reply from a vital template,
 * and a machine-translated reply on a case a vital template was used on, when the requester reads another
 * language than staff write: that text is what no one sending it can check. A reply in the staff's
 * language goes (its author read it); so does a reply typed by hand in another language on a case that
 * is not vital (nothing marks it as anything but the author's own words).
 */
export function reviewCategoryOf(reply: OutgoingReply): VitalCategory | null {
  if (primary(reply.language) === primary(reply.staffLanguage)) return null;
  if (reply.templateCategory) return reply.templateCategory;
  if (reply.machineTranslated && reply.caseCategory) return reply.caseCategory;
  return null;
}

/** What the review of one held message is decided on. */
export interface ReviewAttempt {
  status: ReviewStatus | null;
  /** The held message's language (the requester's). */
  language: string;
  authorId: string | null;
  reviewerId: string;
  /** The languages the directory marked the reviewer a qualified translator for. */
  reviewerLanguages: readonly string[];
}

/**
 * Refuses a review nobody may make, in the order a reviewer would want to hear it: the message is not
 * held (ALREADY_REVIEWED when a translator got there first), its author reviewing their own words
 * (REVIEWER_IS_AUTHOR: a second pair of eyes is the point), and someone not qualified in its language
 * (NOT_A_QUALIFIED_TRANSLATOR).
 */
export function assertMayReview(attempt: ReviewAttempt): void {
  if (attempt.status !== 'PENDING')
    throw new ConflictException(
      attempt.status ? 'This message was reviewed already' : 'This message is not waiting for review',
      'ALREADY_REVIEWED',
    );
  if (attempt.authorId === attempt.reviewerId)
    throw new ForbiddenException('You may not review a message you wrote', 'REVIEWER_IS_AUTHOR');
  const language = primary(attempt.language);
  if (!attempt.reviewerLanguages.some((held) => primary(held) === language))
    throw new ForbiddenException(
      `You are not a qualified translator for ${language}`,
      'NOT_A_QUALIFIED_TRANSLATOR',
    );
}

/** A reason to send a message back: said in words its author can act on, within its limit. */
export function returnReason(reason: string): string {
  const text = reason.trim();
  if (!text || text.length > MAX_RETURN_REASON_LENGTH)
    throw new InvalidInputException(
      `Say why it goes back, in 1 to ${MAX_RETURN_REASON_LENGTH} characters`,
      [{ path: 'reason', message: 'required' }],
      'REASON_REQUIRED',
    );
  return text;
}
