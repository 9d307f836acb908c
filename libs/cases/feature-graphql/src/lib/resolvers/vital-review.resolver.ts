import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CaseQueryService, VitalReviewService } from '@homeroom/cases/data-access';
import { MAX_RETURN_REASON_LENGTH } from '@homeroom/cases/domain';
import { Allow, CurrentPrincipal, type Principal } from '@homeroom/platform/auth';
import { ArgsMaxLength, decodeCursor, lazyConnection, PageArgs, pageSize } from '@homeroom/platform/graphql';
import { actorOf, assertCaseActionable, CASE_WRITE, caseVisibility } from '../access';
import { toCase, toMessage } from '../mappers';
import { CaseMessage } from '../types/case.type';
import { MESSAGE_BODY_MAX_LENGTH } from '../types/inputs';
import { HeldMessage, HeldMessageConnection } from '../types/vital-review.type';

/**
 * Review of vital messages by a qualified translator (ADR 32): the queue of held replies in the caller's
 * languages, and approving or returning one. Reviewing is acting on the case: the caller must act on it
 * (assertCaseActionable: their schools, confidentiality) and be a qualified translator for its language
 * (the directory's TranslatorLanguagesChanged, kept here); its author may not review it.
 */
@Resolver(() => HeldMessage)
export class VitalReviewResolver {
  constructor(
    private readonly reviews: VitalReviewService,
    private readonly query: CaseQueryService,
  ) {}

  @Allow(CASE_WRITE)
  @Query(() => HeldMessageConnection, {
    description:
      'Vital replies waiting for review in the languages you are a qualified translator for, on cases you may act on, oldest first. Empty for staff who translate none and for API clients.',
  })
  async messagesAwaitingReview(@Args() { first, after }: PageArgs, @CurrentPrincipal() principal: Principal) {
    const size = pageSize(first);
    const languages = principal.kind === 'user' ? await this.reviews.languagesOf(principal.subject) : [];
    const { rows, total } = this.query.heldForReview(
      languages,
      caseVisibility(principal, 'act'),
      size,
      after ? decodeCursor(after, 2) : undefined,
    );
    // The page's cases in one query.
    const page = async () => {
      const messages = await rows();
      const cases = await this.query.findByIds(messages.map((message) => message.caseId));
      const byId = new Map(cases.map((supportCase) => [supportCase.id, supportCase]));
      return messages.map((message) => ({ message, supportCase: byId.get(message.caseId)! }));
    };
    return lazyConnection(
      page,
      size,
      total,
      ({ message }) => [message.createdAt.toISOString(), message.id],
      ({ message, supportCase }): HeldMessage => ({ message: toMessage(message), case: toCase(supportCase) }),
    );
  }

  @Allow(CASE_WRITE)
  @Mutation(() => CaseMessage, {
    description:
      'Approves a held vital reply (ADR 32) and sends it as any reply is sent; `body`: your correction of its text, which is then what the requester receives. FORBIDDEN NOT_A_QUALIFIED_TRANSLATOR (not a qualified translator for its language), FORBIDDEN REVIEWER_IS_AUTHOR, CONFLICT ALREADY_REVIEWED, NOT_FOUND for a message on a case you cannot see.',
  })
  @ArgsMaxLength({ body: MESSAGE_BODY_MAX_LENGTH })
  async approveVitalMessage(
    @Args('messageId', { type: () => ID }) messageId: string,
    @Args('body', { type: () => String, nullable: true }) body: string | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CaseMessage> {
    await assertCaseActionable(this.query, await this.reviews.caseIdOf(messageId), principal);
    return toMessage(await this.reviews.approve(messageId, actorOf(principal), body));
  }

  @Allow(CASE_WRITE)
  @Mutation(() => CaseMessage, {
    description:
      'Sends a held vital reply back to its author with the reason (ADR 32); it is never sent. Refused as approveVitalMessage is; BAD_USER_INPUT REASON_REQUIRED without a reason.',
  })
  @ArgsMaxLength({ reason: MAX_RETURN_REASON_LENGTH })
  async returnVitalMessage(
    @Args('messageId', { type: () => ID }) messageId: string,
    @Args('reason') reason: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CaseMessage> {
    await assertCaseActionable(this.query, await this.reviews.caseIdOf(messageId), principal);
    return toMessage(await this.reviews.sendBack(messageId, actorOf(principal), reason));
  }
}
