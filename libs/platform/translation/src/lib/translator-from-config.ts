import { translationSettingsOf } from '@homeroom/platform/config';
import { AzureTranslator } from './azure-translator';
import { DeepLTranslator } from './deepl-translator';
import { GoogleTranslator } from './google-translator';
import { LibreTranslateTranslator } from './libretranslate-translator';
import { NO_TRANSLATION, type Translator } from './translator';

/**
 * The configured translator: the provider TRANSLATION_PROVIDER names, at TRANSLATION_URL or its public
 * endpoint, else `NO_TRANSLATION`. A half-configured provider is a `ConfigError` at start-up.
 */
export function translatorFromConfig(
  app: string,
  config: Parameters<typeof translationSettingsOf>[1],
): Translator {
  const settings = translationSettingsOf(app, config);
  switch (settings?.provider) {
    case undefined:
      return NO_TRANSLATION;
    case 'deepl':
      return new DeepLTranslator(settings);
    case 'google':
      return new GoogleTranslator(settings);
    case 'azure':
      return new AzureTranslator(settings);
    case 'libretranslate':
      return new LibreTranslateTranslator(settings);
  }
}
