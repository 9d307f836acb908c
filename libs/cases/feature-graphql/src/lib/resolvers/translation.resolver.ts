import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import {
  CaseQueryService,
  MessageTranslationService,
  type MessageTranslationRow,
} from '@homeroom/cases/data-access';
import { Allow, CurrentPrincipal, Public, type Principal } from '@homeroom/platform/auth';
import { perRequest } from '@homeroom/platform/graphql';
import { TranslationRefusedError, UnsupportedLanguageError } from '@homeroom/platform/translation';
import { DomainException, ERROR_CODES, InvalidInputException } from '@homeroom/shared/errors';
import { assertCaseActionable, CASE_WRITE } from '../access';
import { CaseMessage } from '../types/case.type';
import { MessageTranslation, ReplyTranslation } from '../types/translation.type';

/**
 * Machine translation in the API: `CaseMessage.translations` (one query for all the messages of a request)
 * and `replyTranslation`, a reply translated for staff to read before they send it (`replyToCase` with
 * `translatedFrom`). FEATURE_DISABLED unless a provider is configured.
 */
@Resolver(() => CaseMessage)
export class TranslationResolver {
  private readonly loaderOf = perRequest(
    () =>
      new DataLoader<string, MessageTranslationRow[]>(async (messageIds) => {
        const byMessage = await this.translator.forMessages(messageIds);
        return messageIds.map((id) => byMessage.get(id) ?? []);
      }),
  );

  constructor(
    private readonly translator: MessageTranslationService,
    private readonly query: CaseQueryService,
  ) {}

  // Public, like CaseMessage and its attachments: a message reaches a caller only through a field that has
  // already decided they may see it; its translations say what it says.
  @Public()
  @ResolveField(() => [MessageTranslation], {
    description:
      "The message in other languages (a requester's, translated for staff; a reply's original), oldest first.",
  })
  async translations(
    @Parent() message: CaseMessage,
    @Context('req') request: object,
  ): Promise<MessageTranslation[]> {
    return this.loaderOf(request).load(message.id);
  }

  @Allow(CASE_WRITE)
  @Query(() => ReplyTranslation, {
    description:
      "A reply written in the staff's language, machine-translated into the requester's (the case's language), to read before sending it with replyToCase(translatedFrom:). Nothing is sent or saved. FEATURE_DISABLED without a translation provider; BAD_USER_INPUT (SAME_LANGUAGE) when the requester reads the staff's language; UPSTREAM_UNAVAILABLE when the provider fails.",
  })
  async replyTranslation(
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('body') body: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReplyTranslation> {
    const supportCase = await assertCaseActionable(this.query, caseId, principal);
    if (!this.translator.enabled)
      throw new DomainException(
        ERROR_CODES.FEATURE_DISABLED,
        'No translation provider is configured',
        'TRANSLATION',
      );
    if (!body.trim())
      throw new InvalidInputException(
        'There is nothing to translate',
        [{ path: 'body', message: 'empty' }],
        'EMPTY',
      );
    if (supportCase.language.toLowerCase().split('-')[0] === this.translator.staffLanguage)
      throw new InvalidInputException(
        "The requester reads the staff's language",
        [{ path: 'caseId', message: 'same language' }],
        'SAME_LANGUAGE',
      );
    try {
      return await this.translator.previewReply(supportCase, body);
    } catch (error) {
      if (error instanceof UnsupportedLanguageError)
        throw new InvalidInputException(
          `The translation provider does not translate into ${error.language}`,
          [{ path: 'caseId', message: 'unsupported language' }],
          'UNSUPPORTED_LANGUAGE',
        );
      const reason = error instanceof TranslationRefusedError ? 'TRANSLATION_REFUSED' : 'TRANSLATION_FAILED';
      throw new DomainException(
        ERROR_CODES.UPSTREAM_UNAVAILABLE,
        'The translation provider did not translate',
        reason,
      );
    }
  }
}
