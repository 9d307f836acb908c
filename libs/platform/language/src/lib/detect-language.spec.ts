import { detectLanguage, languageText } from './detect-language';

const DISTRICT = ['en', 'es', 'vi', 'zh', 'ar', 'so', 'ht'];

/** Written for this spec: what families send a school district, a few words to a couple of sentences. */
const MESSAGES: Record<string, string[]> = {
  en: [
    'My child is sick today and will stay home.',
    'The bus did not come this morning.',
    'the bus did not come',
    'Is school closed tomorrow because of the snow?',
  ],
  es: [
    'Mi hijo está enfermo hoy y no va a ir a la escuela.',
    'El autobús no pasó esta mañana.',
    '¿Puedo hablar con la maestra de mi hija?',
    'Muchas gracias por su ayuda',
  ],
  vi: [
    'Con tôi bị ốm hôm nay, cháu sẽ nghỉ học.',
    'Xe buýt không đến sáng nay.',
    'Tôi có thể nói chuyện với giáo viên của con tôi không?',
    'Cảm ơn cô rất nhiều',
  ],
  zh: ['我的孩子今天生病了，不能去上学。', '今天早上校车没有来。', '我可以和老师谈谈吗？', '谢谢'],
  ar: [
    'ابني مريض اليوم ولن يذهب إلى المدرسة.',
    'الحافلة لم تأت هذا الصباح.',
    'هل يمكنني التحدث مع معلمة ابنتي؟',
    'شكرا',
  ],
  so: [
    'Ilmahaygu wuu jiran yahay maanta, dugsiga ma imanayo.',
    'Baska ma iman saaka.',
    'Ma la hadli karaa macallinka wiilkayga?',
    'Aad baad u mahadsan tahay',
  ],
  ht: [
    'Pitit mwen malad jodi a, li pap ale lekòl.',
    'Bis la pa t vini maten an.',
    'Èske m ka pale ak pwofesè pitit fi mwen an?',
    'Mèsi anpil pou èd ou',
  ],
};

/** Too few letters, or too close a call, for trigrams: these may go undecided, never to another language. */
const SHORT: Record<string, string[]> = {
  en: [
    'my kid is sick today',
    "Can I talk to my son's teacher?",
    'Who do I call about lunch money?',
    'thanks',
  ],
  es: ['mi hija esta enferma hoy', 'el bus no vino', 'gracias'],
  vi: ['con toi bi om hom nay'],
  ht: ['bis la pa vini', 'mèsi'],
  so: ['mahadsanid'],
};

describe('detectLanguage', () => {
  describe.each(Object.entries(MESSAGES))('family messages in %s', (language, messages) => {
    it.each(messages)('%s', (message) => {
      expect(detectLanguage(message, DISTRICT)).toEqual({ language, confidence: expect.any(Number) });
    });
  });

  describe.each(Object.entries(SHORT))('short messages in %s', (language, messages) => {
    it.each(messages)('%s: undecided or right', (message) => {
      expect([null, language]).toContain(detectLanguage(message, DISTRICT)?.language ?? null);
    });
  });

  it.each([
    '',
    '   ',
    '12345',
    '555-123-4567',
    '10/14/2026 7:45',
    'ok',
    'HR-2026-000123',
    'https://example.com/forms/absence?id=42',
    'padre@example.com',
    '👍🙏',
  ])('gives no language for %j', (text) => {
    expect(detectLanguage(text, DISTRICT)).toBeNull();
  });

  it('detects the words around links, addresses, numbers and case numbers', () => {
    const message =
      'Re HR-2026-000123: mi hijo sigue enfermo, llamen al 555-123-4567 o escriban a padre@example.com ' +
      'https://drive.example.com/nota-del-doctor';
    expect(languageText(message)).toBe('Re mi hijo sigue enfermo llamen al o escriban a');
    expect(detectLanguage(message, DISTRICT)?.language).toBe('es');
  });

  it('keeps to the candidates', () => {
    const spanish = 'Mi hijo está enfermo hoy y no va a ir a la escuela.';
    expect(detectLanguage(spanish, ['en', 'vi'])?.language).not.toBe('es');
    expect(detectLanguage('我的孩子今天生病了，不能去上学。', ['en', 'es'])).toBeNull();
    expect(detectLanguage('ابني مريض اليوم ولن يذهب إلى المدرسة.', ['en', 'so'])).toBeNull();
    expect(detectLanguage(spanish, [])).toBeNull();
    expect(detectLanguage(spanish, ['xx'])).toBeNull();
  });

  it('takes full BCP 47 tags as candidates and answers with the primary tag', () => {
    expect(detectLanguage('Mi hijo está enfermo hoy y no va a ir a la escuela.', ['en-US', 'es-MX'])).toEqual(
      {
        language: 'es',
        confidence: expect.any(Number),
      },
    );
    expect(detectLanguage('我的孩子今天生病了。', ['zh-Hans', 'en'])?.language).toBe('zh');
  });

  it('tells apart languages beyond the district seven through the same table', () => {
    const candidates = ['en', 'fr', 'ht', 'ru', 'uk', 'hmn', 'so'];
    expect(
      detectLanguage("Mon enfant est malade aujourd'hui, il ne va pas à l'école.", candidates)?.language,
    ).toBe('fr');
    expect(detectLanguage('Pitit mwen malad jodi a, li pap ale lekòl.', candidates)?.language).toBe('ht');
    expect(detectLanguage('Мой сын сегодня болен и не пойдет в школу.', candidates)?.language).toBe('ru');
    expect(detectLanguage('Мій син сьогодні хворий і не піде до школи.', candidates)?.language).toBe('uk');
    expect(
      detectLanguage('Kuv tus menyuam mob hnub no, nws yuav tsis mus kawm ntawv.', candidates)?.language,
    ).toBe('hmn');
  });

  it('reads Vietnamese whichever way its tones were typed', () => {
    const decomposed = 'Con tôi bị ốm hôm nay, cháu sẽ nghỉ học.'.normalize('NFD');
    expect(detectLanguage(decomposed, DISTRICT)?.language).toBe('vi');
    // Composed, as most keyboards type it: undecided before the text was put in the form of franc's model.
    expect(detectLanguage('Làm sao để đăng ký học?', DISTRICT)?.language).toBe('vi');
  });

  it('is sure of a script only one candidate writes, and less of trigrams', () => {
    expect(detectLanguage('谢谢老师', DISTRICT)?.confidence).toBe(1);
    const spanish = detectLanguage('El autobús no pasó esta mañana.', DISTRICT)!;
    expect(spanish.confidence).toBeGreaterThan(0);
    expect(spanish.confidence).toBeLessThan(1);
  });
});
