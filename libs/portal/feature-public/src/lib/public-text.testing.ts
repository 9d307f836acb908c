import type { ApolloTestingController } from 'apollo-angular/testing';
import type { Language } from '@homeroom/portal/data-access';
import { PublicTextCorrectionsDocument } from './operations.generated';

/**
 * For the public pages' specs: answers the page's one request for the district's corrections of its
 * words in `language` (none unless given), after checking it asked for that language.
 */
export function answerCorrections(
  apollo: ApolloTestingController,
  language: Language,
  corrections: Readonly<Record<string, string>> = {},
): void {
  const operation = apollo.expectOne(PublicTextCorrectionsDocument);
  if (operation.operation.variables['language'] !== language)
    throw new Error(`asked for ${String(operation.operation.variables['language'])}, not ${language}`);
  operation.flushData({
    publicTextCorrections: Object.entries(corrections).map(([key, text]) => ({
      __typename: 'PublicTextCorrection',
      key,
      text,
    })),
  } as never);
}
