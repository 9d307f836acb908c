import { Injectable, signal } from '@angular/core';

export type Language = 'en' | 'es';
export const LANGUAGES: readonly { code: Language; name: string }[] = [
  { code: 'en', name: 'English' },
  { code: 'es', name: 'Español' },
];

/** The public pages' language: the browser's when it is one we have, switchable, remembered. */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  readonly current = signal<Language>(initialLanguage());

  use(language: Language): void {
    this.current.set(language);
    localStorage.setItem('homeroom.language', language);
    document.documentElement.lang = language;
  }
}

function initialLanguage(): Language {
  const stored = localStorage.getItem('homeroom.language');
  if (stored === 'en' || stored === 'es') return stored;
  return navigator.language.toLowerCase().startsWith('es') ? 'es' : 'en';
}
