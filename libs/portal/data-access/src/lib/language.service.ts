import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import {
  directionOf,
  documentLanguageOf,
  isPublicLanguage,
  LANGUAGE_NAMES,
  PUBLIC_LANGUAGES,
  type PublicLanguage,
} from '@homeroom/shared/public-text';

export type Language = PublicLanguage;
/** The picker's choices: each language by its own name, with the tag its `lang` attribute takes. */
export const LANGUAGES: readonly { code: Language; name: string; tag: string }[] = PUBLIC_LANGUAGES.map(
  (code) => ({ code, name: LANGUAGE_NAMES[code], tag: documentLanguageOf(code) }),
);

/** The public pages' language: the browser's when it is one we have, switchable, remembered. */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  readonly current = signal<Language>(initialLanguage());
  /** The tag for `lang` attributes (`zh-Hans` for Chinese). */
  readonly tag = computed(() => documentLanguageOf(this.current()));
  readonly dir = computed(() => directionOf(this.current()));
  /** Public pages alive now: while there is one, <html> carries their language and direction. */
  private publicPages = 0;

  use(language: Language): void {
    this.current.set(language);
    localStorage.setItem('homeroom.language', language);
    this.showOnDocument();
  }

  /**
   * For a public page, in its injection context: <html lang dir> follow the family's language while the
   * page lives, and go back to English, left to right, for the staff pages after it. Counted, because
   * the router may create the next page before it destroys the one before.
   */
  enterPublicPage(): void {
    this.publicPages += 1;
    this.showOnDocument();
    inject(DestroyRef).onDestroy(() => {
      this.publicPages -= 1;
      this.showOnDocument();
    });
  }

  private showOnDocument(): void {
    const onPublicPage = this.publicPages > 0;
    document.documentElement.lang = onPublicPage ? this.tag() : 'en';
    document.documentElement.dir = onPublicPage ? this.dir() : 'ltr';
  }
}

/** The language service, with <html lang dir> following it while the calling public page lives. */
export function publicPageLanguage(): LanguageService {
  const language = inject(LanguageService);
  language.enterPublicPage();
  return language;
}

function initialLanguage(): Language {
  const stored = localStorage.getItem('homeroom.language');
  if (stored && isPublicLanguage(stored)) return stored;
  // "zh-TW" reads Simplified better than English; "es-MX" is Spanish.
  const browser = navigator.language.toLowerCase().split('-')[0]!;
  return isPublicLanguage(browser) ? browser : 'en';
}
