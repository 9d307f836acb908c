import {
  startFakeTranslation,
  type FakeTranslation,
  type FakeTranslationProvider,
} from '@homeroom/platform/testing';
import { AzureTranslator } from './azure-translator';
import { DeepLTranslator } from './deepl-translator';
import { GoogleTranslator } from './google-translator';
import { LibreTranslateTranslator } from './libretranslate-translator';
import { TranslationRefusedError, UnsupportedLanguageError, type Translator } from './translator';

interface Overrides {
  apiKey?: string;
  timeoutMs?: number;
}

/** What differs between the four: how to make a client, and the provider's codes and statuses. */
interface ProviderCase {
  provider: FakeTranslationProvider;
  make(fake: FakeTranslation, overrides?: Overrides): Translator;
  /** The provider's codes for our `en`, `es` (as a source) and `zh` (as a target). */
  codes: { en: string; es: string; zh: string };
  /** A language it does not translate, and whether the client knows so before a request. */
  unsupported: { tag: string; beforeRequest: boolean };
  wrongKeyStatus: number;
}

const settings = (fake: FakeTranslation, provider: FakeTranslationProvider, overrides: Overrides = {}) => ({
  baseUrl: fake.urls[provider],
  apiKey: overrides.apiKey ?? fake.keys[provider],
  ...(overrides.timeoutMs && { timeoutMs: overrides.timeoutMs }),
});

const CASES: ProviderCase[] = [
  {
    provider: 'DEEPL',
    make: (fake, overrides) => new DeepLTranslator(settings(fake, 'DEEPL', overrides)),
    codes: { en: 'EN-US', es: 'ES', zh: 'ZH-HANS' },
    unsupported: { tag: 'so', beforeRequest: true },
    wrongKeyStatus: 403,
  },
  {
    provider: 'GOOGLE',
    make: (fake, overrides) => new GoogleTranslator(settings(fake, 'GOOGLE', overrides)),
    codes: { en: 'en', es: 'es', zh: 'zh-CN' },
    // Ainu: none of the four translates it.
    unsupported: { tag: 'ain', beforeRequest: false },
    wrongKeyStatus: 400,
  },
  {
    provider: 'AZURE',
    make: (fake, overrides) =>
      new AzureTranslator({ ...settings(fake, 'AZURE', overrides), region: fake.azureRegion }),
    codes: { en: 'en', es: 'es', zh: 'zh-Hans' },
    unsupported: { tag: 'ain', beforeRequest: false },
    wrongKeyStatus: 401,
  },
  {
    provider: 'LIBRETRANSLATE',
    make: (fake, overrides) => new LibreTranslateTranslator(settings(fake, 'LIBRETRANSLATE', overrides)),
    codes: { en: 'en', es: 'es', zh: 'zh' },
    unsupported: { tag: 'so', beforeRequest: false },
    wrongKeyStatus: 403,
  },
];

/** The clients against a loopback server speaking each provider's HTTP API (platform/testing). */
let fake: FakeTranslation;

beforeAll(async () => {
  fake = await startFakeTranslation();
});

afterAll(() => fake.close());

beforeEach(() => fake.requests.splice(0));

describe.each(CASES)('$provider translator', (providerCase) => {
  const { provider, codes } = providerCase;
  let translator: Translator;

  beforeAll(() => {
    translator = providerCase.make(fake);
  });

  it('translates a batch in order, each text with the language detected', async () => {
    const texts = ['El autobús llegará tarde hoy.', '  ', 'Con trai tôi bị ốm và sẽ ở nhà.'];
    await expect(translator.translate(texts, 'en')).resolves.toEqual([
      { text: 'The bus will be late today.', detectedSourceLanguage: 'es' },
      { text: '  ', detectedSourceLanguage: null },
      { text: 'My son is sick and will stay home.', detectedSourceLanguage: 'vi' },
    ]);
    // The blank text is not sent. LibreTranslate detects one language for a whole list: one text a request.
    const sent = [texts[0], texts[2]];
    expect(fake.requests).toEqual(
      provider === 'LIBRETRANSLATE'
        ? sent.map((text) => ({ provider, target: 'en', source: null, texts: [text], status: 200 }))
        : [{ provider, target: codes.en, source: null, texts: sent, status: 200 }],
    );
  });

  it('translates from a given language, in one request, and says it is the source', async () => {
    const texts = ['Gracias por su mensaje.', '¿Cuándo es la conferencia de padres y maestros?'];
    await expect(translator.translate(texts, 'vi', 'es')).resolves.toEqual([
      { text: 'Cảm ơn tin nhắn của bạn.', detectedSourceLanguage: 'es' },
      { text: 'Khi nào có buổi họp phụ huynh và giáo viên?', detectedSourceLanguage: 'es' },
    ]);
    expect(fake.requests).toEqual([expect.objectContaining({ source: codes.es, texts })]);
  });

  it('maps Chinese (Simplified) to the provider’s code and back', async () => {
    await expect(
      translator.translate(['Thank you for your message.', 'See you soon'], 'zh'),
    ).resolves.toEqual([
      { text: '感谢您的留言。', detectedSourceLanguage: 'en' },
      // The fake's own fallback shows the code it was sent.
      { text: `[${codes.zh}] See you soon`, detectedSourceLanguage: 'en' },
    ]);
    expect(fake.requests.map((request) => request.target)).toContain(codes.zh);
    await expect(translator.translate(['我儿子生病了，会待在家里。'], 'en')).resolves.toEqual([
      { text: 'My son is sick and will stay home.', detectedSourceLanguage: 'zh' },
    ]);
  });

  it('says when it does not translate a language, which no retry will change', async () => {
    const { tag, beforeRequest } = providerCase.unsupported;
    const refusal = translator.translate(['The bus will be late today.'], tag);
    await expect(refusal).rejects.toBeInstanceOf(UnsupportedLanguageError);
    await expect(refusal).rejects.toMatchObject({ provider, language: tag });
    expect(fake.requests).toHaveLength(beforeRequest ? 0 : 1);
    // Our tags are primary subtags only: Traditional Chinese is not quietly sent as Simplified.
    await expect(translator.translate(['hi'], 'zh-Hant')).rejects.toMatchObject({
      name: 'UnsupportedLanguageError',
      language: 'zh-Hant',
    });
    expect(fake.requests).toHaveLength(beforeRequest ? 0 : 1);
  });

  it('is refused for good with a wrong key', async () => {
    const wrongKey = providerCase.make(fake, { apiKey: 'not-the-key' });
    const refusal = wrongKey.translate(['Thank you for your message.'], 'es');
    await expect(refusal).rejects.toBeInstanceOf(TranslationRefusedError);
    await expect(refusal).rejects.toMatchObject({ provider, status: providerCase.wrongKeyStatus });
  });

  it.each([429, 503])('throws %i to be retried, and translates once the provider is back', async (status) => {
    fake.failNext(1, status);
    const failed = translator.translate(['Thank you for your message.'], 'es');
    await expect(failed).rejects.toThrow(new RegExp(`answered ${status}`));
    await expect(failed).rejects.not.toBeInstanceOf(TranslationRefusedError);
    await expect(failed).rejects.not.toBeInstanceOf(UnsupportedLanguageError);
    await expect(translator.translate(['Thank you for your message.'], 'es')).resolves.toEqual([
      { text: 'Gracias por su mensaje.', detectedSourceLanguage: 'en' },
    ]);
  });

  it('gives up on a provider that does not answer, to be retried', async () => {
    fake.stallNext(1);
    const slow = providerCase.make(fake, { timeoutMs: 300 });
    const started = Date.now();
    const failed = slow.translate(['Thank you for your message.'], 'es');
    await expect(failed).rejects.toThrow(/did not answer within 300 ms/);
    await expect(failed).rejects.not.toBeInstanceOf(TranslationRefusedError);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('DeepLTranslator', () => {
  let deepl: DeepLTranslator;

  beforeAll(() => {
    deepl = new DeepLTranslator({ baseUrl: fake.urls.DEEPL, apiKey: fake.keys.DEEPL });
  });

  it('asks for US English and Brazilian Portuguese, and Haitian Creole as it is', async () => {
    for (const tag of ['en', 'pt', 'ht']) await deepl.translate(['Gracias por su mensaje.'], tag, 'es');
    expect(fake.requests.map((request) => request.target)).toEqual(['EN-US', 'PT-BR', 'HT']);
  });

  it('refuses a source language DeepL does not read, before any request', async () => {
    await expect(deepl.translate(['Baska maanta wuu soo daahayaa.'], 'en', 'so')).rejects.toMatchObject({
      name: 'UnsupportedLanguageError',
      language: 'so',
    });
    expect(fake.requests).toHaveLength(0);
  });

  it('takes DeepL’s word when it refuses a language our list has (lists drift)', async () => {
    // Bulgarian is on DeepL's list, not on the fake's.
    await expect(deepl.translate(['Thank you for your message.'], 'bg')).rejects.toMatchObject({
      name: 'UnsupportedLanguageError',
      language: 'bg',
      message: expect.stringContaining("Value for 'target_lang' not supported."),
    });
    expect(fake.requests).toHaveLength(1);
  });

  it('is refused for good when the quota is used up (456)', async () => {
    fake.failNext(1, 456);
    await expect(deepl.translate(['Thank you for your message.'], 'es')).rejects.toMatchObject({
      name: 'TranslationRefusedError',
      status: 456,
    });
  });

  it('splits a batch over DeepL’s 50 texts a request', async () => {
    const texts = Array.from({ length: 51 }, (_, index) => `Note ${index}`);
    const translations = await deepl.translate(texts, 'es', 'en');
    expect(translations.map((translation) => translation.text)).toEqual(texts.map((text) => `[ES] ${text}`));
    expect(fake.requests.map((request) => request.texts.length)).toEqual([50, 1]);
  });
});

describe('GoogleTranslator', () => {
  let google: GoogleTranslator;

  beforeAll(() => {
    google = new GoogleTranslator({ baseUrl: fake.urls.GOOGLE, apiKey: fake.keys.GOOGLE });
  });

  it('asks for plain text, so that nothing comes back as HTML entities', async () => {
    await expect(google.translate([`Don't forget: "picture day" & <lunch>`], 'so')).resolves.toEqual([
      { text: `[so] Don't forget: "picture day" & <lunch>`, detectedSourceLanguage: 'en' },
    ]);
  });

  it('retries a per-minute quota (403 User Rate Limit Exceeded)', async () => {
    fake.failNext(1, 403);
    const failed = google.translate(['Thank you for your message.'], 'es');
    await expect(failed).rejects.toThrow(/403: User Rate Limit Exceeded/);
    await expect(failed).rejects.not.toBeInstanceOf(TranslationRefusedError);
  });

  it('splits a batch over 128 texts', async () => {
    const texts = Array.from({ length: 129 }, (_, index) => `Note ${index}`);
    await expect(google.translate(texts, 'vi')).resolves.toHaveLength(129);
    expect(fake.requests.map((request) => request.texts.length)).toEqual([128, 1]);
  });
});

describe('AzureTranslator', () => {
  let azure: AzureTranslator;

  beforeAll(() => {
    azure = new AzureTranslator({
      baseUrl: fake.urls.AZURE,
      apiKey: fake.keys.AZURE,
      region: fake.azureRegion,
    });
  });

  it('splits a batch over 1,000 texts', async () => {
    const texts = Array.from({ length: 1_001 }, (_, index) => `Note ${index}`);
    const translations = await azure.translate(texts, 'es', 'en');
    expect(translations.at(-1)).toEqual({ text: '[es] Note 1000', detectedSourceLanguage: 'en' });
    expect(fake.requests.map((request) => request.texts.length)).toEqual([1_000, 1]);
  });

  it('splits a batch over 50,000 characters', async () => {
    const texts = ['a', 'b', 'c'].map((letter) => letter.repeat(20_000));
    const translations = await azure.translate(texts, 'es', 'en');
    expect(translations.map((translation) => translation.text)).toEqual(texts.map((text) => `[es] ${text}`));
    expect(fake.requests.map((request) => request.texts.length)).toEqual([2, 1]);
  });

  it('says which language Azure refused: the source (400035) or the target (400036)', async () => {
    await expect(azure.translate(['hi'], 'en', 'ain')).rejects.toMatchObject({
      name: 'UnsupportedLanguageError',
      language: 'ain',
      message: expect.stringContaining('(400035)'),
    });
    await expect(azure.translate(['hi'], 'ain', 'en')).rejects.toMatchObject({
      language: 'ain',
      message: expect.stringContaining('(400036)'),
    });
  });

  it('sends Hmong as Azure’s Hmong Daw', async () => {
    await azure.translate(['Thank you for your message.'], 'hmn');
    expect(fake.requests.at(-1)?.target).toBe('mww');
  });

  it('is refused without the resource’s region, or when the free tier’s quota is used up', async () => {
    const regionless = new AzureTranslator({ baseUrl: fake.urls.AZURE, apiKey: fake.keys.AZURE });
    await expect(regionless.translate(['hi'], 'es')).rejects.toMatchObject({
      name: 'TranslationRefusedError',
      status: 401,
      message: expect.stringContaining('(401000)'),
    });
    fake.failNext(1, 403);
    await expect(azure.translate(['hi'], 'es')).rejects.toMatchObject({
      name: 'TranslationRefusedError',
      message: expect.stringContaining('(403001)'),
    });
  });

  it('needs no region for a global resource', async () => {
    const global = await startFakeTranslation({ azureRegion: null });
    try {
      const translator = new AzureTranslator({ baseUrl: global.urls.AZURE, apiKey: global.keys.AZURE });
      await expect(translator.translate(['Gracias por su mensaje.'], 'en')).resolves.toEqual([
        { text: 'Thank you for your message.', detectedSourceLanguage: 'es' },
      ]);
    } finally {
      await global.close();
    }
  });
});

describe('LibreTranslateTranslator', () => {
  it('is refused without a key the server requires, and works without one where none is', async () => {
    const open = await startFakeTranslation({ libreTranslateKeyRequired: false });
    try {
      const keyless = new LibreTranslateTranslator({ baseUrl: fake.urls.LIBRETRANSLATE });
      // A 400 that names no language is not an unsupported language.
      await expect(keyless.translate(['hi'], 'es')).rejects.toMatchObject({
        name: 'TranslationRefusedError',
        status: 400,
        message: expect.stringContaining('API key'),
      });
      const anonymous = new LibreTranslateTranslator({ baseUrl: open.urls.LIBRETRANSLATE, apiKey: '' });
      await expect(anonymous.translate(['Gracias por su mensaje.'], 'en', 'es')).resolves.toEqual([
        { text: 'Thank you for your message.', detectedSourceLanguage: 'es' },
      ]);
    } finally {
      await open.close();
    }
  });
});
