import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { TextMessageConsent } from '@homeroom/directory/domain';
import { Scopes } from '@homeroom/platform/auth';
import { DIRECTORY_SCOPES } from '../access';
import { DirectoryLoaders } from '../directory-loaders';
import { TextMessageConsentEnum } from '../types/enums';
import { PhoneNumber } from '../types/person.type';

/** A person's phone number: what it said about text messages, seen by whoever sees the number. */
@Resolver(() => PhoneNumber)
export class PhoneNumberResolver {
  constructor(private readonly loaders: DirectoryLoaders) {}

  @Scopes(DIRECTORY_SCOPES.read)
  @ResolveField(() => TextMessageConsentEnum, {
    description:
      "What this number last texted to the district's number, STOP or START; survey invitations are not texted to a number that opted out.",
  })
  textMessages(@Parent() phone: PhoneNumber, @Context('req') req: object): Promise<TextMessageConsent> {
    return this.loaders.for(req).textMessages.load(phone.number);
  }
}
