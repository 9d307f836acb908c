/** Machine translation providers the platform speaks (none is enabled by default). */
export const TRANSLATION_PROVIDERS = ['DEEPL', 'GOOGLE', 'AZURE', 'LIBRETRANSLATE'] as const;
export type TranslationProvider = (typeof TRANSLATION_PROVIDERS)[number];

/** One text translated, and its source language. */
export interface Translation {
  text: string;
  /**
   * BCP 47 primary tag (`es`, `zh`), lower case: what the provider detected when `from` was omitted, `from`
   * itself when it was given (whatever each provider echoes), null when the provider did not say.
   */
  detectedSourceLanguage: string | null;
}

/** The provider does not translate between these languages: record it, do not retry. */
export class UnsupportedLanguageError extends Error {
  constructor(
    readonly provider: TranslationProvider,
    readonly language: string,
    message: string,
  ) {
    super(message);
    this.name = 'UnsupportedLanguageError';
  }
}

/**
 * Refused for good (a wrong key, a quota used up for the month, a text too long): record it, do not retry.
 * Anything else a translator throws (the provider down, 429, the network) may be retried.
 */
export class TranslationRefusedError extends Error {
  constructor(
    readonly provider: TranslationProvider,
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'TranslationRefusedError';
  }
}

/**
 * Plain texts into one language. Languages are BCP 47 primary tags (`en`, `es`, `vi`, `zh` for Simplified
 * Chinese, `ar`, `so`, `ht`); each provider maps them to its own codes, and anything else (`zh-Hant`,
 * `pt_BR`) is an `UnsupportedLanguageError`. `from` omitted: the provider detects, text by text. The result
 * has one entry per text, in order; a blank text comes back as it is, without a request.
 */
export interface Translator {
  readonly provider: TranslationProvider | null;
  readonly enabled: boolean;
  translate(texts: readonly string[], to: string, from?: string): Promise<Translation[]>;
}

/** No provider configured: nothing is translated, and callers say so. */
export const NO_TRANSLATION: Translator = {
  provider: null,
  enabled: false,
  translate: () =>
    Promise.reject(new Error('No translation provider is configured (TRANSLATION_PROVIDER is empty)')),
};
