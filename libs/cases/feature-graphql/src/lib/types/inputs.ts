import { Field, ID, InputType } from '@nestjs/graphql';
import {
  type CaseStatus,
  type CaseType,
  type Channel,
  MAX_MESSAGE_LENGTH,
  type Priority,
} from '@homeroom/cases/domain';
import { MaxLength } from '@homeroom/platform/graphql';
import { MAX_SEARCH_LENGTH } from '@homeroom/shared/text';
import { CaseStatusEnum, CaseTypeEnum, ChannelEnum, PriorityEnum } from './enums';

/**
 * The bound on a message body as sent (inquiry, description, reply, note): twice MAX_MESSAGE_LENGTH, which
 * the domain checks after trimming and joining CRLF line ends, so that it stays the one to answer.
 */
export const MESSAGE_BODY_MAX_LENGTH = 2 * MAX_MESSAGE_LENGTH;

@InputType()
export class RequesterInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Any common format; stored as E.164.' })
  phone?: string | null;
}

@InputType()
export class SubmitInquiryInput {
  @Field()
  @MaxLength(MESSAGE_BODY_MAX_LENGTH)
  message!: string;

  @Field(() => String, { nullable: true })
  subject?: string | null;

  @Field(() => ID, { nullable: true })
  schoolId?: string | null;

  @Field(() => ID, { nullable: true })
  topicId?: string | null;

  @Field(() => String, { nullable: true, description: 'BCP 47; the district default when omitted.' })
  language?: string | null;

  @Field(() => RequesterInput, { nullable: true })
  requester?: RequesterInput | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  anonymous?: boolean | null;
}

@InputType()
export class CreateCaseInput {
  @Field(() => ChannelEnum, { description: 'PHONE, WALK_IN, CHAT, SMS, SOCIAL or STAFF.' })
  channel!: Channel;

  @Field({ description: "The requester's words, as staff took them down." })
  @MaxLength(MESSAGE_BODY_MAX_LENGTH)
  description!: string;

  @Field(() => String, { nullable: true })
  subject?: string | null;

  @Field(() => ID, { nullable: true })
  schoolId?: string | null;

  @Field(() => ID, { nullable: true })
  topicId?: string | null;

  @Field(() => PriorityEnum, { nullable: true })
  priority?: Priority | null;

  @Field(() => CaseTypeEnum, { nullable: true })
  type?: CaseType | null;

  @Field(() => String, { nullable: true })
  language?: string | null;

  @Field(() => ID, { nullable: true, description: 'The directory person, when known.' })
  requesterId?: string | null;

  @Field(() => RequesterInput, { nullable: true })
  contact?: RequesterInput | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only named staff and district administrators may open it.',
  })
  confidential?: boolean | null;
}

@InputType()
export class CaseFilter {
  @Field(() => [CaseStatusEnum], { nullable: true })
  status?: CaseStatus[] | null;

  @Field(() => ID, { nullable: true })
  schoolId?: string | null;

  @Field(() => ID, { nullable: true })
  teamId?: string | null;

  @Field(() => ID, { nullable: true })
  assigneeId?: string | null;

  @Field(() => ID, { nullable: true })
  topicId?: string | null;

  @Field(() => PriorityEnum, { nullable: true })
  priority?: Priority | null;

  @Field(() => ChannelEnum, { nullable: true })
  channel?: Channel | null;

  @Field(() => String, {
    nullable: true,
    description: `A case number, or words of the subject (at most ${MAX_SEARCH_LENGTH} characters; a word of one or two letters matches the start of a word).`,
  })
  @MaxLength(MAX_SEARCH_LENGTH)
  search?: string | null;

  @Field(() => [String], { nullable: true, description: 'Cases carrying every one of these tags.' })
  tags?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Only the cases you watch.' })
  watchedByMe?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Only cases routed to a team you belong to.' })
  myTeams?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only cases at the schools your staff record names (none for district-wide staff).',
  })
  mySchools?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Only cases no one is assigned to.' })
  unassigned?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Only cases with an SLA timer past its warning threshold or breached, not yet met by a reply or resolution.',
  })
  slaAtRisk?: boolean | null;
}

@InputType({
  description: 'What staff correct on a case; omitted fields stay, null clears (topic, school, type).',
})
export class UpdateCaseInput {
  @Field(() => ID, { nullable: true, description: 'A corrected topic also teaches the classifier.' })
  topicId?: string | null;

  @Field(() => ID, { nullable: true })
  schoolId?: string | null;

  @Field(() => CaseTypeEnum, { nullable: true })
  type?: CaseType | null;

  @Field(() => PriorityEnum, { nullable: true })
  priority?: Priority | null;

  @Field(() => String, { nullable: true })
  subject?: string | null;

  @Field(() => String, { nullable: true, description: 'BCP 47.' })
  language?: string | null;
}

@InputType({
  description:
    "A message from a channel the district's other systems run (a phone system's voicemail transcript, a social inbox), handed over by an integration.",
})
export class ReceivedMessageInput {
  @Field(() => ChannelEnum, { description: 'PHONE, SMS, CHAT or SOCIAL.' })
  channel!: Channel;

  @Field({
    description:
      "The message's id in your system: handing the same message over again adds nothing and answers with the case it reached (DUPLICATE).",
  })
  @MaxLength(200)
  externalId!: string;

  @Field(() => RequesterInput, { description: 'Who sent it: a phone number or email address at least.' })
  from!: RequesterInput;

  @Field({ description: 'What they said (a transcript, a post).' })
  @MaxLength(MESSAGE_BODY_MAX_LENGTH)
  body!: string;

  @Field(() => String, { nullable: true })
  subject?: string | null;

  @Field(() => ID, { nullable: true, description: 'The school it is about, when your system knows.' })
  schoolId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Its language (BCP 47), when known; detected otherwise.',
  })
  language?: string | null;
}
