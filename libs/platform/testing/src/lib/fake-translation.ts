import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeTranslationProvider = 'DEEPL' | 'GOOGLE' | 'AZURE' | 'LIBRETRANSLATE';

/** One translation request the fake received, as a test reads it: languages as the client sent them. */
export interface FakeTranslationRequest {
  provider: FakeTranslationProvider;
  /** `ZH-HANS`, `zh-CN`, `zh-Hans`, `zh`: the provider's code, as sent; null when missing. */
  target: string | null;
  /** As sent; null when omitted, or LibreTranslate's `auto`. */
  source: string | null;
  texts: string[];
  /** What the fake answered. */
  status: number;
}

export interface FakeTranslation {
  /** The base URL to configure for each provider (each is served under a path of its own). */
  urls: Record<FakeTranslationProvider, string>;
  /**
   * The credential each provider accepts: DeepL's auth key (a Free one, `:fx`), Google's API key, Azure's
   * resource key, LibreTranslate's api_key.
   */
  keys: Record<FakeTranslationProvider, string>;
  /** The Azure resource's region, required in Ocp-Apim-Subscription-Region; null: a global resource. */
  azureRegion: string | null;
  /** Requests received on a provider's translate route, oldest first. */
  requests: FakeTranslationRequest[];
  /**
   * The next `count` authenticated translate requests fail with `status` (default 503), in the provider's
   * error format and words: 429 throttling, 403 Google's per-minute quota or Azure's free tier's, 456
   * DeepL's quota, 5xx the service down.
   */
  failNext(count: number, status?: number): void;
  /** The next `count` requests get no answer at all, until the client gives up or the fake closes. */
  stallNext(count: number): void;
  close(): Promise<void>;
}

export interface FakeTranslationOptions {
  /** The Azure resource's region; null: a global resource, which needs no region header. Default `eastus`. */
  azureRegion?: string | null;
  /**
   * Whether the LibreTranslate server requires a key of every caller (`--api-keys --require-api-key-origin`
   * and the like) or lets callers without one translate; a wrong key is refused either way. Default true.
   */
  libreTranslateKeyRequired?: boolean;
}

/**
 * Sentences a district sends and receives, in the languages the fake translates for real; any other text
 * or language comes back as `[<target code as sent>] <text>`, so tests can assert exact results. It is also
 * how the fake detects: a text is in the language whose column holds it, and anything else is English.
 */
const PHRASEBOOK: readonly Readonly<Record<string, string>>[] = [
  {
    en: 'The bus will be late today.',
    es: 'El autobús llegará tarde hoy.',
    vi: 'Hôm nay xe buýt sẽ đến trễ.',
    so: 'Baska maanta wuu soo daahayaa.',
    zh: '今天校车会晚点。',
  },
  {
    en: 'My son is sick and will stay home.',
    es: 'Mi hijo está enfermo y se quedará en casa.',
    vi: 'Con trai tôi bị ốm và sẽ ở nhà.',
    so: 'Wiilkayga waa xanuunsan yahay wuxuuna joogi doonaa guriga.',
    zh: '我儿子生病了，会待在家里。',
  },
  {
    en: 'When is the parent-teacher conference?',
    es: '¿Cuándo es la conferencia de padres y maestros?',
    vi: 'Khi nào có buổi họp phụ huynh và giáo viên?',
    so: 'Goorma ayuu yahay shirka waalidka iyo macallinka?',
    zh: '家长会是什么时候？',
  },
  {
    en: 'Thank you for your message.',
    es: 'Gracias por su mensaje.',
    vi: 'Cảm ơn tin nhắn của bạn.',
    so: 'Waad ku mahadsan tahay fariintaada.',
    zh: '感谢您的留言。',
  },
];

/**
 * Each provider's languages as the fake knows them: a subset of each one's published list (DeepL's
 * "Languages supported", Google's and Azure's language-support pages, LibreTranslate's Argos models),
 * enough for tests. A code outside it is refused as the provider refuses an unknown one.
 */
const DEEPL_TARGETS = new Set(
  'AR DE EN EN-GB EN-US ES ES-419 FR HT JA KO PT PT-BR PT-PT RU UK VI ZH ZH-HANS ZH-HANT'.split(' '),
);
const DEEPL_SOURCES = new Set('AR DE EN ES FR HT JA KO PT RU UK VI ZH'.split(' '));
const GOOGLE_LANGUAGES = new Set(
  'ar de en es fr he hmn ht iw ja ko pt ru so tl uk vi zh zh-CN zh-TW'.split(' '),
);
const AZURE_LANGUAGES = new Set(
  'ar de en es fil fr he ht ja ko mww nb pt ru so uk vi zh-Hans zh-Hant'.split(' '),
);
/** LibreTranslate's model codes: `zh` is Simplified, `zt` Traditional, `pb` Brazilian Portuguese. */
const LIBRETRANSLATE_MODELS = new Set('ar de en es fr ja ko pt pb ru uk vi zh zt'.split(' '));

/** Limits the providers publish for one request, which the fake enforces so that splitting is tested. */
const DEEPL_MAX_TEXTS = 50;
const DEEPL_MAX_BODY = 128 * 1024;
const GOOGLE_MAX_SEGMENTS = 128;
const AZURE_MAX_ELEMENTS = 1_000;
const AZURE_MAX_CHARACTERS = 50_000;

interface Received {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  raw: Buffer;
  /** The JSON body, or undefined when there is none or it is not JSON. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each provider checks its fields one by one
  json: any;
}

interface Answer {
  status: number;
  body: unknown;
}

/**
 * A stand-in on loopback for four machine translation APIs, each under its own path, each written from the
 * provider's documentation (not from our clients): DeepL API v2 (`/deepl/v2/translate`), Cloud
 * Translation - Basic v2 (`/google/language/translate/v2`), Azure AI Translator v3.0 (`/azure/translate`)
 * and LibreTranslate (`/libretranslate/translate`). Each checks credentials where and as its provider
 * does, answers in its format (codes, detected languages, error bodies and statuses), enforces its
 * published request limits, and translates with a small phrasebook. Only text translation, only JSON.
 */
export async function startFakeTranslation(options: FakeTranslationOptions = {}): Promise<FakeTranslation> {
  const keys: Record<FakeTranslationProvider, string> = {
    DEEPL: `${randomBytes(16).toString('hex')}:fx`,
    GOOGLE: `AIza${randomBytes(18).toString('base64url')}`,
    AZURE: randomBytes(16).toString('hex'),
    LIBRETRANSLATE: randomBytes(8).toString('hex'),
  };
  const azureRegion = options.azureRegion === undefined ? 'eastus' : options.azureRegion;
  const keyRequired = options.libreTranslateKeyRequired ?? true;
  const requests: FakeTranslationRequest[] = [];
  let failures: { count: number; status: number } = { count: 0, status: 503 };
  let stalls = 0;
  /** A configured failure for this request, if any is left. */
  const failure = (): number | null => {
    if (failures.count <= 0) return null;
    failures.count -= 1;
    return failures.status;
  };

  const deepl = (request: Received, seen: FakeTranslationRequest): Answer => {
    const error = (status: number, message: string) => ({ status, body: { message } });
    if (request.method !== 'POST' || request.path !== '/v2/translate') return error(404, 'Not found');
    // Since November 2025 DeepL takes a key only in the Authorization header (no more auth_key parameter).
    if (request.headers.authorization !== `DeepL-Auth-Key ${keys.DEEPL}`)
      return error(
        403,
        'Authorization failed. Please supply a valid DeepL-Auth-Key via the Authorization header.',
      );
    const failed = failure();
    if (failed === 456) return error(456, 'Quota exceeded. The character limit has been reached.');
    if (failed === 429) return error(429, 'Too many requests. Please wait and resend your request.');
    if (failed) return error(failed, 'Internal error');
    if (request.raw.length > DEEPL_MAX_BODY) return error(413, 'Request Entity Too Large');
    if (!isJson(request)) return error(415, 'Unsupported Media Type');
    const { text, target_lang: target, source_lang: source } = request.json ?? {};
    Object.assign(seen, { target: str(target), source: str(source), texts: strings(text) ?? [] });
    if (!strings(text)?.length) return error(400, "Parameter 'text' not specified.");
    if (text.length > DEEPL_MAX_TEXTS) return error(400, 'Too many texts in request.');
    if (typeof target !== 'string') return error(400, "Parameter 'target_lang' not specified.");
    // DeepL's codes are case-insensitive.
    if (!DEEPL_TARGETS.has(target.toUpperCase())) return error(400, "Value for 'target_lang' not supported.");
    if (source !== undefined && !(typeof source === 'string' && DEEPL_SOURCES.has(source.toUpperCase())))
      return error(400, "Value for 'source_lang' not supported.");
    return {
      status: 200,
      body: {
        translations: (text as string[]).map((item) => {
          const from = source ? phraseLanguage(source) : detect(item);
          // The detected language is DeepL's source code, upper case (it echoes source_lang when given).
          return {
            detected_source_language: (source ?? from).toUpperCase(),
            text: translate(item, from, target),
          };
        }),
      },
    };
  };

  const google = (request: Received, seen: FakeTranslationRequest): Answer => {
    const error = (status: number, message: string, reason: string, extra: Record<string, unknown> = {}) => ({
      status,
      body: { error: { code: status, message, errors: [{ message, domain: 'global', reason }], ...extra } },
    });
    if (request.method !== 'POST' || request.path !== '/language/translate/v2')
      return error(404, 'Not Found', 'notFound');
    // An API key goes in the `key` parameter or the X-goog-api-key header. None: 403; a wrong one: 400.
    const key = request.query.get('key') ?? request.headers['x-goog-api-key'];
    if (!key)
      return error(
        403,
        "Method doesn't allow unregistered callers (callers without established identity). " +
          'Please use API Key or other form of API consumer identity to call this API.',
        'forbidden',
        { status: 'PERMISSION_DENIED' },
      );
    if (key !== keys.GOOGLE)
      return error(400, 'API key not valid. Please pass a valid API key.', 'badRequest', {
        status: 'INVALID_ARGUMENT',
        details: [
          {
            '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
            reason: 'API_KEY_INVALID',
            domain: 'googleapis.com',
            metadata: { service: 'translate.googleapis.com' },
          },
        ],
      });
    const failed = failure();
    // Cloud Translation reports a per-minute quota as 403 "User Rate Limit Exceeded" (its quotas page).
    if (failed === 403) return error(403, 'User Rate Limit Exceeded', 'userRateLimitExceeded');
    if (failed === 429)
      return error(429, 'Resource has been exhausted (e.g. check quota).', 'rateLimitExceeded');
    if (failed) return error(failed, 'The service is currently unavailable.', 'backendError');
    if (!isJson(request)) return error(400, 'Invalid JSON payload received.', 'badRequest');
    const { q, target, source, format } = request.json ?? {};
    const texts = typeof q === 'string' ? [q] : strings(q);
    Object.assign(seen, { target: str(target), source: str(source), texts: texts ?? [] });
    if (!texts?.length) return error(400, 'Required Text', 'required');
    if (texts.length > GOOGLE_MAX_SEGMENTS) return error(400, 'Too many text segments', 'invalid');
    if (typeof target !== 'string') return error(400, 'Required Text', 'required');
    if (!GOOGLE_LANGUAGES.has(target) || (source !== undefined && !GOOGLE_LANGUAGES.has(source)))
      return error(400, 'Invalid Value', 'invalid');
    return {
      status: 200,
      body: {
        data: {
          translations: texts.map((item) => {
            const from = source ? phraseLanguage(source) : detect(item);
            const translated = translate(item, from, target);
            // HTML is the default format: the translation comes back with entities.
            const translatedText = format === 'text' ? translated : escapeHtml(translated);
            // Detected only when no source was given; Google's code for Simplified Chinese is zh-CN.
            return source
              ? { translatedText }
              : { translatedText, detectedSourceLanguage: from === 'zh' ? 'zh-CN' : from };
          }),
        },
      },
    };
  };

  const azure = (request: Received, seen: FakeTranslationRequest): Answer => {
    const error = (status: number, code: number, message: string) => ({
      status,
      body: { error: { code, message } },
    });
    if (request.method !== 'POST' || request.path !== '/translate')
      return error(404, 404001, 'The requested resource was not found.');
    // A regional resource's key is valid only with its region named.
    if (
      request.headers['ocp-apim-subscription-key'] !== keys.AZURE ||
      (azureRegion !== null && request.headers['ocp-apim-subscription-region'] !== azureRegion)
    )
      return error(401, 401000, 'The request is not authorized because credentials are missing or invalid.');
    const failed = failure();
    if (failed === 429)
      return error(
        429,
        429000,
        'The server rejected the request because the client has exceeded request limits.',
      );
    if (failed === 403)
      return error(
        403,
        403001,
        "The operation isn't allowed because the subscription has exceeded its free quota.",
      );
    if (failed) return error(failed, failed * 1000, 'The service is temporarily unavailable. Please retry.');
    if (request.query.get('api-version') !== '3.0')
      return error(400, 400021, 'The API version parameter is missing or invalid.');
    if (!isJson(request)) return error(415, 415000, 'The Content-Type header is missing or invalid.');
    const body = request.json;
    const texts = Array.isArray(body)
      ? strings(body.map((item: { Text?: unknown }) => item?.Text))
      : undefined;
    const to = request.query.get('to');
    const from = request.query.get('from');
    Object.assign(seen, { target: to, source: from, texts: texts ?? [] });
    if (!texts) return error(400, 400074, 'The body of the request is not valid JSON.');
    if (texts.length > AZURE_MAX_ELEMENTS)
      return error(400, 400072, 'The array of input text has too many elements.');
    if (texts.join('').length > AZURE_MAX_CHARACTERS)
      return error(400, 400077, 'The maximum request size has been exceeded.');
    if (!to || !AZURE_LANGUAGES.has(to)) return error(400, 400036, 'The target language is not valid.');
    if (from !== null && !AZURE_LANGUAGES.has(from))
      return error(400, 400035, 'The source language is not valid.');
    return {
      status: 200,
      body: texts.map((item) => {
        const source = from ? phraseLanguage(from) : detect(item);
        const translations = [{ text: translate(item, source, to), to }];
        // Detected only without `from`; Azure's code for Simplified Chinese is zh-Hans.
        return from
          ? { translations }
          : {
              detectedLanguage: { language: source === 'zh' ? 'zh-Hans' : source, score: 1.0 },
              translations,
            };
      }),
    };
  };

  const libreTranslate = (request: Received, seen: FakeTranslationRequest): Answer => {
    const error = (status: number, message: string) => ({ status, body: { error: message } });
    if (request.method !== 'POST' || request.path !== '/translate') return error(404, 'Not Found');
    if (!isJson(request)) return error(400, 'Invalid JSON format');
    const { q, source, target, format, api_key: key } = request.json ?? {};
    const texts = typeof q === 'string' ? [q] : strings(q);
    Object.assign(seen, {
      target: str(target),
      source: source === 'auto' ? null : str(source),
      texts: texts ?? [],
    });
    // A wrong key is refused (403); a missing one, where the server requires one, is a 400.
    if (key && key !== keys.LIBRETRANSLATE) return error(403, 'Invalid API key');
    if (!key && keyRequired) return error(400, 'Please contact the server operator to get an API key');
    const failed = failure();
    if (failed === 429) return error(429, 'Slowdown: 30 per 1 minute');
    if (failed === 403) return error(403, 'Too many request limits violations');
    if (failed) return error(failed, 'Cannot translate text: the model is not loaded');
    for (const [name, value] of [
      ['q', texts?.length],
      ['source', source],
      ['target', target],
    ] as const)
      if (!value) return error(400, `Invalid request: missing ${name} parameter`);
    // LibreTranslate reads codes through its aliases: zh-Hans is its model zh, zh-Hant zt, pt-BR pb.
    const model = (code: string) =>
      ({ 'zh-hans': 'zh', 'zh-hant': 'zt', 'pt-br': 'pb' })[code.toLowerCase()] ?? code.toLowerCase();
    // It detects one language for the whole list, and translates every text from it.
    const detected = source === 'auto' ? mostCommon((texts as string[]).map(detect)) : null;
    const from = detected ?? model(String(source));
    if (!LIBRETRANSLATE_MODELS.has(from)) return error(400, `${from} is not supported`);
    const to = model(String(target));
    if (!LIBRETRANSLATE_MODELS.has(to)) return error(400, `${to} is not supported`);
    if (format !== undefined && format !== 'text' && format !== 'html')
      return error(400, `${String(format)} format is not supported`);
    const translated = (texts as string[]).map((item) =>
      translate(item, phraseLanguage(from), String(target)),
    );
    // Since 1.7.2 it reports its model zh as zh-Hans.
    const language = { confidence: 90.0, language: detected === 'zh' ? 'zh-Hans' : detected };
    const single = typeof q === 'string';
    return {
      status: 200,
      body: {
        translatedText: single ? translated[0] : translated,
        ...(detected && { detectedLanguage: single ? language : translated.map(() => language) }),
      },
    };
  };

  const providers: Record<string, [FakeTranslationProvider, typeof deepl]> = {
    deepl: ['DEEPL', deepl],
    google: ['GOOGLE', google],
    azure: ['AZURE', azure],
    libretranslate: ['LIBRETRANSLATE', libreTranslate],
  };

  const server = createServer(async (request, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    if (stalls > 0) {
      stalls -= 1;
      return; // no answer: the client's timeout is what ends this
    }
    const url = new URL(request.url ?? '/', 'http://fake');
    const [, prefix = '', ...rest] = url.pathname.split('/');
    const route = providers[prefix];
    const raw = Buffer.concat(chunks);
    const received: Received = {
      method: request.method ?? '',
      path: `/${rest.join('/')}`,
      query: url.searchParams,
      headers: request.headers,
      raw,
      json: parseJson(raw),
    };
    let answer: Answer = { status: 404, body: { error: 'No such provider' } };
    if (route) {
      const seen: FakeTranslationRequest = {
        provider: route[0],
        target: null,
        source: null,
        texts: [],
        status: 0,
      };
      answer = route[1](received, seen);
      seen.status = answer.status;
      requests.push(seen);
    }
    response.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8' });
    response.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    urls: {
      DEEPL: `${url}/deepl`,
      GOOGLE: `${url}/google`,
      AZURE: `${url}/azure`,
      LIBRETRANSLATE: `${url}/libretranslate`,
    },
    keys,
    azureRegion,
    requests,
    failNext: (count, status = 503) => {
      failures = { count, status };
    },
    stallNext: (count) => {
      stalls = count;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The phrasebook's language for a provider's code: `zh` only for Simplified (`ZH-HANS`, `zh-CN`, `zh`). */
function phraseLanguage(code: string): string {
  const normal = code.toLowerCase();
  if (['zh-hant', 'zh-tw', 'zt'].includes(normal)) return 'zh-hant';
  if (normal === 'pb') return 'pt';
  return normal.split('-')[0] ?? normal;
}

function detect(text: string): string {
  const entry = PHRASEBOOK.find((phrases) => Object.values(phrases).includes(text.trim()));
  return Object.entries(entry ?? {}).find(([, phrase]) => phrase === text.trim())?.[0] ?? 'en';
}

/** The phrasebook's translation of a text in `from`, or `[<target as sent>] <text>`. */
function translate(text: string, from: string, target: string): string {
  const entry = PHRASEBOOK.find((phrases) => phrases[from] === text.trim());
  return entry?.[phraseLanguage(target)] ?? `[${target}] ${text}`;
}

function mostCommon(languages: string[]): string {
  const counts = new Map<string, number>();
  for (const language of languages) counts.set(language, (counts.get(language) ?? 0) + 1);
  return [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
}

function isJson(request: Received): boolean {
  return /^application\/json\b/i.test(request.headers['content-type'] ?? '') && request.json !== undefined;
}

function parseJson(raw: Buffer): unknown {
  try {
    return raw.length ? JSON.parse(raw.toString('utf8')) : undefined;
  } catch {
    return undefined;
  }
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function strings(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : undefined;
}

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ENTITIES[character] ?? character);
}
