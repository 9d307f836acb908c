import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  CaseAssistService,
  CaseQueryService,
  type CaseEntity,
  type ReplyTone,
} from '@homeroom/cases/data-access';
import { NotFoundException } from '@homeroom/shared/errors';
import { CurrentPrincipal, Roles, STAFF_ROLES, type Principal } from '@homeroom/platform/auth';
import { caseVisibility } from '../access';
import { ReplyToneEnum } from '../types/assist.type';

/**
 * The optional writing assistant, for staff only (API clients and the public never reach it), on cases
 * they may see. It answers the caller and writes nothing: what staff keep, they send or note themselves.
 * Off unless LLM_BASE_URL is set: then both fail with FEATURE_DISABLED. A failing model is
 * UPSTREAM_UNAVAILABLE (reason LLM_TIMEOUT, LLM_HTTP_ERROR, …), never INTERNAL.
 *
 * `caseSummary` is a query: it reads the case and changes nothing, as a summary is a view of the case.
 * `suggestReply` is a mutation although it writes nothing either: each call asks for a new draft (it is
 * meant to differ), it is what a "suggest" button does, and as a mutation no client cache, prefetch or
 * refetch-on-focus fires it (nor a paid model call) behind the person's back.
 */
@Resolver()
export class AssistResolver {
  constructor(
    private readonly assist: CaseAssistService,
    private readonly query: CaseQueryService,
  ) {}

  @Roles(...STAFF_ROLES)
  @Query(() => String, {
    description:
      'A short summary of the case by the language-model assistant (internal notes included, contact details never sent). FEATURE_DISABLED unless the assistant is configured.',
  })
  async caseSummary(
    @Args('caseId', { type: () => ID }) caseId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<string> {
    this.assist.assertEnabled();
    return this.assist.summarize(await this.visible(caseId, principal));
  }

  @Roles('DISTRICT_ADMIN', 'SCHOOL_ADMIN', 'AGENT')
  @Mutation(() => String, {
    description:
      'A draft reply to the requester by the language-model assistant, from the public conversation only; nothing is sent or saved. FEATURE_DISABLED unless the assistant is configured.',
  })
  async suggestReply(
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('tone', { type: () => ReplyToneEnum, nullable: true, defaultValue: 'NEUTRAL' }) tone: ReplyTone,
    @CurrentPrincipal() principal: Principal,
  ): Promise<string> {
    this.assist.assertEnabled();
    return this.assist.suggestReply(await this.visible(caseId, principal), tone);
  }

  private async visible(caseId: string, principal: Principal): Promise<CaseEntity> {
    const found = await this.query.findVisible({ id: caseId }, caseVisibility(principal));
    if (!found) throw new NotFoundException('Case');
    return found;
  }
}
