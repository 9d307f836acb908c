import { registerEnumType } from '@nestjs/graphql';
import { CASE_TYPES, CHANNELS, MESSAGE_DIRECTIONS, PRIORITIES, STATUSES } from '@homeroom/cases/domain';

function enumOf<const T extends readonly string[]>(values: T): { [K in T[number]]: K } {
  return Object.fromEntries(values.map((value) => [value, value])) as { [K in T[number]]: K };
}

export const CaseStatusEnum = enumOf(STATUSES);
export const PriorityEnum = enumOf(PRIORITIES);
export const ChannelEnum = enumOf(CHANNELS);
export const CaseTypeEnum = enumOf(CASE_TYPES);
export const MessageDirectionEnum = enumOf(MESSAGE_DIRECTIONS);

registerEnumType(CaseStatusEnum, { name: 'CaseStatus' });
registerEnumType(PriorityEnum, { name: 'Priority' });
registerEnumType(ChannelEnum, { name: 'Channel' });
registerEnumType(CaseTypeEnum, { name: 'CaseType' });
registerEnumType(MessageDirectionEnum, { name: 'MessageDirection' });
