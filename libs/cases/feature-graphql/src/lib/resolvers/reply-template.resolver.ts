import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CaseQueryService, ReplyTemplateService } from '@homeroom/cases/data-access';
import { Allow, CurrentPrincipal, Roles, type Principal } from '@homeroom/platform/auth';
import { decodeCursor, lazyConnection, PageArgs, pageSize } from '@homeroom/platform/graphql';
import {
  assertCaseActionable,
  assertMayKeepTemplates,
  CASE_WRITE,
  templateInReach,
  templateReach,
} from '../access';
import { toReplyTemplate } from '../mappers';
import {
  RenderedReplyTemplate,
  ReplyTemplate,
  ReplyTemplateConnection,
  ReplyTemplateFilter,
  ReplyTemplateInput,
} from '../types/reply-template.type';

/**
 * Reply templates: used by everyone who replies to cases (within their teams' reach), kept by the district's
 * administrators (district-wide ones) and a school's (its teams'). Sending one is `replyToCase(templateId)`.
 */
@Resolver(() => ReplyTemplate)
export class ReplyTemplateResolver {
  constructor(
    private readonly templates: ReplyTemplateService,
    private readonly query: CaseQueryService,
  ) {}

  @Allow(CASE_WRITE)
  @Query(() => ReplyTemplateConnection, {
    description: "The reply templates you may use (district-wide ones and your teams'), by name.",
  })
  async replyTemplates(
    @Args('filter', { type: () => ReplyTemplateFilter, nullable: true }) filter: ReplyTemplateFilter | null,
    @Args() { first, after }: PageArgs,
    @CurrentPrincipal() principal: Principal,
  ) {
    const size = pageSize(first);
    const reach = await templateReach(principal, this.templates);
    const { rows, total } = this.templates.page(
      filter ?? {},
      reach,
      size,
      after ? decodeCursor(after, 2) : undefined,
    );
    return lazyConnection(rows, size, total, (template) => [template.name, template.id], toReplyTemplate);
  }

  @Allow(CASE_WRITE)
  @Query(() => RenderedReplyTemplate, {
    description:
      "A template as it would read on a case you may act on: in the requester's language, placeholders filled; what the reply composer inserts.",
  })
  async renderReplyTemplate(
    @Args('templateId', { type: () => ID }) templateId: string,
    @Args('caseId', { type: () => ID }) caseId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RenderedReplyTemplate> {
    const supportCase = await assertCaseActionable(this.query, caseId, principal);
    const template = await templateInReach(this.templates, templateId, principal);
    return { templateId, ...(await this.templates.render(template, supportCase)) };
  }

  @Roles('DISTRICT_ADMIN', 'SCHOOL_ADMIN')
  @Mutation(() => ReplyTemplate, {
    description:
      "A district-wide template (district administrators) or a team's (also its school's administrators).",
  })
  async createReplyTemplate(
    @Args('input') input: ReplyTemplateInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReplyTemplate> {
    await assertMayKeepTemplates(principal, input.teamId ?? null, this.templates);
    return toReplyTemplate(await this.templates.create(input));
  }

  @Roles('DISTRICT_ADMIN', 'SCHOOL_ADMIN')
  @Mutation(() => ReplyTemplate, {
    description: 'Replaces its name, shortcut, texts and changes; its team stays.',
  })
  async updateReplyTemplate(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: ReplyTemplateInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReplyTemplate> {
    const template = await templateInReach(this.templates, id, principal);
    await assertMayKeepTemplates(principal, template.teamId, this.templates);
    return toReplyTemplate(await this.templates.update(template, input));
  }

  @Roles('DISTRICT_ADMIN', 'SCHOOL_ADMIN')
  @Mutation(() => ReplyTemplate, {
    description: 'Out of the pickers, its usage and history kept; its shortcut is free again.',
  })
  async archiveReplyTemplate(
    @Args('id', { type: () => ID }) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReplyTemplate> {
    const template = await templateInReach(this.templates, id, principal);
    await assertMayKeepTemplates(principal, template.teamId, this.templates);
    return toReplyTemplate(await this.templates.archive(template));
  }
}
