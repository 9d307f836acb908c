import { endpoint, primarySubtag, ProviderTranslator, type BatchLimits } from './provider-translator';
import type { Translation } from './translator';

export interface AzureTranslatorSettings {
  /**
   * https://api.cognitive.microsofttranslator.com (global), a geography's (api-eur.…, api-apc.…), or a
   * custom-domain resource's `https://<name>.cognitiveservices.azure.com/translator/text/v3.0`.
   */
  baseUrl: string;
  apiKey: string;
  /** The resource's region (`eastus`), which a regional or multi-service resource's key requires. */
  region?: string | null;
  timeoutMs?: number;
}

/** Our tags where Azure's code differs (its language list names scripts and varieties). */
const AZURE_CODES: Record<string, string> = {
  zh: 'zh-Hans',
  hmn: 'mww',
  mn: 'mn-Cyrl',
  no: 'nb',
  sr: 'sr-Cyrl',
  tl: 'fil',
};

/** Azure's codes back to ours where the primary subtag is not it: Hmong Daw, Filipino. */
const FROM_AZURE: Record<string, string> = { mww: 'hmn', fil: 'tl' };

interface AzureError {
  error?: { code?: number; message?: string };
}

type AzureAnswer = { detectedLanguage?: { language?: string }; translations?: { text?: unknown }[] }[];

/**
 * Machine translation through Azure AI Translator's Text Translation REST API v3.0 (`POST /translate?
 * api-version=3.0&to=…&from=…`, JSON `[{ "Text": … }]`; `Ocp-Apim-Subscription-Key`, and
 * `Ocp-Apim-Subscription-Region` for a regional resource). A request takes up to 1,000 texts and 50,000
 * characters, so larger batches are split. Azure's six-digit error codes decide: 400035 and 400036 (the
 * source or target language) are an unsupported language, 401xxx and 403xxx (a wrong key or region, the
 * free tier's quota used up) are refused, 429xxx and 5xx are retried.
 */
export class AzureTranslator extends ProviderTranslator<AzureTranslatorSettings> {
  readonly provider = 'AZURE';
  protected readonly name = 'Azure AI Translator';

  protected limits(): BatchLimits {
    return { maxTexts: 1_000, maxSize: 50_000 };
  }

  protected async translateBatch(
    batch: readonly string[],
    target: string,
    source?: string,
  ): Promise<Translation[]> {
    const query = new URLSearchParams({ 'api-version': '3.0', to: AZURE_CODES[target] ?? target });
    if (source) query.set('from', AZURE_CODES[source] ?? source);
    const { apiKey, region } = this.settings;
    const answer = (await this.post({
      url: `${endpoint(this.settings.baseUrl, '/translate')}?${query}`,
      headers: {
        'ocp-apim-subscription-key': apiKey,
        ...(region && { 'ocp-apim-subscription-region': region }),
      },
      body: batch.map((text) => ({ Text: text })),
      errorMessage: (payload) => {
        const error = (payload as AzureError | undefined)?.error;
        return error && `${error.message ?? ''} (${error.code ?? '?'})`;
      },
      verdict: (_status, payload) => {
        const code = (payload as AzureError | undefined)?.error?.code;
        // 400019 and 400023 (a language, or the pair, not supported) do not say which: the target, likely.
        if (code === 400035 && source) return { unsupported: source };
        if (code === 400036 || code === 400019 || code === 400023) return { unsupported: target };
        return undefined;
      },
    })) as AzureAnswer;
    return (Array.isArray(answer) ? answer : []).map((item) => ({
      text: this.translatedText(item.translations?.[0]?.text),
      detectedSourceLanguage:
        source ??
        (item.detectedLanguage?.language ? primarySubtag(item.detectedLanguage.language, FROM_AZURE) : null),
    }));
  }
}
