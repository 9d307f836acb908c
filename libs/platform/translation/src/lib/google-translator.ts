import {
  endpoint,
  primarySubtag,
  ProviderTranslator,
  type BatchLimits,
  type ErrorVerdict,
} from './provider-translator';
import type { Translation } from './translator';

export interface GoogleTranslateSettings {
  /** https://translation.googleapis.com */
  baseUrl: string;
  /** An API key of a project with the Cloud Translation API enabled. */
  apiKey: string;
  timeoutMs?: number;
}

/** Our tags where Google's code differs: `zh` alone would do, `zh-CN` says Simplified for certain. */
const GOOGLE_CODES: Record<string, string> = { zh: 'zh-CN' };

/** Google's legacy codes in what it detects: Hebrew and Javanese. */
const FROM_GOOGLE: Record<string, string> = { iw: 'he', jw: 'jv' };

interface GoogleError {
  error?: {
    code?: number;
    message?: string;
    status?: string;
    errors?: { reason?: string; message?: string }[];
    details?: { reason?: string }[];
  };
}

interface GoogleAnswer {
  data?: { translations?: { translatedText?: unknown; detectedSourceLanguage?: string }[] };
}

/**
 * Machine translation through Cloud Translation - Basic (v2): `POST /language/translate/v2?key=…`, JSON
 * `q` (up to 128 texts; Google recommends at most 5,000 characters a request, so larger batches are split),
 * `target`, `source`, `format: 'text'` (the default is HTML, which would come back with entities). Google
 * does not hold to one status for one cause, so its error body decides: a wrong key is 400 with
 * `API_KEY_INVALID`, an unknown language 400 `Invalid Value` (or `Bad language pair`), a per-minute quota
 * 403 `User Rate Limit Exceeded` (retried, as 429 and 5xx are), the daily quota and a key without the API
 * 403 (refused).
 */
export class GoogleTranslator extends ProviderTranslator<GoogleTranslateSettings> {
  readonly provider = 'GOOGLE';
  protected readonly name = 'Google Cloud Translation';

  protected limits(): BatchLimits {
    return { maxTexts: 128, maxSize: 5_000 };
  }

  protected async translateBatch(
    batch: readonly string[],
    target: string,
    source?: string,
  ): Promise<Translation[]> {
    const key = new URLSearchParams({ key: this.settings.apiKey });
    const answer = (await this.post({
      url: `${endpoint(this.settings.baseUrl, '/language/translate/v2')}?${key}`,
      body: {
        q: batch,
        target: GOOGLE_CODES[target] ?? target,
        ...(source && { source: GOOGLE_CODES[source] ?? source }),
        format: 'text',
      },
      errorMessage: (payload) => (payload as GoogleError | undefined)?.error?.message,
      verdict: (status, payload) => googleVerdict(status, payload as GoogleError | undefined, target),
    })) as GoogleAnswer;
    return (answer.data?.translations ?? []).map((translation) => ({
      text: this.translatedText(translation.translatedText),
      detectedSourceLanguage:
        source ??
        (translation.detectedSourceLanguage
          ? primarySubtag(translation.detectedSourceLanguage, FROM_GOOGLE)
          : null),
    }));
  }
}

function googleVerdict(
  status: number,
  payload: GoogleError | undefined,
  target: string,
): ErrorVerdict | undefined {
  const error = payload?.error;
  const reasons = [...(error?.errors ?? []), ...(error?.details ?? [])].map((item) => item.reason ?? '');
  const message = error?.message ?? '';
  if (status === 400 && reasons.includes('API_KEY_INVALID')) return 'refused';
  // Google does not say which language it refused; the target is the one we always send.
  if (status === 400 && /^Invalid Value$|Bad language pair/i.test(message)) return { unsupported: target };
  if (
    status === 403 &&
    (reasons.some((reason) => /rateLimitExceeded/i.test(reason)) || /Rate Limit/i.test(message))
  )
    return 'retry';
  return undefined;
}
