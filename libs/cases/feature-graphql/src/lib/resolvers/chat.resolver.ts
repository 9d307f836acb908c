import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import {
  CaseQueryService,
  CaseService,
  ChatService,
  chatSessionsOf,
  StaffPresenceService,
  type ChatSession,
  type PresenceStatus,
} from '@homeroom/cases/data-access';
import { Allow, CurrentPrincipal, Public, reachOf, type Principal } from '@homeroom/platform/auth';
import { perRequest } from '@homeroom/platform/graphql';
import { ForbiddenException, NotFoundException } from '@homeroom/shared/errors';
import { actorOf, assertCaseActionable, CASE_READ, CASE_WRITE } from '../access';
import { Case, SubmitInquiryPayload } from '../types/case.type';
import { ChatAvailability, ChatSessionType, PresenceStatusEnum, StaffPresence } from '../types/chat.type';
import { SubmitInquiryInput } from '../types/inputs';

/**
 * Web chat in the API (ADR 34): the widget opens a chat (`startChat`), the family writes on it as on any
 * tracked case (`replyAsRequester`) and leaves (`endChat`); staff answer with `replyToCase`, end it
 * (`endCaseChat`) and say whether they are there (`setMyPresence`). The family's side is live by the
 * stream at /chat/events, authorised by the tracking token.
 */
@Resolver(() => Case)
export class ChatResolver {
  private readonly sessionsOf = perRequest(
    () =>
      new DataLoader<string, ChatSession | null>(async (caseIds) => {
        const sessions = await chatSessionsOf(this.dataSource.manager, caseIds);
        return caseIds.map((id) => sessions.get(id) ?? null);
      }),
  );

  constructor(
    private readonly chats: ChatService,
    private readonly presence: StaffPresenceService,
    private readonly cases: CaseService,
    private readonly query: CaseQueryService,
    private readonly dataSource: DataSource,
  ) {}

  @Public()
  @Mutation(() => SubmitInquiryPayload, {
    description:
      "The chat widget's first message: a case with channel CHAT, routed and timed like every case, and its chat. The family follows it live at /chat/events with the tracking token, and writes on with replyAsRequester.",
  })
  async startChat(@Args('input') input: SubmitInquiryInput): Promise<SubmitInquiryPayload> {
    const { supportCase, trackingToken } = await this.chats.start(input);
    return { caseNumber: supportCase.number, trackingToken };
  }

  @Public()
  @Mutation(() => Boolean, {
    description:
      'The family leaves their chat (by its tracking token): it ends, and its transcript is mailed to them. False when it had already ended; NOT_FOUND for a token that is not a chat’s.',
  })
  async endChat(@Args('token') token: string): Promise<boolean> {
    const supportCase = await this.cases.findByToken(token).catch(() => null);
    if (!supportCase || supportCase.channel !== 'CHAT') throw new NotFoundException('Chat');
    const [session] = (await chatSessionsOf(this.dataSource.manager, [supportCase.id])).values();
    if (!session) throw new NotFoundException('Chat');
    return this.chats.end(supportCase.id, 'REQUESTER_LEFT', { kind: 'REQUESTER', id: null });
  }

  @Public()
  @Query(() => ChatAvailability, {
    description:
      'Whether staff are there to answer a chat about a school (or the district) now. Says nothing of who: a count is not public.',
  })
  async chatAvailability(
    @Args('schoolId', { type: () => ID, nullable: true }) schoolId: string | null,
  ): Promise<ChatAvailability> {
    return { agentsAvailable: (await this.presence.availableFor(schoolId ?? null)) > 0 };
  }

  @Allow(CASE_WRITE)
  @Mutation(() => Boolean, {
    description:
      "Staff end a case's chat: the family is told at once, and their transcript is mailed. False when it had already ended.",
  })
  async endCaseChat(
    @Args('caseId', { type: () => ID }) caseId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<boolean> {
    const supportCase = await assertCaseActionable(this.query, caseId, principal);
    if (!(await chatSessionsOf(this.dataSource.manager, [supportCase.id])).size)
      throw new NotFoundException('Chat');
    return this.chats.end(supportCase.id, 'STAFF_ENDED', actorOf(principal));
  }

  @Allow(CASE_WRITE)
  @Mutation(() => StaffPresence, {
    description:
      'Whether you are there to answer chats. The portal says so every minute while it is open; AVAILABLE lapses to AWAY a few minutes after it stops. Staff only (FORBIDDEN for API clients).',
  })
  async setMyPresence(
    @Args('status', { type: () => PresenceStatusEnum }) status: PresenceStatus,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StaffPresence> {
    if (principal.kind !== 'user') throw new ForbiddenException('Only staff are present', 'STAFF_ONLY');
    return this.presence.set(principal.subject, status);
  }

  @Allow(CASE_WRITE)
  @Query(() => StaffPresence, { description: 'Your own presence, as others see it now.' })
  async myPresence(@CurrentPrincipal() principal: Principal): Promise<StaffPresence> {
    if (principal.kind !== 'user') throw new ForbiddenException('Only staff are present', 'STAFF_ONLY');
    return this.presence.of(principal.subject);
  }

  @Allow(CASE_READ)
  @Query(() => [StaffPresence], {
    description:
      "A team's members and whether each is there to answer chats, available ones first. Staff see the teams of their schools and their own; district staff and API clients every team.",
  })
  async teamPresence(
    @Args('teamId', { type: () => ID }) teamId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StaffPresence[]> {
    const team = await this.presence.teamOf(teamId, principal.kind === 'user' ? principal.subject : null);
    if (!team) throw new NotFoundException('Team');
    const reach = reachOf(principal);
    if (!reach.district && !team.isMember && !(team.schoolId && reach.schoolIds.includes(team.schoolId)))
      throw new ForbiddenException('You may see the teams of your own schools only', 'OUTSIDE_YOUR_SCHOOLS');
    return this.presence.team(teamId);
  }

  // Public, like the case's other fields: a case reaches a caller only through a field that has already
  // decided they may see it.
  @Public()
  @ResolveField(() => ChatSessionType, {
    nullable: true,
    description: 'Its chat, when it came by the web chat widget.',
  })
  async chat(@Parent() supportCase: Case, @Context('req') request: object): Promise<ChatSessionType | null> {
    return this.sessionsOf(request).load(supportCase.id);
  }
}
