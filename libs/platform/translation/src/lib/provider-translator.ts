import {
  TranslationRefusedError,
  UnsupportedLanguageError,
  type Translation,
  type TranslationProvider,
  type Translator,
} from './translator';

/** Per request, unless configured: a hung provider fails the attempt, to be retried, not the caller. */
const DEFAULT_TRANSLATION_TIMEOUT_MS = 10_000;

/**
 * What an error answer means for the caller: try again later, give up (`refused`), or a language the
 * provider does not translate (which one, in our tags).
 */
export type ErrorVerdict = 'retry' | 'refused' | { unsupported: string };

export interface ProviderRequest {
  provider: TranslationProvider;
  /** The provider as people name it, for messages (`DeepL`, `Azure AI Translator`). */
  name: string;
  url: string;
  headers?: Record<string, string>;
  /** Sent as JSON. */
  body: unknown;
  timeoutMs: number;
  /** The provider's own words for an error, from its error body (each has its shape). */
  errorMessage(payload: unknown): string | undefined;
  /** The provider's reading of an error answer where the common rule is not enough; undefined: the rule. */
  verdict?(status: number, payload: unknown, message: string): ErrorVerdict | undefined;
}

/**
 * POSTs JSON to a translation provider and returns its JSON answer, or throws what the answer means: an
 * `UnsupportedLanguageError` or `TranslationRefusedError` for what no retry can fix, a plain Error for what
 * a retry may (the provider down or slow, 429, the network, an answer we cannot read).
 */
async function postToProvider(request: ProviderRequest): Promise<unknown> {
  let response: Response;
  let text: string;
  const signal = AbortSignal.timeout(request.timeoutMs);
  try {
    response = await fetch(request.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...request.headers },
      body: JSON.stringify(request.body),
      signal,
    });
    // The timeout covers the body too: a provider that stalls halfway through its answer fails the attempt.
    text = await response.text();
  } catch (error) {
    throw new Error(
      signal.aborted
        ? `${request.name} did not answer within ${request.timeoutMs} ms`
        : `${request.name} could not be reached: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  const payload = parseJson(text);
  if (response.ok) {
    if (payload === undefined) throw new Error(`${request.name} answered ${response.status} with no JSON`);
    return payload;
  }
  const message = request.errorMessage(payload) ?? text.slice(0, 200);
  const description = `${request.name} answered ${response.status}: ${message}`;
  const verdict = request.verdict?.(response.status, payload, message) ?? commonVerdict(response.status);
  if (verdict === 'retry') throw new Error(description);
  if (verdict === 'refused')
    throw new TranslationRefusedError(request.provider, response.status, description);
  throw new UnsupportedLanguageError(request.provider, verdict.unsupported, description);
}

/**
 * 408 and 429 ask us to come back later, and a 5xx is the provider's own trouble; any other 4xx is about
 * our request or our account (a wrong key, a quota used up, a text too long), the same on every retry.
 */
function commonVerdict(status: number): 'retry' | 'refused' {
  return status >= 400 && status < 500 && status !== 408 && status !== 429 ? 'refused' : 'retry';
}

function parseJson(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

export interface ProviderSettings {
  baseUrl: string;
  apiKey?: string;
  timeoutMs?: number;
}

/**
 * What the four clients share: our tags checked (and, where the client knows the provider's list, refused
 * before a request), batches split to the provider's limits with blank texts kept back, and each request
 * posted with the configured timeout and its error read. A client says how one batch goes over its wire.
 */
export abstract class ProviderTranslator<Settings extends ProviderSettings> implements Translator {
  abstract readonly provider: TranslationProvider;
  readonly enabled = true;
  /** The provider as people name it, for messages (`DeepL`, `Azure AI Translator`). */
  protected abstract readonly name: string;

  constructor(protected readonly settings: Settings) {}

  async translate(texts: readonly string[], to: string, from?: string): Promise<Translation[]> {
    const target = languageTag(this.provider, to);
    const source = from === undefined ? undefined : languageTag(this.provider, from);
    for (const tag of [target, source]) {
      if (tag !== undefined && !this.translates(tag))
        throw new UnsupportedLanguageError(this.provider, tag, `${this.name} does not translate ${tag}`);
    }
    return translateInBatches(this.name, texts, source, this.limits(source), (batch) =>
      this.translateBatch(batch, target, source),
    );
  }

  /** Whether the provider translates a language, as far as the client knows; the provider decides. */
  protected translates(_tag: string): boolean {
    return true;
  }

  protected abstract limits(source: string | undefined): BatchLimits;

  /** One request: the texts (none blank, within `limits`) into `target`, one translation each, in order. */
  protected abstract translateBatch(
    batch: readonly string[],
    target: string,
    source: string | undefined,
  ): Promise<Translation[]>;

  protected post(request: Omit<ProviderRequest, 'provider' | 'name' | 'timeoutMs'>): Promise<unknown> {
    return postToProvider({
      provider: this.provider,
      name: this.name,
      timeoutMs: this.settings.timeoutMs ?? DEFAULT_TRANSLATION_TIMEOUT_MS,
      ...request,
    });
  }

  /** A translated text from the provider's answer; anything but a string is an answer we cannot read. */
  protected translatedText(value: unknown): string {
    if (typeof value !== 'string') throw new Error(`${this.name} answered without a translated text`);
    return value;
  }
}

/** How much one request may carry: texts, and their total size as the provider counts it. */
export interface BatchLimits {
  maxTexts: number;
  maxSize: number;
  /** One text's share of `maxSize`; default: its length in UTF-16 units (never fewer than characters). */
  size?: (text: string) => number;
}

/**
 * Translates `texts` in as few requests as `limits` allow, one after another, and puts the results back in
 * order. Blank texts are not sent (some providers refuse an empty text, and all would bill it); they come
 * back as they are. A text larger than `maxSize` goes alone, for the provider to refuse or take. Each
 * batch's answer must have one translation per text: anything else is an answer we cannot read.
 */
async function translateInBatches(
  name: string,
  texts: readonly string[],
  from: string | undefined,
  limits: BatchLimits,
  translateBatch: (batch: readonly string[]) => Promise<Translation[]>,
): Promise<Translation[]> {
  const size = limits.size ?? ((text: string) => text.length);
  const results: Translation[] = texts.map((text) => ({ text, detectedSourceLanguage: from ?? null }));
  const pending = texts.flatMap((text, index) => (text.trim() ? [index] : []));
  while (pending.length) {
    const batch: number[] = [];
    let used = 0;
    for (const index of pending) {
      const cost = size(texts[index] ?? '');
      if (batch.length && (batch.length >= limits.maxTexts || used + cost > limits.maxSize)) break;
      batch.push(index);
      used += cost;
    }
    pending.splice(0, batch.length);
    const translated = await translateBatch(batch.map((index) => texts[index] ?? ''));
    if (translated.length !== batch.length)
      throw new Error(`${name} answered ${translated.length} translations for ${batch.length} texts`);
    batch.forEach((index, position) => (results[index] = translated[position] as Translation));
  }
  return results;
}

/**
 * Our languages are BCP 47 primary language subtags, lower case (`es`, `zh`); anything else is refused
 * before a request, so that `zh-Hant` is not quietly translated as `zh` (Simplified).
 */
function languageTag(provider: TranslationProvider, tag: string): string {
  const normal = tag.trim().toLowerCase();
  if (!/^[a-z]{2,3}$/.test(normal))
    throw new UnsupportedLanguageError(
      provider,
      tag,
      `"${tag}" is not a BCP 47 primary language tag (en, es, vi, zh…)`,
    );
  return normal;
}

/**
 * A provider's language code (`EN`, `zh-Hans`, `pt-BR`) as our tag: its primary subtag, lower case, or what
 * `aliases` makes of that (a provider's legacy or own codes: Google's `iw`, Azure's `mww`).
 */
export function primarySubtag(code: string, aliases: Record<string, string> = {}): string {
  const tag = (code.split(/[-_]/)[0] ?? code).toLowerCase();
  return aliases[tag] ?? tag;
}

/** `base` (with or without a trailing slash, possibly with a path of its own) and a path of the API. */
export function endpoint(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}${path}`;
}
