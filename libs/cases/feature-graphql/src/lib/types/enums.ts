import { registerEnumType } from '@nestjs/graphql';
import { enumFrom } from '@homeroom/platform/graphql';
import {
  CASE_SORTS,
  CASE_TYPES,
  CHANNELS,
  MESSAGE_DIRECTIONS,
  PRIORITIES,
  STATUSES,
} from '@homeroom/cases/domain';
import { SENTIMENT_LABELS } from '@homeroom/shared/sentiment';

export const CaseStatusEnum = enumFrom(STATUSES);
export const PriorityEnum = enumFrom(PRIORITIES);
export const ChannelEnum = enumFrom(CHANNELS);
export const CaseTypeEnum = enumFrom(CASE_TYPES);
export const MessageDirectionEnum = enumFrom(MESSAGE_DIRECTIONS);
export const SentimentEnum = enumFrom(SENTIMENT_LABELS);
export const CaseSortEnum = enumFrom(CASE_SORTS);

registerEnumType(CaseStatusEnum, { name: 'CaseStatus' });
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
