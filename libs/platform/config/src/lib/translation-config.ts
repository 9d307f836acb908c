import { z } from 'zod';
import { ConfigError } from './config-error';

/** The machine translation providers a service can be configured with (none by default). */
export const TRANSLATION_PROVIDER_NAMES = ['deepl', 'google', 'azure', 'libretranslate'] as const;
export type TranslationProviderName = (typeof TRANSLATION_PROVIDER_NAMES)[number];

/** A service that translates messages: which provider (empty turns translation off), where, and its key. */
export const translationConfigShape = {
  TRANSLATION_PROVIDER: z.enum(['', ...TRANSLATION_PROVIDER_NAMES]).default(''),
  /** The provider's API; empty: its public endpoint (LibreTranslate, self-hosted, has none). */
  TRANSLATION_URL: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]).default(''),
  /** DeepL's auth key, Google's API key, Azure's resource key; LibreTranslate's when the server asks one. */
  TRANSLATION_API_KEY: z.string().default(''),
  /** Azure only: the resource's region (`eastus`), required by regional and multi-service resources. */
  TRANSLATION_REGION: z.string().default(''),
  /** Per request; a hung provider fails the attempt, to be retried. */
  TRANSLATION_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
} as const;

export interface TranslationSettings {
  provider: TranslationProviderName;
  baseUrl: string;
  apiKey: string;
  region: string | null;
  timeoutMs: number;
}

/**
 * The translation settings as a translator takes them, or null when translation is off (no provider);
 * refuses a half-configured provider: DeepL, Google and Azure need a key, a self-hosted LibreTranslate its
 * URL.
 */
export function translationSettingsOf(
  app: string,
  config: {
    TRANSLATION_PROVIDER: TranslationProviderName | '';
    TRANSLATION_URL: string;
    TRANSLATION_API_KEY: string;
    TRANSLATION_REGION: string;
    TRANSLATION_TIMEOUT_MS: number;
  },
): TranslationSettings | null {
  const provider = config.TRANSLATION_PROVIDER;
  if (!provider) return null;
  const required = provider === 'libretranslate' ? 'TRANSLATION_URL' : 'TRANSLATION_API_KEY';
  if (!config[required])
    throw new ConfigError(app, [
      { variable: required, message: `is required with TRANSLATION_PROVIDER=${provider}` },
    ]);
  return {
    provider,
    baseUrl: config.TRANSLATION_URL || publicEndpoint(provider, config.TRANSLATION_API_KEY),
    apiKey: config.TRANSLATION_API_KEY,
    region: config.TRANSLATION_REGION || null,
    timeoutMs: config.TRANSLATION_TIMEOUT_MS,
  };
}

/** Each provider's public endpoint. DeepL's Free keys end in `:fx` and work only on its Free endpoint. */
function publicEndpoint(provider: TranslationProviderName, apiKey: string): string {
  switch (provider) {
    case 'deepl':
      return apiKey.endsWith(':fx') ? 'https://api-free.deepl.com' : 'https://api.deepl.com';
    case 'google':
      return 'https://translation.googleapis.com';
    case 'azure':
      return 'https://api.cognitive.microsofttranslator.com';
    case 'libretranslate':
      return ''; // self-hosted: TRANSLATION_URL is required
  }
}
