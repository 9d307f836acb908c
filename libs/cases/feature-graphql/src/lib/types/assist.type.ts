import { registerEnumType } from '@nestjs/graphql';
import { REPLY_TONES } from '@homeroom/cases/data-access';
import { enumFrom } from '@homeroom/platform/graphql';

export const ReplyToneEnum = enumFrom(REPLY_TONES);

registerEnumType(ReplyToneEnum, { name: 'ReplyTone', description: 'How a suggested reply should sound.' });
