import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  articleFilesOn,
  AttachmentUrlSigner,
  CaseMetricsService,
  HelpCenterService,
  KnowledgeBaseService,
  MAX_HELP_RESULTS,
  TopicService,
} from '@homeroom/cases/data-access';
import { Allow, CurrentPrincipal, Public, type Principal } from '@homeroom/platform/auth';
import { ArgsMaxLength, DateRangeInput } from '@homeroom/platform/graphql';
import { InvalidInputException } from '@homeroom/shared/errors';
import { canonicalLanguageTag } from '@homeroom/shared/contact';
import { CASE_READ, caseVisibility } from '../access';
import { toKnowledgeCategory, toTopic } from '../mappers';
import { MESSAGE_BODY_MAX_LENGTH } from '../types/inputs';
import { HelpArticle, HelpArticleSummary, KnowledgeCategory, TopicDeflection } from '../types/knowledge.type';

/** The reader's language as a tag, or a clear refusal. */
function readerLanguage(language: string): string {
  const tag = canonicalLanguageTag(language);
  if (!tag)
    throw new InvalidInputException('Not a language tag', [
      { path: 'language', message: 'not a language tag' },
    ]);
  return tag;
}

/**
 * The public help center (no sign-in): categories, search and articles in the reader's language, the
 * suggestions beside the contact form, and what families say of an article. The figures are staff's.
 */
@Resolver()
export class HelpCenterResolver {
  constructor(
    private readonly helpCenter: HelpCenterService,
    private readonly knowledge: KnowledgeBaseService,
    private readonly metrics: CaseMetricsService,
    private readonly topics: TopicService,
    private readonly signer: AttachmentUrlSigner,
  ) {}

  @Public()
  @Query(() => [KnowledgeCategory], {
    description: "The help center's categories, named in the reader's language.",
  })
  async helpCategories(
    @Args('language', { defaultValue: 'en' }) language: string,
  ): Promise<KnowledgeCategory[]> {
    const tag = readerLanguage(language);
    return (await this.knowledge.categories()).map((category) =>
      toKnowledgeCategory(category, this.knowledge.nameOf(category, tag)),
    );
  }

  @Public()
  @Query(() => [HelpArticleSummary], {
    description: `Live articles matching a search (language-aware: each text with its language's stemmer), best first, or by title without one; at most ${MAX_HELP_RESULTS}. A school's help center shows its articles beside the district's.`,
  })
  async helpArticles(
    @Args('language', { defaultValue: 'en' }) language: string,
    @Args('search', { type: () => String, nullable: true }) search: string | null,
    @Args('categoryId', { type: () => ID, nullable: true }) categoryId: string | null,
    @Args('schoolId', { type: () => ID, nullable: true }) schoolId: string | null,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
  ): Promise<HelpArticleSummary[]> {
    const rows = await this.helpCenter.search(
      { language: readerLanguage(language), text: search, categoryId, schoolId },
      Math.max(1, Math.min(first, MAX_HELP_RESULTS)),
    );
    return rows.map(({ articleId, ...row }) => ({ id: articleId, ...row }));
  }

  @Public()
  @Query(() => HelpArticle, {
    description: 'A live article by its address; NOT_FOUND if none is live there.',
  })
  async helpArticle(
    @Args('slug') slug: string,
    @Args('language', { defaultValue: 'en' }) language: string,
  ): Promise<HelpArticle> {
    const { articleId, ...article } = await this.helpCenter.article(slug, readerLanguage(language));
    // Its own images and documents on the origin the files are served at, whoever shows the article.
    return { id: articleId, ...article, bodyHtml: articleFilesOn(article.bodyHtml, this.signer.base) };
  }

  @Public()
  @Query(() => [HelpArticleSummary], {
    description:
      'Up to three live articles that may answer what a family is writing on the contact form, before they send it.',
  })
  @ArgsMaxLength({ text: MESSAGE_BODY_MAX_LENGTH })
  async suggestHelpArticles(
    @Args('text') text: string,
    @Args('language', { defaultValue: 'en' }) language: string,
    @Args('schoolId', { type: () => ID, nullable: true }) schoolId: string | null,
  ): Promise<HelpArticleSummary[]> {
    const rows = await this.helpCenter.suggest(text, { language: readerLanguage(language), schoolId });
    return rows.map(({ articleId, ...row }) => ({ id: articleId, ...row }));
  }

  @Public()
  @Mutation(() => Boolean, { description: '"Was this helpful?" on a live article.' })
  async rateHelpArticle(
    @Args('articleId', { type: () => ID }) articleId: string,
    @Args('helpful') helpful: boolean,
    @Args('language', { defaultValue: 'en' }) language: string,
  ): Promise<boolean> {
    await this.helpCenter.feedback(articleId, helpful ? 'HELPFUL' : 'NOT_HELPFUL', readerLanguage(language));
    return true;
  }

  @Public()
  @Mutation(() => Boolean, {
    description:
      '"This answered my question": a family found the answer instead of sending the contact form.',
  })
  async markHelpArticleAnswered(
    @Args('articleId', { type: () => ID }) articleId: string,
    @Args('language', { defaultValue: 'en' }) language: string,
  ): Promise<boolean> {
    await this.helpCenter.feedback(articleId, 'ANSWERED', readerLanguage(language));
    return true;
  }

  @Allow(CASE_READ)
  @Query(() => [TopicDeflection], {
    description:
      "Per topic, the questions the help center answered beside the cases opened, in a range: the district's and your schools' articles and cases.",
  })
  async helpCenterDeflection(
    @Args('range') range: DateRangeInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<TopicDeflection[]> {
    const visibility = caseVisibility(principal);
    const [answered, figures, topics] = await Promise.all([
      this.helpCenter.answeredByTopic(range, visibility.scope === 'all' ? 'all' : visibility.schoolIds),
      this.metrics.metrics({ from: range.from, to: range.to }, visibility),
      this.topics.list(),
    ]);
    const opened = new Map(figures.byTopic.map((t) => [t.topicId, t.count]));
    const byId = new Map(topics.map((topic) => [topic.id, topic]));
    const topicIds = new Set([...answered.map((a) => a.topicId), ...opened.keys()]);
    const answeredOf = new Map(answered.map((a) => [a.topicId, a]));
    return [...topicIds]
      .map((topicId) => {
        const feedback = answeredOf.get(topicId) ?? { answered: 0, helpful: 0, notHelpful: 0 };
        const cases = opened.get(topicId) ?? 0;
        const topic = topicId ? byId.get(topicId) : undefined;
        return {
          topic: topic ? toTopic(topic) : null,
          answered: feedback.answered,
          helpful: feedback.helpful,
          notHelpful: feedback.notHelpful,
          opened: cases,
          deflectionRate: feedback.answered + cases ? feedback.answered / (feedback.answered + cases) : null,
        };
      })
      .sort((a, b) => b.answered - a.answered || b.opened - a.opened);
  }
}
