import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { PublicTextService } from '@homeroom/cases/data-access';
import { CurrentPrincipal, type Principal, Public, Roles } from '@homeroom/platform/auth';
import { ForbiddenException } from '@homeroom/shared/errors';
import { checkPublicLanguage } from '@homeroom/shared/public-text';
import { PublicTextCorrection } from '../types/public-text.type';

/**
 * The public pages' words as the district corrected them (ADR 33): read by the pages without sign-in,
 * corrected and reset by the district's administrators. Refusals are BAD_USER_INPUT with a
 * PUBLIC_TEXT_* reason.
 */
@Resolver()
export class PublicTextResolver {
  constructor(private readonly publicText: PublicTextService) {}

  @Public()
  @Query(() => [PublicTextCorrection], {
    description:
      "The district's corrections of the public pages' words in a language (every language's without one); the pages show the shipped words for the rest.",
  })
  publicTextCorrections(
    // Undefined when the argument is left out, null when it is sent as null: both mean every language.
    @Args('language', { type: () => String, nullable: true }) language: string | null | undefined,
  ): Promise<PublicTextCorrection[]> {
    // An unknown language is refused (PUBLIC_TEXT_UNKNOWN_LANGUAGE) rather than answered with nothing.
    return this.publicText.corrections(language == null ? null : checkPublicLanguage(language));
  }

  @Roles('DISTRICT_ADMIN')
  @Mutation(() => PublicTextCorrection, {
    description:
      'Corrects one string of the public pages in one language. Refused: an unknown language or key, empty words, more than 300 characters, or placeholders ({name}, {max}…) other than the shipped string’s (PUBLIC_TEXT_PLACEHOLDERS).',
  })
  correctPublicText(
    @Args('language') language: string,
    @Args('key') key: string,
    @Args('text') text: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PublicTextCorrection> {
    if (principal.kind !== 'user') throw new ForbiddenException();
    return this.publicText.correct(language, key, text, principal.subject);
  }

  @Roles('DISTRICT_ADMIN')
  @Mutation(() => Boolean, {
    description:
      'Goes back to the shipped words of one string in one language; false when it was not corrected.',
  })
  resetPublicText(@Args('language') language: string, @Args('key') key: string): Promise<boolean> {
    return this.publicText.reset(language, key);
  }
}
