import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import {
  ArticleFileService,
  articleFilePath,
  AttachmentUrlSigner,
  INLINE_IMAGE_TYPES,
  KnowledgeBaseService,
  type KnowledgeArticleFileEntity,
} from '@homeroom/cases/data-access';
import { Allow, CurrentPrincipal, Public, type Principal } from '@homeroom/platform/auth';
import { perRequest } from '@homeroom/platform/graphql';
import { articleInReach, assertMayWriteArticle, CASE_WRITE } from '../access';
import { AttachmentInput } from '../types/attachment.type';
import { ArticleFile, HelpArticle, KnowledgeArticle } from '../types/knowledge.type';

/** Who added a file: a directory person's id, or an API client's. */
const whoIs = (principal: Principal): string => ('subject' in principal ? principal.subject : 'unknown');

/** A file as the API shows it: its lasting address once published, a signed link before. */
function articleFileOf(signer: AttachmentUrlSigner, file: KnowledgeArticleFileEntity): ArticleFile {
  return {
    id: file.id,
    fileName: file.fileName,
    contentType: file.contentType,
    sizeBytes: file.sizeBytes,
    image: INLINE_IMAGE_TYPES.has(file.contentType),
    published: file.published,
    path: articleFilePath(file),
    url: signer.articleFileUrl(articleFilePath(file), file.id, file.published),
    createdAt: file.createdAt,
  };
}

/**
 * Files of knowledge-base articles: added and removed by those who may write the article, listed with the
 * article for staff (every file, drafts' by signed links) and with the live article in the help center
 * (published files only, by their lasting addresses).
 */
@Resolver(() => KnowledgeArticle)
export class ArticleFileResolver {
  /** One query for all the articles of a request (a page of them). */
  private readonly loaderOf = perRequest(
    () =>
      new DataLoader<string, KnowledgeArticleFileEntity[]>(async (articleIds) => {
        const byArticle = await this.articleFiles.forArticles(articleIds);
        return articleIds.map((id) => byArticle.get(id) ?? []);
      }),
  );

  constructor(
    private readonly articleFiles: ArticleFileService,
    private readonly knowledge: KnowledgeBaseService,
    private readonly signer: AttachmentUrlSigner,
  ) {}

  // Public, like the article's other fields: an article reaches a caller only through the fields that
  // already checked its school against theirs (`knowledgeArticle(s)`, the article mutations).
  @Public()
  @ResolveField(() => [ArticleFile], { description: 'Oldest first.' })
  async files(@Parent() article: KnowledgeArticle, @Context('req') request: object): Promise<ArticleFile[]> {
    return (await this.loaderOf(request).load(article.id)).map((file) => articleFileOf(this.signer, file));
  }

  @Allow(CASE_WRITE)
  @Mutation(() => ArticleFile, {
    description:
      'Adds an image or a document to an article, checked like message attachments (types, size); at most 30 per article (TOO_MANY_ARTICLE_FILES). Families see it once the article is next published.',
  })
  async addKnowledgeArticleFile(
    @Args('articleId', { type: () => ID }) articleId: string,
    @Args('file') file: AttachmentInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ArticleFile> {
    const article = await articleInReach(this.knowledge, articleId, principal);
    assertMayWriteArticle(principal, article.schoolId);
    return articleFileOf(this.signer, await this.articleFiles.add(article, file, whoIs(principal)));
  }

  @Allow(CASE_WRITE)
  @Mutation(() => Boolean, {
    description:
      'Removes a file from an article; CONFLICT (FILE_IN_USE) while the published version shows or links it.',
  })
  async removeKnowledgeArticleFile(
    @Args('articleId', { type: () => ID }) articleId: string,
    @Args('fileId', { type: () => ID }) fileId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<boolean> {
    const article = await articleInReach(this.knowledge, articleId, principal);
    assertMayWriteArticle(principal, article.schoolId);
    await this.articleFiles.remove(article, fileId);
    return true;
  }
}

/** `HelpArticle.files`: what a live article offers families, by lasting addresses. */
@Resolver(() => HelpArticle)
export class HelpArticleFileResolver {
  constructor(
    private readonly articleFiles: ArticleFileService,
    private readonly signer: AttachmentUrlSigner,
  ) {}

  @Public()
  @ResolveField(() => [ArticleFile], {
    description: 'Its published files, oldest first: images it shows and documents it offers.',
  })
  async files(@Parent() article: HelpArticle): Promise<ArticleFile[]> {
    const files = await this.articleFiles.list(article.id);
    return files.filter((file) => file.published).map((file) => articleFileOf(this.signer, file));
  }
}
