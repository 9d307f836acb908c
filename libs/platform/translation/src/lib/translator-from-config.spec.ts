import {
  ConfigError,
  loadConfig,
  translationConfigShape,
  translationSettingsOf,
} from '@homeroom/platform/config';
import { z } from 'zod';
import { AzureTranslator } from './azure-translator';
import { DeepLTranslator } from './deepl-translator';
import { GoogleTranslator } from './google-translator';
import { LibreTranslateTranslator } from './libretranslate-translator';
import { NO_TRANSLATION } from './translator';
import { translatorFromConfig } from './translator-from-config';

const schema = z.object(translationConfigShape);
const configOf = (environment: Record<string, string>) => loadConfig('cases', schema, environment);

describe('translatorFromConfig', () => {
  it('translates nothing unless a provider is configured', () => {
    expect(translatorFromConfig('cases', configOf({}))).toBe(NO_TRANSLATION);
    // Empty is unset, as in a manifest; a key alone does not turn a provider on.
    const unset = configOf({ TRANSLATION_PROVIDER: '', TRANSLATION_API_KEY: 'k' });
    expect(translatorFromConfig('cases', unset)).toBe(NO_TRANSLATION);
    expect(NO_TRANSLATION).toMatchObject({ enabled: false, provider: null });
  });

  it.each([
    ['deepl', DeepLTranslator, 'DEEPL'],
    ['google', GoogleTranslator, 'GOOGLE'],
    ['azure', AzureTranslator, 'AZURE'],
    ['libretranslate', LibreTranslateTranslator, 'LIBRETRANSLATE'],
  ] as const)('gives the %s client', (name, type, provider) => {
    const translator = translatorFromConfig(
      'cases',
      configOf({
        TRANSLATION_PROVIDER: name,
        TRANSLATION_API_KEY: 'k',
        TRANSLATION_URL: 'http://127.0.0.1:5000',
      }),
    );
    expect(translator).toBeInstanceOf(type);
    expect(translator).toMatchObject({ provider, enabled: true });
  });

  it('uses each provider’s public endpoint unless told otherwise', () => {
    const settings = (environment: Record<string, string>) =>
      translationSettingsOf('cases', configOf(environment));
    expect(settings({ TRANSLATION_PROVIDER: 'deepl', TRANSLATION_API_KEY: 'k' })).toEqual({
      provider: 'deepl',
      baseUrl: 'https://api.deepl.com',
      apiKey: 'k',
      region: null,
      timeoutMs: 10_000,
    });
    // DeepL's Free keys end in :fx and are good only on its Free endpoint.
    expect(settings({ TRANSLATION_PROVIDER: 'deepl', TRANSLATION_API_KEY: 'k:fx' })?.baseUrl).toBe(
      'https://api-free.deepl.com',
    );
    expect(settings({ TRANSLATION_PROVIDER: 'google', TRANSLATION_API_KEY: 'k' })?.baseUrl).toBe(
      'https://translation.googleapis.com',
    );
    expect(
      settings({
        TRANSLATION_PROVIDER: 'azure',
        TRANSLATION_API_KEY: 'k',
        TRANSLATION_REGION: 'eastus',
        TRANSLATION_TIMEOUT_MS: '2500',
      }),
    ).toEqual({
      provider: 'azure',
      baseUrl: 'https://api.cognitive.microsofttranslator.com',
      apiKey: 'k',
      region: 'eastus',
      timeoutMs: 2_500,
    });
    expect(
      settings({
        TRANSLATION_PROVIDER: 'azure',
        TRANSLATION_API_KEY: 'k',
        TRANSLATION_URL: 'https://api-eur.cognitive.microsofttranslator.com',
      })?.baseUrl,
    ).toBe('https://api-eur.cognitive.microsofttranslator.com');
    // A self-hosted LibreTranslate may take no key.
    expect(
      settings({ TRANSLATION_PROVIDER: 'libretranslate', TRANSLATION_URL: 'http://lt:5000' }),
    ).toMatchObject({
      baseUrl: 'http://lt:5000',
      apiKey: '',
    });
  });

  it('refuses a half-configured provider at start-up', () => {
    const refusal = (environment: Record<string, string>) => {
      try {
        translatorFromConfig('cases', configOf(environment));
      } catch (error) {
        if (error instanceof ConfigError) return error.problems;
        throw error;
      }
      throw new Error('accepted');
    };
    for (const provider of ['deepl', 'google', 'azure'])
      expect(refusal({ TRANSLATION_PROVIDER: provider, TRANSLATION_URL: 'https://example.test' })).toEqual([
        { variable: 'TRANSLATION_API_KEY', message: `is required with TRANSLATION_PROVIDER=${provider}` },
      ]);
    expect(refusal({ TRANSLATION_PROVIDER: 'libretranslate', TRANSLATION_API_KEY: 'k' })).toEqual([
      { variable: 'TRANSLATION_URL', message: 'is required with TRANSLATION_PROVIDER=libretranslate' },
    ]);
  });

  it('refuses an unknown provider, a URL that is not http(s) and a timeout out of range', () => {
    expect(() => configOf({ TRANSLATION_PROVIDER: 'bing' })).toThrow(/TRANSLATION_PROVIDER/);
    expect(() => configOf({ TRANSLATION_PROVIDER: 'google', TRANSLATION_URL: 'ftp://x' })).toThrow(
      /TRANSLATION_URL/,
    );
    expect(() => configOf({ TRANSLATION_TIMEOUT_MS: '0' })).toThrow(/TRANSLATION_TIMEOUT_MS/);
  });
});
