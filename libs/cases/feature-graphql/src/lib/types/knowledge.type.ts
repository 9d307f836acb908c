import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ARTICLE_LIMITS, type ArticleStatus } from '@homeroom/cases/domain';
import { ConnectionType, MaxLength } from '@homeroom/platform/graphql';
import { ArticleStatusEnum } from './enums';
import { StoredFile } from './attachment.type';
import { Topic } from './case.type';

@ObjectType({ description: 'A name in one language.' })
export class LocalizedName {
  @Field({ description: 'A language tag (en, es, zh-TW).' })
  language!: string;

  @Field()
  name!: string;
}

@ObjectType({ description: 'A help-center category.' })
export class KnowledgeCategory {
  @Field(() => ID)
  id!: string;

  @Field({ description: "Its name in the language asked for, else the district's." })
  name!: string;

  @Field(() => [LocalizedName])
  names!: LocalizedName[];

  @Field(() => Int)
  position!: number;
}

@ObjectType({ description: "An article's text in one language: its title and its (sanitized) HTML." })
export class ArticleTranslation {
  @Field()
  language!: string;

  @Field()
  title!: string;

  @Field({
    description: 'HTML with headings, lists, links, images and tables only; anything else was removed.',
  })
  body!: string;
}

@ObjectType({ description: 'One published version of an article, as it read.' })
export class KnowledgeArticleVersion {
  @Field(() => Int)
  version!: number;

  @Field(() => [ArticleTranslation])
  translations!: ArticleTranslation[];

  @Field({ description: 'Who published it: a directory person or an API client.' })
  publishedBy!: string;

  @Field()
  publishedAt!: Date;
}

@ObjectType({
  description:
    'A knowledge-base article as staff keep it: the draft being written, and which version the help center shows.',
})
export class KnowledgeArticle {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Its address in the help center (/help/<slug>).' })
  slug!: string;

  @Field(() => ArticleStatusEnum)
  status!: ArticleStatus;

  @Field(() => ID, { nullable: true, description: "The school whose families see it; null: the district's." })
  schoolId!: string | null;

  @Field(() => ID, { nullable: true })
  categoryId!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The topic whose questions it answers (deflection is counted per topic).',
  })
  topicId!: string | null;

  @Field(() => [ArticleTranslation], { description: 'The draft: what the next publication makes live.' })
  translations!: ArticleTranslation[];

  @Field(() => Int, { nullable: true, description: 'The live version; null until first published.' })
  publishedVersion!: number | null;

  @Field(() => Date, { nullable: true })
  publishedAt!: Date | null;

  @Field(() => Int, { description: 'Families who found it helpful.' })
  helpfulCount!: number;

  @Field(() => Int)
  notHelpfulCount!: number;

  @Field(() => Int, {
    description: 'Families who said it answered their question instead of writing to the district.',
  })
  answeredCount!: number;

  @Field()
  updatedAt!: Date;
}

export const KnowledgeArticleConnection = ConnectionType(KnowledgeArticle);

@ObjectType({
  description: "A live article as the help center lists it, in the reader's language where it has one.",
})
export class HelpArticleSummary {
  @Field(() => ID)
  id!: string;

  @Field()
  slug!: string;

  @Field({ description: 'The language of this text (the one asked for, else the district’s).' })
  language!: string;

  @Field()
  title!: string;

  @Field({ description: 'The first words of its text.' })
  summary!: string;

  @Field(() => ID, { nullable: true })
  categoryId!: string | null;

  @Field(() => ID, { nullable: true })
  schoolId!: string | null;

  @Field()
  publishedAt!: Date;
}

@ObjectType({ description: 'A live article, to read.' })
export class HelpArticle extends HelpArticleSummary {
  @Field({ description: 'Sanitized HTML.' })
  bodyHtml!: string;

  @Field(() => [String], { description: 'Every language it can be read in.' })
  languages!: string[];
}

@ObjectType({ description: "What the help center did for one topic's questions in a range." })
export class TopicDeflection {
  @Field(() => Topic, { nullable: true })
  topic!: Topic | null;

  @Field(() => Int, { description: 'Families who said an article answered their question (no case opened).' })
  answered!: number;

  @Field(() => Int)
  helpful!: number;

  @Field(() => Int)
  notHelpful!: number;

  @Field(() => Int, { description: 'Cases opened on the topic in the range.' })
  opened!: number;

  @Field(() => Number, {
    nullable: true,
    description:
      'answered / (answered + opened): the share of questions the help center answered; null with neither.',
  })
  deflectionRate!: number | null;
}

@InputType()
export class ArticleTranslationInput {
  @Field()
  @MaxLength(16)
  language!: string;

  @Field()
  @MaxLength(ARTICLE_LIMITS.title)
  title!: string;

  @Field({
    description: 'HTML; what an article may not hold (scripts, styles, frames, event handlers) is removed.',
  })
  @MaxLength(ARTICLE_LIMITS.body)
  body!: string;
}

@InputType()
export class KnowledgeArticleInput {
  @Field(() => [ArticleTranslationInput], { description: "The district's language is required." })
  translations!: ArticleTranslationInput[];

  @Field(() => ID, { nullable: true })
  categoryId?: string | null;

  @Field(() => ID, { nullable: true })
  topicId?: string | null;
}

@InputType()
export class NewKnowledgeArticleInput extends KnowledgeArticleInput {
  @Field(() => ID, {
    nullable: true,
    description: "The school whose families see it; left out, the district's. Fixed once made.",
  })
  schoolId?: string | null;
}

@InputType()
export class KnowledgeArticleFilter {
  @Field(() => ArticleStatusEnum, { nullable: true })
  status?: ArticleStatus | null;

  @Field(() => String, { nullable: true, description: 'Words in a title of the draft.' })
  @MaxLength(200)
  search?: string | null;

  @Field(() => ID, { nullable: true })
  schoolId?: string | null;
}

@InputType()
export class LocalizedNameInput {
  @Field()
  @MaxLength(16)
  language!: string;

  @Field()
  @MaxLength(80)
  name!: string;
}

@ObjectType({ description: 'A file of an article: an image it shows, or a document it offers.' })
export class ArticleFile extends StoredFile {
  @Field({
    description:
      'Shown in the page (PNG, JPEG, GIF, WebP: an article may show it with <img src="{url}">); other files are downloads.',
  })
  image!: boolean;

  @Field({
    description:
      'Published with the article: anyone may open it while the article is live. Files added since wait for the next publication.',
  })
  published!: boolean;

  @Field({
    description:
      'Its lasting path, /attachments/articles/<id>/<name>: what the article’s HTML names it by (<img src>, <a href>). The help center gives such paths on the API’s public origin.',
  })
  path!: string;

  @Field({
    description:
      'Where to open it. Published: its lasting address, a path on the district’s API origin (/attachments/articles/<id>/<name>) that the article’s HTML may use. Not yet: a signed link that works for a few minutes.',
  })
  url!: string;

  @Field()
  createdAt!: Date;
}
