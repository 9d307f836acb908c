import { endpoint, primarySubtag, ProviderTranslator, type BatchLimits } from './provider-translator';
import type { Translation } from './translator';

export interface DeepLSettings {
  /** https://api.deepl.com (DeepL API Pro), https://api-free.deepl.com (a Free key, ending in `:fx`). */
  baseUrl: string;
  apiKey: string;
  timeoutMs?: number;
}

/**
 * The languages DeepL translates into and from, as our tags: DeepL's base codes, lower case, from
 * "Languages supported" on developers.deepl.com (June 2026: the 30 long-standing languages and the 81
 * added in beta in late 2025 and generally available since January 2026; Haitian Creole among them,
 * Somali and Hmong not). DeepL answers 400 for a code outside its list; we refuse it before the request.
 * `/v3/languages` gives the live list, which a deployment could check against this one.
 */
const DEEPL_LANGUAGES = new Set(
  (
    'ar bg cs da de el en es et fi fr hu id it ja ko lt lv nb nl pl pt ro ru sk sl sv tr uk zh ' +
    'ace af an as ay az ba be bho bn br bs ca ceb ckb cy eo eu fa ga gl gn gom gu ha he hi hr ht hy ig ' +
    'is jv ka kk kmr ky la lb lmo ln mai mg mi mk ml mn mr ms mt my ne oc om pa pag pam prs ps qu sa scn ' +
    'sq sr st su sw ta te tg th tk tl tn ts tt ur uz vi wo xh yi yue zu'
  ).split(' '),
);

/**
 * Target codes where DeepL wants a variant: its bare `EN`, `PT` and `ZH` are kept only for backward
 * compatibility. US English and Brazilian Portuguese are what our districts' families read; `zh` is ours
 * for Simplified Chinese.
 */
const DEEPL_TARGET_VARIANTS: Record<string, string> = { en: 'EN-US', pt: 'PT-BR', zh: 'ZH-HANS' };

interface DeepLAnswer {
  translations?: { detected_source_language?: string; text?: unknown }[];
}

/**
 * Machine translation through DeepL API v2's text translation (`POST /v2/translate`, JSON `text`,
 * `target_lang`, `source_lang`; `Authorization: DeepL-Auth-Key …`, the only way DeepL takes a key since
 * November 2025). Up to 50 texts and 128 KiB a request, so larger batches are split. 403 (a wrong key)
 * and 456 (the month's characters, or the account's cost control, used up) are refused for good; 429 and
 * 5xx are thrown to be retried, as DeepL's error-handling guide asks.
 */
export class DeepLTranslator extends ProviderTranslator<DeepLSettings> {
  readonly provider = 'DEEPL';
  protected readonly name = 'DeepL';

  protected override translates(tag: string): boolean {
    return DEEPL_LANGUAGES.has(tag);
  }

  /** DeepL counts the request body; a text's share of it is its JSON string, in UTF-8 bytes. */
  protected limits(): BatchLimits {
    return { maxTexts: 50, maxSize: 120 * 1024, size: (text) => Buffer.byteLength(JSON.stringify(text)) };
  }

  protected async translateBatch(
    batch: readonly string[],
    target: string,
    source?: string,
  ): Promise<Translation[]> {
    const answer = (await this.post({
      url: endpoint(this.settings.baseUrl, '/v2/translate'),
      headers: { authorization: `DeepL-Auth-Key ${this.settings.apiKey}` },
      body: {
        text: batch,
        target_lang: DEEPL_TARGET_VARIANTS[target] ?? target.toUpperCase(),
        ...(source && { source_lang: source.toUpperCase() }),
      },
      errorMessage: (payload) => (payload as { message?: string } | undefined)?.message,
      // DeepL names the parameter it refuses: a language its list (or ours) got wrong.
      verdict: (status, _payload, message) =>
        status !== 400
          ? undefined
          : /target_lang/.test(message)
            ? { unsupported: target }
            : source && /source_lang/.test(message)
              ? { unsupported: source }
              : undefined,
    })) as DeepLAnswer;
    return (answer.translations ?? []).map((translation) => ({
      text: this.translatedText(translation.text),
      detectedSourceLanguage:
        source ??
        (translation.detected_source_language ? primarySubtag(translation.detected_source_language) : null),
    }));
  }
}
