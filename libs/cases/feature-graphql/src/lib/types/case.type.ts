import { Directive, Field, Float, ID, ObjectType } from '@nestjs/graphql';
import type { SentimentLabel } from '@homeroom/shared/sentiment';
import type { CaseStatus, CaseType, Channel, MessageDirection, Priority } from '@homeroom/cases/domain';
import { ConnectionType } from '@homeroom/platform/graphql';
import {
  CaseStatusEnum,
  CaseTypeEnum,
  ChannelEnum,
  MessageDirectionEnum,
  PriorityEnum,
  SentimentEnum,
} from './enums';
import { PersonReference, SchoolReference, TeamReference } from './references.type';
import { MessageReview } from './message-review.type';

@ObjectType({ description: 'A topic of the two-level taxonomy (Transportation › Bus delay).' })
export class Topic {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => ID, { nullable: true })
  parentId!: string | null;
}

@ObjectType({ description: 'How to answer a requester who is not (or not yet) in the directory.' })
export class CaseContact {
  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;
}

@ObjectType()
export class CaseMessage {
  @Field(() => ID)
  id!: string;

  @Field(() => MessageDirectionEnum)
  direction!: MessageDirection;

  @Field({ description: 'REQUESTER, STAFF, CLIENT or SYSTEM.' })
  authorKind!: string;

  @Field()
  body!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The language a requester's message is written in (BCP 47, e.g. vi), detected among the district's languages; null when unclear or not a requester's message.",
  })
  language!: string | null;

  @Field(() => MessageReview, {
    nullable: true,
    description:
      'A vital reply’s review by a qualified translator (PENDING: not sent yet); null for a message never held. Staff only: never on the tracking page.',
  })
  review!: MessageReview | null;

  @Field()
  createdAt!: Date;
}

@ObjectType({ description: 'One change to a case: what, who, and the details.' })
export class CaseTimelineEntry {
  @Field()
  kind!: string;

  @Field()
  actor!: string;

  @Field({ description: 'JSON details: from and to, the rule that decided, …' })
  details!: string;

  @Field()
  at!: Date;
}

@ObjectType({ description: 'A contact with the district, from first message to resolution.' })
@Directive('@key(fields: "id")')
export class Case {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'HR-2026-004211.' })
  number!: string;

  @Field()
  subject!: string;

  @Field(() => CaseStatusEnum)
  status!: CaseStatus;

  @Field(() => PriorityEnum)
  priority!: Priority;

  @Field(() => ChannelEnum)
  channel!: Channel;

  @Field(() => CaseTypeEnum, { nullable: true })
  type!: CaseType | null;

  @Field(() => SchoolReference, { nullable: true })
  school!: SchoolReference | null;

  @Field(() => PersonReference, {
    nullable: true,
    description:
      'Null when anonymous, not matched to the directory, or matched only by an address typed into the form or an email and not yet confirmed (see requesterCandidate).',
  })
  requester!: PersonReference | null;

  @Field(() => PersonReference, {
    nullable: true,
    description:
      "The directory person whose address the inquiry came from (the public form, an email) while its owner has not confirmed it was them: anyone can type anyone's address. A confirmation link is mailed to that address; on confirmation they become the requester. Not a confirmed identity: do not share their records on this case.",
  })
  requesterCandidate!: PersonReference | null;

  @Field(() => CaseContact)
  contact!: CaseContact;

  @Field(() => PersonReference, { nullable: true })
  assignee!: PersonReference | null;

  @Field(() => TeamReference, { nullable: true })
  team!: TeamReference | null;

  @Field({ description: 'BCP 47 language tag.' })
  language!: string;

  @Field()
  anonymous!: boolean;

  @Field()
  confidential!: boolean;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  @Field(() => Date, { nullable: true })
  firstRespondedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  resolvedAt!: Date | null;

  @Field(() => ID, { nullable: true, description: 'The case this one follows up.' })
  followUpOfId!: string | null;

  @Field(() => SentimentEnum, { nullable: true, description: 'Scored at intake; null for older cases.' })
  sentiment!: SentimentLabel | null;

  @Field(() => Float, { nullable: true, description: 'From -1 (very negative) to 1 (very positive).' })
  sentimentScore!: number | null;

  @Field(() => [String], { description: 'Normalized tags (lower case, dashes).' })
  tags!: string[];

  @Field(() => ID, {
    nullable: true,
    description: 'Set when this case was merged into another (and closed).',
  })
  mergedIntoId!: string | null;

  topicId!: string | null;
}

export const CaseConnection = ConnectionType(Case);

@ObjectType({
  description: 'What a requester sees through their tracking link: status and the public conversation.',
})
export class TrackedCase {
  @Field()
  number!: string;

  @Field()
  subject!: string;

  @Field(() => CaseStatusEnum)
  status!: CaseStatus;

  @Field()
  createdAt!: Date;

  @Field(() => [CaseMessage], { description: 'Requester messages and staff replies; never internal notes.' })
  messages!: CaseMessage[];

  @Field(() => String, {
    nullable: true,
    description: 'When the reply opened a new case (the old one was closed), its number.',
  })
  followUpNumber?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The follow-up case's own tracking token, shown once.",
  })
  followUpTrackingToken?: string | null;
}

@ObjectType({
  description: 'The case whose requester confirmed, by the link mailed to them, that they wrote in.',
})
export class ConfirmedRequester {
  @Field()
  caseNumber!: string;
}

@ObjectType()
export class SubmitInquiryPayload {
  @Field()
  caseNumber!: string;

  @Field({ description: 'The requester keeps this to follow the case; it is shown once.' })
  trackingToken!: string;
}
