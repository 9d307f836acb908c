import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { KnowledgeBaseService } from '@homeroom/cases/data-access';
import { Allow, CurrentPrincipal, Roles, type Principal } from '@homeroom/platform/auth';
import { decodeCursor, lazyConnection, PageArgs, pageSize } from '@homeroom/platform/graphql';
import {
  articleInReach,
  articleReach,
  assertMayPublishArticle,
  assertMayWriteArticle,
  CASE_READ,
  CASE_WRITE,
} from '../access';
import { toKnowledgeArticle, toKnowledgeCategory } from '../mappers';
import {
  KnowledgeArticle,
  KnowledgeArticleConnection,
  KnowledgeArticleFilter,
  KnowledgeArticleInput,
  KnowledgeArticleVersion,
  KnowledgeCategory,
  LocalizedNameInput,
  NewKnowledgeArticleInput,
} from '../types/knowledge.type';

/** Who wrote, sent or published: a directory person's id, or an API client's. */
const whoIs = (principal: Principal): string => ('subject' in principal ? principal.subject : 'unknown');

/**
 * The knowledge base as staff keep it: staff who act write drafts for their schools (district staff the
 * district's), send them for review, and the district's or the school's administrators publish them.
 */
@Resolver(() => KnowledgeArticle)
export class KnowledgeResolver {
  constructor(private readonly knowledge: KnowledgeBaseService) {}

  @Allow(CASE_READ)
  @Query(() => KnowledgeArticleConnection, {
    description: "The articles you may see (the district's and your schools'), most recently changed first.",
  })
  knowledgeArticles(
    @Args('filter', { type: () => KnowledgeArticleFilter, nullable: true })
    filter: KnowledgeArticleFilter | null,
    @Args() { first, after }: PageArgs,
    @CurrentPrincipal() principal: Principal,
  ) {
    const size = pageSize(first);
    const { rows, total } = this.knowledge.page(
      filter ?? {},
      articleReach(principal),
      size,
      after ? decodeCursor(after, 2) : undefined,
    );
    return lazyConnection(rows, size, total, (a) => [a.updatedAt.toISOString(), a.id], toKnowledgeArticle);
  }

  @Allow(CASE_READ)
  @Query(() => KnowledgeArticle, { description: 'One article with its draft; NOT_FOUND out of your reach.' })
  async knowledgeArticle(
    @Args('id', { type: () => ID }) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<KnowledgeArticle> {
    return toKnowledgeArticle(await articleInReach(this.knowledge, id, principal));
  }

  @Allow(CASE_READ)
  @Query(() => [KnowledgeArticleVersion], { description: "An article's published versions, newest first." })
  async knowledgeArticleVersions(
    @Args('id', { type: () => ID }) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<KnowledgeArticleVersion[]> {
    const article = await articleInReach(this.knowledge, id, principal);
    return this.knowledge.versions(article.id);
  }

  @Roles('DISTRICT_ADMIN')
  @Mutation(() => KnowledgeCategory, {
    description: "A help-center category; its name in the district's language required.",
  })
  async createKnowledgeCategory(
    @Args('names', { type: () => [LocalizedNameInput] }) names: LocalizedNameInput[],
    @Args('position', { type: () => Int, nullable: true }) position: number | null,
  ): Promise<KnowledgeCategory> {
    const category = await this.knowledge.createCategory(names, position ?? 0);
    return toKnowledgeCategory(category, this.knowledge.nameOf(category, null));
  }

  @Allow(CASE_WRITE)
  @Mutation(() => KnowledgeArticle, { description: 'A new draft; its HTML is sanitized.' })
  async createKnowledgeArticle(
    @Args('input') input: NewKnowledgeArticleInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<KnowledgeArticle> {
    assertMayWriteArticle(principal, input.schoolId ?? null);
    return toKnowledgeArticle(await this.knowledge.create(input, whoIs(principal)));
  }

  @Allow(CASE_WRITE)
  @Mutation(() => KnowledgeArticle, {
    description:
      'Replaces the draft (a published article stays live as published until the next publication).',
  })
  async updateKnowledgeArticle(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: KnowledgeArticleInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<KnowledgeArticle> {
    const article = await articleInReach(this.knowledge, id, principal);
    assertMayWriteArticle(principal, article.schoolId);
    return toKnowledgeArticle(await this.knowledge.update(article, input, whoIs(principal)));
  }

  @Allow(CASE_WRITE)
  @Mutation(() => KnowledgeArticle, { description: 'Sends a draft to the keepers for review.' })
  async submitKnowledgeArticle(
    @Args('id', { type: () => ID }) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<KnowledgeArticle> {
    const article = await articleInReach(this.knowledge, id, principal);
    assertMayWriteArticle(principal, article.schoolId);
    return toKnowledgeArticle(await this.knowledge.submit(article, whoIs(principal)));
  }

  @Roles('DISTRICT_ADMIN', 'SCHOOL_ADMIN')
  @Mutation(() => KnowledgeArticle, {
    description: 'Makes the draft the live version in the help center (ArticlePublished).',
  })
  async publishKnowledgeArticle(
    @Args('id', { type: () => ID }) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<KnowledgeArticle> {
    const article = await articleInReach(this.knowledge, id, principal);
    assertMayPublishArticle(principal, article.schoolId);
    return toKnowledgeArticle(await this.knowledge.publish(article, whoIs(principal)));
  }

  @Roles('DISTRICT_ADMIN', 'SCHOOL_ADMIN')
  @Mutation(() => KnowledgeArticle, {
    description: 'Out of the help center; its versions and counts are kept.',
  })
  async archiveKnowledgeArticle(
    @Args('id', { type: () => ID }) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<KnowledgeArticle> {
    const article = await articleInReach(this.knowledge, id, principal);
    assertMayPublishArticle(principal, article.schoolId);
    return toKnowledgeArticle(await this.knowledge.archive(article));
  }
}
