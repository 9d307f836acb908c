import { computed, effect, inject, Injectable, signal, type Signal } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { type Language, LanguageService } from '@homeroom/portal/data-access';
import {
  PUBLIC_TEXT,
  type PublicText,
  type PublicTextKey,
  publicTextProblem,
} from '@homeroom/shared/public-text';
import { PublicTextCorrectionsDocument } from './operations.generated';

export type { PublicText, PublicTextKey };

/** The tracking page's words for a case's status. */
export const STATUS_KEYS: Readonly<Record<string, PublicTextKey>> = {
  NEW: 'statusNew',
  OPEN: 'statusOpen',
  PENDING: 'statusPending',
  ON_HOLD: 'statusOnHold',
  RESOLVED: 'statusResolved',
  CLOSED: 'statusClosed',
};

/**
 * The district's corrections of the pages' words (ADR 33), asked for once per language while the portal
 * is open. Until they come, or when they cannot be had, the pages show the shipped words.
 */
@Injectable({ providedIn: 'root' })
export class PublicTextCorrections {
  private readonly apollo = inject(Apollo);
  private readonly byLanguage = signal<Partial<Record<Language, Partial<PublicText>>>>({});
  private readonly asked = new Set<Language>();

  of(language: Language): Partial<PublicText> {
    return this.byLanguage()[language] ?? {};
  }

  load(language: Language): void {
    if (this.asked.has(language)) return;
    this.asked.add(language);
    this.apollo.query({ query: PublicTextCorrectionsDocument, variables: { language } }).subscribe({
      next: ({ data }) => {
        // A correction kept before a release changed that string's placeholders (or removed it) would
        // show a family a raw brace: the shipped words stand until the district corrects it again.
        const usable = (data?.publicTextCorrections ?? []).filter(
          ({ key, text }) => publicTextProblem(language, key, text) === null,
        );
        const words = Object.fromEntries(usable.map(({ key, text }) => [key, text]));
        this.byLanguage.update((loaded) => ({ ...loaded, [language]: words }));
      },
      // The pages work with the shipped words; a later page asks again.
      error: () => this.asked.delete(language),
    });
  }
}

/**
 * The words of a public page (call in its injection context): the shipped ones in the family's language
 * with the district's corrections over them, following the language as it changes.
 */
export function publicText(language: () => Language = inject(LanguageService).current): Signal<PublicText> {
  const corrections = inject(PublicTextCorrections);
  effect(() => corrections.load(language()));
  return computed(() => ({ ...PUBLIC_TEXT[language()], ...corrections.of(language()) }));
}
