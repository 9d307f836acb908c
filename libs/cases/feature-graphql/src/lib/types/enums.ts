import { registerEnumType } from '@nestjs/graphql';
import { enumFrom } from '@homeroom/platform/graphql';
import {
  ARTICLE_STATUSES,
  CASE_SORTS,
  CASE_TYPES,
  CHANNELS,
  IGNORE_REASONS,
  MESSAGE_DIRECTIONS,
  PRIORITIES,
  REVIEW_STATUSES,
  STATUSES,
  VITAL_CATEGORIES,
} from '@homeroom/cases/domain';
import { SENTIMENT_LABELS } from '@homeroom/shared/sentiment';

export const CaseStatusEnum = enumFrom(STATUSES);
export const PriorityEnum = enumFrom(PRIORITIES);
export const ChannelEnum = enumFrom(CHANNELS);
export const CaseTypeEnum = enumFrom(CASE_TYPES);
export const MessageDirectionEnum = enumFrom(MESSAGE_DIRECTIONS);
export const SentimentEnum = enumFrom(SENTIMENT_LABELS);
export const CaseSortEnum = enumFrom(CASE_SORTS);
export const EmailIgnoreReasonEnum = enumFrom(IGNORE_REASONS);
export const QuarantineStateEnum = enumFrom(['OPEN', 'RELEASED', 'DISCARDED'] as const);

registerEnumType(CaseStatusEnum, { name: 'CaseStatus' });
registerEnumType(EmailIgnoreReasonEnum, {
  name: 'EmailIgnoreReason',
  description:
    'Why the intake kept an email instead of opening a case: machine mail (AUTO_REPLY, DELIVERY_REPORT, READ_RECEIPT, ABUSE_REPORT, MAILING_LIST, BULK), NO_SENDER (no address to answer), EMPTY, or UNREADABLE (what it says is refused by the case rules; the detail says which).',
});
registerEnumType(QuarantineStateEnum, {
  name: 'QuarantineState',
  description: 'OPEN: waiting for staff; RELEASED: made a case; DISCARDED.',
});
registerEnumType(PriorityEnum, { name: 'Priority' });
registerEnumType(ChannelEnum, { name: 'Channel' });
registerEnumType(CaseTypeEnum, { name: 'CaseType' });
registerEnumType(MessageDirectionEnum, { name: 'MessageDirection' });
registerEnumType(SentimentEnum, {
  name: 'Sentiment',
  description: 'How the requester came across at intake.',
});
registerEnumType(CaseSortEnum, {
  name: 'CaseSort',
  description:
    'NEWEST (default), OLDEST (first in, first out), RECENTLY_UPDATED, PRIORITY (URGENT first, then the longest waiting), SLA_DUE (the nearest deadline the SLA service warned about first; cases without one last).',
});

export const ArticleStatusEnum = enumFrom(ARTICLE_STATUSES);
registerEnumType(ArticleStatusEnum, {
  name: 'ArticleStatus',
  description:
    'DRAFT (being written, or changed since it was published), IN_REVIEW (sent to a keeper), PUBLISHED (the draft is live), ARCHIVED (out of the help center).',
});

export const VitalCategoryEnum = enumFrom(VITAL_CATEGORIES);
registerEnumType(VitalCategoryEnum, {
  name: 'VitalCategory',
  description:
    'What makes a reply template vital: DISCIPLINE, SPECIAL_EDUCATION, ENROLLMENT, or OTHER (a category of the district’s own). Its replies in another language than the staff’s wait for a qualified translator.',
});

export const ReviewStatusEnum = enumFrom(REVIEW_STATUSES);
registerEnumType(ReviewStatusEnum, {
  name: 'ReviewStatus',
  description:
    'A vital reply’s review: PENDING (held: not sent, not shown to the requester), APPROVED (sent), RETURNED (sent back to its author; never sent).',
});
