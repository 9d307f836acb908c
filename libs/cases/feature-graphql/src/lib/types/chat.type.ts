import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  CHAT_END_REASONS,
  PRESENCE_STATUSES,
  TRANSCRIPT_SKIP_REASONS,
  type ChatEndReason,
  type PresenceStatus,
  type TranscriptSkipReason,
} from '@homeroom/cases/data-access';
import { enumFrom } from '@homeroom/platform/graphql';

export const PresenceStatusEnum = enumFrom(PRESENCE_STATUSES);
registerEnumType(PresenceStatusEnum, {
  name: 'PresenceStatus',
  description: 'AVAILABLE to answer chats, or AWAY (also once their portal stopped saying AVAILABLE).',
});

export const ChatEndReasonEnum = enumFrom(CHAT_END_REASONS);
registerEnumType(ChatEndReasonEnum, {
  name: 'ChatEndReason',
  description:
    'REQUESTER_LEFT (the family ended it), STAFF_ENDED, IDLE (nobody wrote for the idle time) or CASE_CLOSED (the case was resolved or closed).',
});

export const TranscriptSkipReasonEnum = enumFrom(TRANSCRIPT_SKIP_REASONS);
registerEnumType(TranscriptSkipReasonEnum, {
  name: 'TranscriptSkipReason',
  description:
    "Why a chat's transcript was not mailed: ANONYMOUS, NO_EMAIL (the family gave none), MAIL_OFF (the district sends no mail) or REJECTED (the family's mail server refused the address).",
});

@ObjectType({
  description:
    'Whether anyone is there to answer a chat now. With businessHoursNow (the SLA service), what the chat widget says before a family writes.',
})
export class ChatAvailability {
  @Field({
    description:
      "Whether a member of staff is present (PresenceStatus AVAILABLE) on an active team of the school's or the district's own.",
  })
  agentsAvailable!: boolean;
}

@ObjectType('Chat', {
  description: "A case's chat (channel CHAT, opened by the web chat widget): live while the family is there.",
})
export class ChatSessionType {
  @Field()
  startedAt!: Date;

  @Field({ description: 'The last message either way.' })
  lastActivityAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it ended; null while the family is in it.' })
  endedAt!: Date | null;

  @Field(() => ChatEndReasonEnum, { nullable: true })
  endReason!: ChatEndReason | null;

  @Field(() => Date, { nullable: true, description: 'When its transcript was mailed to the family.' })
  transcriptSentAt!: Date | null;

  @Field(() => TranscriptSkipReasonEnum, {
    nullable: true,
    description:
      'Why its transcript was not mailed and will not be; null while it is still to go (or was mailed).',
  })
  transcriptSkipped!: TranscriptSkipReason | null;
}

@ObjectType({ description: 'Whether a member of staff is there to answer chats.' })
export class StaffPresence {
  @Field(() => ID)
  personId!: string;

  @Field(() => PresenceStatusEnum)
  status!: PresenceStatus;

  @Field(() => Date, { nullable: true, description: 'When their portal last said so.' })
  seenAt!: Date | null;
}
