import {
  contentTokens,
  detectLanguage,
  normalizeText,
  stem,
  STOPWORDS,
  textFeatures,
  words,
} from './text-features';

describe('text features', () => {
  it('replaces URLs, emails, amounts and times with their kind', () => {
    expect(
      words('See https://district.org/menu or mail lunch@district.org: I paid $12.50 at 7:45 am, bus 14'),
    ).toEqual(['see', '<url>', 'or', 'mail', '<email>', 'paid', '<money>', 'at', '<time>', 'bus']);
  });

  it('replaces street, school, staff names and dates with their kind', () => {
    expect(
      normalizeText('We live at 12 Lakeview Drive; Ms. Alvarez at Cesar Chavez Elementary said Monday'),
    ).toBe('we live at  <street> ;  <staff>  at  <school>  said monday');
    expect(words('Ms. Alvarez at Cesar Chavez Elementary said Monday')).toEqual([
      '<staff>',
      'at',
      '<school>',
      'said',
      '<date>',
    ]);
    expect(words('la maestra Patel')).toEqual(['la', 'maestra', '<staff>']);
  });

  it('drops numbers, identifiers with digits and single letters', () => {
    expect(words('My 3rd grader rides bus 21B, route 7 a')).toEqual([
      'my',
      'grader',
      'rides',
      'bus',
      'route',
    ]);
  });

  it('tells English from Spanish by their function words', () => {
    expect(detectLanguage('The bus was late again and my son missed breakfast')).toBe('en');
    expect(detectLanguage('El autobús llegó tarde y mi hijo perdió el desayuno')).toBe('es');
    expect(detectLanguage('')).toBe('en');
  });

  it('stems English inflections to one feature', () => {
    expect(new Set(['delay', 'delays', 'delayed', 'delaying'].map((w) => stem(w, 'en')))).toEqual(
      new Set(['delay']),
    );
    expect(new Set(['grade', 'grades', 'graded', 'grading'].map((w) => stem(w, 'en')))).toEqual(
      new Set(['grad']),
    );
    expect(stem('buses', 'en')).toBe('bus');
    expect(stem('classes', 'en')).toBe('class');
    expect(stem('bullied', 'en')).toBe(stem('bullies', 'en'));
    expect(stem('stopped', 'en')).toBe('stop');
  });

  it('stems Spanish inflections to one feature', () => {
    expect(new Set(['llego', 'llegar', 'llegando', 'llegaron'].map((w) => stem(w, 'es')))).toEqual(
      new Set(['lleg']),
    );
    expect(stem('autobuses', 'es')).toBe(stem('autobus', 'es'));
    expect(stem('tareas', 'es')).toBe(stem('tarea', 'es'));
    expect(stem('calificaciones', 'es')).toBe(stem('calificacion', 'es'));
  });

  it('drops the stopwords of the message language only', () => {
    // "son" is a topic in English and a verb in Spanish.
    expect(contentTokens('Can you tell me when my son is going to get his bus?')).toEqual([['son', 'bus']]);
    expect(contentTokens('Son las siete y el autobús no llega')).toEqual([['siet', 'autobus', 'lleg']]);
    expect(STOPWORDS.en.has('son')).toBe(false);
    expect(STOPWORDS.es.has('son')).toBe(true);
  });

  it('leaves greetings and closing formulas out', () => {
    expect(
      textFeatures('To whom it may concern, good morning! The bus is late. Thanks in advance', {
        bigrams: false,
        prefixes: 0,
      }),
    ).toEqual(['bus', 'late']);
  });

  it('pairs words within a sentence, never across one', () => {
    expect(textFeatures('Free lunch form. Bus late', { bigrams: true, prefixes: 0 })).toEqual([
      'free',
      'lunch',
      'form',
      'free lunch',
      'lunch form',
      'bus',
      'late',
      'bus late',
    ]);
  });

  it('adds prefixes of longer words, so a typo or another form still shares a feature', () => {
    const features = textFeatures('vaccination', { bigrams: false, prefixes: 5 });
    expect(features).toEqual(['vaccination', 'vacci-']);
    expect(textFeatures('vaccine records', { bigrams: false, prefixes: 5 })).toContain('vacci-');
    expect(textFeatures('bus', { bigrams: false, prefixes: 5 })).toEqual(['bus']);
  });
});
