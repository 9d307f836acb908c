import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import {
  type CaseStatus,
  MAX_TEMPLATE_BODY_LENGTH,
  type Priority,
  type VitalCategory,
} from '@homeroom/cases/domain';
import { ConnectionType, MaxLength } from '@homeroom/platform/graphql';
import { CaseStatusEnum, PriorityEnum, VitalCategoryEnum } from './enums';
import { TeamReference } from './references.type';

@ObjectType({ description: "A template's text in one language." })
export class ReplyTemplateTranslation {
  @Field({ description: 'A language tag as cases carry it (en, es, zh-TW).' })
  language!: string;

  @Field({ description: 'The text, with placeholders such as {{requester.name}} and {{case.number}}.' })
  body!: string;
}

@ObjectType({
  description:
    "A reply staff send often (a macro): its text in each language, chosen by the requester's language, and what sending it also does to the case.",
})
export class ReplyTemplate {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true, description: 'What staff type to insert it (late-bus).' })
  shortcut!: string | null;

  @Field(() => TeamReference, {
    nullable: true,
    description: 'The team whose template it is; null: district-wide.',
  })
  team!: TeamReference | null;

  @Field(() => [ReplyTemplateTranslation])
  translations!: ReplyTemplateTranslation[];

  @Field(() => CaseStatusEnum, {
    nullable: true,
    description: 'The status the case moves to when it is sent.',
  })
  setStatus!: CaseStatus | null;

  @Field(() => PriorityEnum, { nullable: true })
  setPriority!: Priority | null;

  @Field(() => ID, { nullable: true })
  setTopicId!: string | null;

  @Field(() => [String], { description: 'Tags added to the case.' })
  addTags!: string[];

  @Field(() => VitalCategoryEnum, {
    nullable: true,
    description:
      "Vital: a reply from it in another language than the staff's waits for a qualified translator's review before it is sent. Null: not vital.",
  })
  vitalCategory!: VitalCategory | null;

  @Field(() => Int, { description: 'Replies sent with it.' })
  usageCount!: number;

  @Field(() => Date, { nullable: true })
  lastUsedAt!: Date | null;

  @Field()
  archived!: boolean;

  @Field()
  updatedAt!: Date;
}

export const ReplyTemplateConnection = ConnectionType(ReplyTemplate);

@ObjectType({
  description: 'A template as it reads on one case: in the requester’s language, placeholders filled.',
})
export class RenderedReplyTemplate {
  @Field(() => ID)
  templateId!: string;

  @Field({ description: 'The language of the text (the requester’s, else the district’s).' })
  language!: string;

  @Field()
  body!: string;
}

@InputType()
export class ReplyTemplateTranslationInput {
  @Field()
  @MaxLength(16)
  language!: string;

  @Field()
  @MaxLength(MAX_TEMPLATE_BODY_LENGTH)
  body!: string;
}

@InputType()
export class ReplyTemplateInput {
  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  shortcut?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "The team's template; left out, district-wide. Fixed once made (update keeps the team).",
  })
  teamId?: string | null;

  @Field(() => [ReplyTemplateTranslationInput], {
    description:
      "The district's language is required; unknown placeholders are refused (UNKNOWN_PLACEHOLDER).",
  })
  translations!: ReplyTemplateTranslationInput[];

  @Field(() => CaseStatusEnum, { nullable: true })
  setStatus?: CaseStatus | null;

  @Field(() => PriorityEnum, { nullable: true })
  setPriority?: Priority | null;

  @Field(() => ID, { nullable: true })
  setTopicId?: string | null;

  @Field(() => [String], { nullable: true })
  addTags?: string[] | null;

  @Field(() => VitalCategoryEnum, {
    nullable: true,
    description: 'Marks the template vital (left out or null: not vital).',
  })
  vitalCategory?: VitalCategory | null;
}

@InputType()
export class ReplyTemplateFilter {
  @Field(() => String, { nullable: true, description: 'Words in the name or the shortcut.' })
  search?: string | null;

  @Field(() => ID, { nullable: true })
  teamId?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  includeArchived?: boolean | null;
}
