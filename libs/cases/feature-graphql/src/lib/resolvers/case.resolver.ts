import {
  Args,
  Context,
  ID,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
  ResolveReference,
} from '@nestjs/graphql';
import {
  AttachmentService,
  type CaseEntity,
  CaseIntakeService,
  CaseQueryService,
  CaseService,
  MessageTranslationService,
  TrackingLinks,
  NO_ONE,
  ReplyTemplateService,
  RequesterConfirmationService,
  TopicService,
} from '@homeroom/cases/data-access';
import {
  type CaseSort,
  type CaseStatus,
  keysForSort,
  normalizeTag,
  sortKeyCount,
  sortKeys,
} from '@homeroom/cases/domain';
import { ConflictException, InvalidInputException } from '@homeroom/shared/errors';
import {
  CurrentPrincipal,
  Public,
  Roles,
  schoolsNamedBy,
  Scopes,
  type Principal,
  Allow,
} from '@homeroom/platform/auth';
import {
  ArgsMaxLength,
  decodeCursor,
  lazyConnection,
  PageArgs,
  pageSize,
  perRequest,
} from '@homeroom/platform/graphql';
import {
  actorOf,
  assertCaseActionable,
  assertMayActAt,
  assertMayHandTo,
  CASE_SCOPES,
  caseVisibility,
  seesInternalNotes,
  CASE_WRITE,
  templateInReach,
} from '../access';
import { toCase, toMessage, toTimelineEntry, toTopic, toTrackedMessage } from '../mappers';
import {
  Case,
  CaseConnection,
  CaseMessage,
  CaseTimelineEntry,
  ConfirmedRequester,
  SubmitInquiryPayload,
  Topic,
  TrackedCase,
} from '../types/case.type';
import { CaseSortEnum, CaseStatusEnum } from '../types/enums';
import { AttachmentInput } from '../types/attachment.type';
import {
  CaseFilter,
  CreateCaseInput,
  MESSAGE_BODY_MAX_LENGTH,
  SubmitInquiryInput,
  UpdateCaseInput,
} from '../types/inputs';

@Resolver(() => Case)
export class CaseResolver {
  /** One read of the (small) taxonomy per request, however many cases the page holds. */
  private readonly topicsOf = perRequest(() => this.topicService.list());

  constructor(
    private readonly intake: CaseIntakeService,
    private readonly caseService: CaseService,
    private readonly query: CaseQueryService,
    private readonly topicService: TopicService,
    private readonly attachments: AttachmentService,
    private readonly requesterConfirmation: RequesterConfirmationService,
    private readonly templates: ReplyTemplateService,
    private readonly translations: MessageTranslationService,
    private readonly trackingLinks: TrackingLinks,
  ) {}

  @Public()
  @Mutation(() => SubmitInquiryPayload, {
    description:
      'The public inquiry form: no sign-in, anonymous allowed. Files (a photo, a PDF of a form) go in `attachments`.',
  })
  async submitInquiry(
    @Args('input') input: SubmitInquiryInput,
    @Args('attachments', {
      type: () => [AttachmentInput],
      nullable: true,
      description:
        "Files for the inquiry's first message, as in replyAsRequester. One file the policy refuses (type, size, count) refuses the inquiry with BAD_USER_INPUT and its reason (ATTACHMENT_TYPE_NOT_ALLOWED, ATTACHMENT_TOO_LARGE, …): no case is opened and no file is kept.",
    })
    attachments: AttachmentInput[] | null,
  ): Promise<SubmitInquiryPayload> {
    const { supportCase, trackingToken } = await this.attachments.withUploads(attachments, (files) =>
      this.intake.submitInquiry(input, files),
    );
    return { caseNumber: supportCase.number, trackingToken };
  }

  @Public()
  @Query(() => TrackedCase, {
    nullable: true,
    description: "A requester's view of their case, by tracking token.",
  })
  async trackCase(@Args('token') token: string): Promise<TrackedCase | null> {
    const supportCase = await this.caseService.findByToken(token).catch(() => null);
    if (!supportCase) return null;
    const messages = await this.query.messages(supportCase.id, false, { requester: true });
    return {
      number: supportCase.number,
      subject: supportCase.subject,
      status: supportCase.status,
      createdAt: supportCase.createdAt,
      messages: messages.map((message) =>
        toTrackedMessage(message, (text) => this.trackingLinks.forHolder(text, token)),
      ),
    };
  }

  @Public()
  @Mutation(() => ConfirmedRequester, {
    description:
      'The owner of an address an inquiry came from confirms, by the one-time link mailed to it, that it was them: the directory person they are becomes the case’s requester. NOT_FOUND (CONFIRMATION_LINK_NOT_FOUND) for a link used or unknown, CONFLICT (CONFIRMATION_LINK_EXPIRED) after 14 days.',
  })
  async confirmRequester(@Args('token') token: string): Promise<ConfirmedRequester> {
    return { caseNumber: (await this.requesterConfirmation.confirm(token)).number };
  }

  @Public()
  @Mutation(() => TrackedCase, { description: 'The requester replies through their tracking link.' })
  @ArgsMaxLength({ body: MESSAGE_BODY_MAX_LENGTH })
  async replyAsRequester(
    @Args('token') token: string,
    @Args('body') body: string,
    @Args('attachments', { type: () => [AttachmentInput], nullable: true })
    attachments: AttachmentInput[] | null,
  ): Promise<TrackedCase> {
    // A wrong token is refused before any file is stored (the reply looks the case up again).
    if (attachments?.length) await this.caseService.findByToken(token);
    const { supportCase, followUp } = await this.attachments.withUploads(attachments, (files) =>
      this.caseService.replyAsRequester(token, body, files),
    );
    const messages = await this.query.messages(supportCase.id, false, { requester: true });
    return {
      number: supportCase.number,
      subject: supportCase.subject,
      status: supportCase.status,
      createdAt: supportCase.createdAt,
      messages: messages.map((message) =>
        toTrackedMessage(message, (text) => this.trackingLinks.forHolder(text, token)),
      ),
      followUpNumber: followUp?.supportCase.number ?? null,
      followUpTrackingToken: followUp?.trackingToken ?? null,
    };
  }

  @Public()
  @Query(() => [Topic], { description: 'Active topics; the inquiry form offers them.' })
  async topics(): Promise<Topic[]> {
    return (await this.topicService.list()).map(toTopic);
  }

  @Roles('DISTRICT_ADMIN')
  @Mutation(() => Topic)
  async createTopic(
    @Args('name') name: string,
    @Args('parentId', { type: () => ID, nullable: true }) parentId: string | null,
  ): Promise<Topic> {
    return toTopic(await this.topicService.create(name, parentId));
  }

  @Scopes(CASE_SCOPES.read)
  @Query(() => CaseConnection, { description: 'Cases you may see, newest first unless sorted otherwise.' })
  cases(
    @Args('filter', { type: () => CaseFilter, nullable: true }) filter: CaseFilter | null,
    @Args() { first, after }: PageArgs,
    @Args('sort', { type: () => CaseSortEnum, nullable: true, defaultValue: 'NEWEST' })
    sortArgument: CaseSort | null,
    @CurrentPrincipal() principal: Principal,
  ) {
    const sort = sortArgument ?? 'NEWEST';
    const size = pageSize(first);
    const { watchedByMe, myTeams, mySchools, tags, ...rest } = filter ?? {};
    // "Me" filters match nothing for an API client: it has no watches, teams or schools of its own.
    const me = principal.kind === 'user' ? principal.subject : NO_ONE;
    const { rows, total } = this.query.pageParts(
      {
        ...rest,
        tags: tags?.map((tag, i) => normalizeTag(tag, `filter.tags.${i}`)) ?? null,
        watcherId: watchedByMe ? me : null,
        teamMemberId: myTeams ? me : null,
        schoolIds: mySchools ? schoolsNamedBy(principal) : null,
      },
      size,
      after ? keysForSort(sort, decodeCursor(after, sortKeyCount(sort))) : undefined,
      caseVisibility(principal),
      sort,
    );
    return lazyConnection(rows, size, total, (c) => sortKeys(sort, c), toCase);
  }

  @Scopes(CASE_SCOPES.read)
  @Query(() => Case, { nullable: true, description: 'One case, by id or by number.' })
  async case(
    @Args('id', { type: () => ID, nullable: true }) id: string | null,
    @Args('number', { type: () => String, nullable: true }) number: string | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Case | null> {
    if (!id === !number)
      throw new InvalidInputException('Give exactly one of id and number', [
        { path: id ? 'number' : 'id', message: 'one of id, number' },
      ]);
    const found = await this.query.findVisible(id ? { id } : { number: number! }, caseVisibility(principal));
    return found ? toCase(found) : null;
  }

  @Scopes(CASE_SCOPES.read)
  @ResolveReference()
  async resolveReference(
    // Reference resolvers get (reference, context, info): with any parameter decorated, every one must be.
    @Parent() reference: { id: string },
    @CurrentPrincipal() principal: Principal,
  ): Promise<Case | null> {
    const found = await this.query.findVisible({ id: reference.id }, caseVisibility(principal));
    return found ? toCase(found) : null;
  }

  @Scopes(CASE_SCOPES.read)
  @ResolveField(() => Topic, { nullable: true })
  async topic(@Parent() supportCase: Case, @Context('req') req: object): Promise<Topic | null> {
    if (!supportCase.topicId) return null;
    const found = (await this.topicsOf(req)).find((t) => t.id === supportCase.topicId);
    return found ? toTopic(found) : null;
  }

  @Scopes(CASE_SCOPES.read)
  @ResolveField(() => [CaseMessage], {
    description: `Oldest first. Internal notes are included for staff, and for API clients holding ${CASE_SCOPES.internalNotes}.`,
  })
  async messages(
    @Parent() supportCase: Case,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CaseMessage[]> {
    return (await this.query.messages(supportCase.id, seesInternalNotes(principal))).map(toMessage);
  }

  @Scopes(CASE_SCOPES.read)
  @ResolveField(() => [CaseTimelineEntry], { description: 'Every change, oldest first.' })
  async timeline(@Parent() supportCase: Case): Promise<CaseTimelineEntry[]> {
    return (await this.query.timeline(supportCase.id)).map(toTimelineEntry);
  }

  @Allow(CASE_WRITE)
  @Mutation(() => Case, { description: 'A phone call, walk-in or chat, logged by staff.' })
  async createCase(
    @Args('input') input: CreateCaseInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Case> {
    assertMayActAt(principal, input.schoolId);
    return toCase((await this.intake.createCase(input, actorOf(principal))).supportCase);
  }

  @Allow(CASE_WRITE)
  @Mutation(() => CaseMessage, { description: 'A reply to the requester.' })
  @ArgsMaxLength({ body: MESSAGE_BODY_MAX_LENGTH })
  async replyToCase(
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('body') body: string,
    @Args('attachments', { type: () => [AttachmentInput], nullable: true })
    attachments: AttachmentInput[] | null,
    @Args('templateId', {
      type: () => ID,
      nullable: true,
      description:
        'The reply template the text came from (renderReplyTemplate): its changes to the case are made with the reply, and its use is counted (TemplateUsed).',
    })
    templateId: string | null,
    @Args('translatedFrom', {
      type: () => String,
      nullable: true,
      description:
        "The reply as staff wrote it, in the staff's language, when `body` is its translation into the requester's language (replyTranslation, maybe corrected): the requester receives `body`; this original is kept beside it (CaseMessage.translations, MessageTranslated).",
    })
    translatedFrom: string | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CaseMessage> {
    const supportCase = await assertCaseActionable(this.query, caseId, principal);
    if (templateId && translatedFrom)
      throw new InvalidInputException(
        "A reply from a template is already in the requester's language",
        [{ path: 'translatedFrom', message: 'not with templateId' }],
        'TEMPLATE_TRANSLATED',
      );
    const original = translatedFrom
      ? {
          language: this.translations.staffLanguage,
          text: translatedFrom,
          translatedTo: supportCase.language.toLowerCase().split('-')[0]!,
        }
      : undefined;
    const template = templateId ? await this.usableTemplate(templateId, supportCase, principal) : null;
    // A vital template's text in the staff's language, kept beside a reply held for review (ADR 32).
    const rendered =
      template?.entity.vitalCategory &&
      (await this.templates.renderIn(template.entity, supportCase, this.translations.staffLanguage));
    const templateOriginal = rendered ? { language: rendered.language, text: rendered.body } : undefined;
    return toMessage(
      await this.attachments.withUploads(attachments, (files) =>
        template
          ? this.caseService.replyFromTemplate(
              caseId,
              template.entity,
              body,
              template.language,
              actorOf(principal),
              files,
              templateOriginal,
            )
          : this.caseService.reply(caseId, body, actorOf(principal), files, original),
      ),
    );
  }

  /** A template the caller may send on this case, in use, with the language it reads in there. */
  private async usableTemplate(templateId: string, supportCase: CaseEntity, principal: Principal) {
    const entity = await templateInReach(this.templates, templateId, principal);
    if (entity.archivedAt)
      throw new ConflictException('This reply template is archived', 'TEMPLATE_ARCHIVED');
    return { entity, language: this.templates.translationOn(entity, supportCase).language };
  }

  @Allow(CASE_WRITE)
  @Mutation(() => CaseMessage, { description: 'A note for staff only; the requester never sees it.' })
  @ArgsMaxLength({ body: MESSAGE_BODY_MAX_LENGTH })
  async addInternalNote(
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('body') body: string,
    @Args('attachments', { type: () => [AttachmentInput], nullable: true })
    attachments: AttachmentInput[] | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CaseMessage> {
    await assertCaseActionable(this.query, caseId, principal);
    return toMessage(
      await this.attachments.withUploads(attachments, (files) =>
        this.caseService.addInternalNote(caseId, body, actorOf(principal), files),
      ),
    );
  }

  @Allow(CASE_WRITE)
  @Mutation(() => Case)
  async assignCase(
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('assigneeId', { type: () => ID, nullable: true }) assigneeId: string | null,
    @Args('teamId', { type: () => ID, nullable: true }) teamId: string | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Case> {
    await assertCaseActionable(this.query, caseId, principal);
    if (assigneeId) await assertMayHandTo(this.query, assigneeId, principal);
    // An argument left out arrives as undefined: both are replaced, so what is not given is no one.
    return toCase(
      await this.caseService.assign(caseId, assigneeId ?? null, teamId ?? null, actorOf(principal)),
    );
  }

  @Allow(CASE_WRITE)
  @Mutation(() => Case, { description: 'Corrects topic, school, type, priority, subject or language.' })
  async updateCase(
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('input') input: UpdateCaseInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Case> {
    await assertCaseActionable(this.query, caseId, principal);
    if (input.schoolId !== undefined) assertMayActAt(principal, input.schoolId);
    return toCase(await this.caseService.update(caseId, { ...input }, actorOf(principal)));
  }

  @Allow(CASE_WRITE)
  @Mutation(() => Case)
  async setCaseStatus(
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('status', { type: () => CaseStatusEnum }) status: CaseStatus,
    @Args('sendSurvey', {
      type: () => Boolean,
      nullable: true,
      description:
        'On resolving: false resolves without asking the requester how it went (a bereavement, a legal matter). True by default.',
    })
    sendSurvey: boolean | null,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Case> {
    await assertCaseActionable(this.query, caseId, principal);
    return toCase(
      await this.caseService.setStatus(caseId, status, actorOf(principal), {
        sendSurvey: sendSurvey ?? true,
      }),
    );
  }

  /**
   * School staff hand cases only to staff of the schools they act for (district-wide roles and integrations
   * to anyone the directory knows): an assignment opens the case to its assignee.
   */
}
