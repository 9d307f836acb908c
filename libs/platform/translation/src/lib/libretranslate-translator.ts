import { endpoint, primarySubtag, ProviderTranslator, type BatchLimits } from './provider-translator';
import type { Translation } from './translator';

export interface LibreTranslateSettings {
  /** The district's own server, e.g. http://libretranslate.translation.svc:5000. */
  baseUrl: string;
  /** Empty when the server does not ask for one. */
  apiKey?: string;
  timeoutMs?: number;
}

/**
 * Codes LibreTranslate reports that are not a language's primary subtag: its older model codes for
 * Brazilian Portuguese and Traditional Chinese. (Since 1.7.2 it reports `zh-Hans`, `zh-Hant` and `pt-BR`.)
 */
const FROM_LIBRETRANSLATE: Record<string, string> = { pb: 'pt', zt: 'zh' };

interface LibreTranslateAnswer {
  translatedText?: unknown;
  detectedLanguage?: { language?: string } | { language?: string }[];
}

/**
 * Machine translation through a self-hosted LibreTranslate's `POST /translate` (JSON `q` as a list,
 * `source` (`auto` to detect), `target`, `format: 'text'`, `api_key`), as served from 1.2 to 1.9. `zh` is
 * sent as it is: older servers' code for Simplified Chinese, and an alias of `zh-Hans` on newer ones.
 * LibreTranslate detects one language for a whole list, so texts whose language is to be detected go one a
 * request (parents write in different languages); with `from` they go together. Errors are `{ error }`: 400
 * naming a language (`xx is not supported`, `… is not available as a target language …`) is an unsupported
 * language, any other 400 (a key the server requires, a text over its limit) and 403 (a wrong key, a
 * banned address) are refused, 429 (`Slowdown`) and 5xx are retried.
 */
export class LibreTranslateTranslator extends ProviderTranslator<LibreTranslateSettings> {
  readonly provider = 'LIBRETRANSLATE';
  protected readonly name = 'LibreTranslate';

  /** No limits of its own (an operator may set some); one text a request when its language is detected. */
  protected limits(source: string | undefined): BatchLimits {
    return { maxTexts: source ? Number.POSITIVE_INFINITY : 1, maxSize: Number.POSITIVE_INFINITY };
  }

  protected async translateBatch(
    batch: readonly string[],
    target: string,
    source?: string,
  ): Promise<Translation[]> {
    const { apiKey } = this.settings;
    const answer = (await this.post({
      url: endpoint(this.settings.baseUrl, '/translate'),
      body: {
        q: batch,
        source: source ?? 'auto',
        target,
        format: 'text',
        ...(apiKey && { api_key: apiKey }),
      },
      errorMessage: (payload) => (payload as { error?: string } | undefined)?.error,
      verdict: (status, _payload, message) =>
        status !== 400 || !/is not supported|is not available as a target language/.test(message)
          ? undefined
          : { unsupported: source && message.startsWith(`${source} `) ? source : target },
    })) as LibreTranslateAnswer;
    const translated = Array.isArray(answer.translatedText) ? answer.translatedText : [answer.translatedText];
    const detected = [answer.detectedLanguage ?? []].flat();
    return translated.map((text, index) => {
      const language = detected[index]?.language;
      return {
        text: this.translatedText(text),
        detectedSourceLanguage: source ?? (language ? primarySubtag(language, FROM_LIBRETRANSLATE) : null),
      };
    });
  }
}
