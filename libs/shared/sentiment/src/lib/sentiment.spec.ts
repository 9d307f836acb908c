import { NEUTRAL_BAND, scoreSentiment } from './sentiment';

const score = (text: string) => scoreSentiment(text).score;
const label = (text: string) => scoreSentiment(text).label;

describe('scoreSentiment', () => {
  it.each([
    ['The bus driver was rude and the whole thing is unacceptable.', 'NEGATIVE'],
    ['Thank you so much, Ms. Patel is a wonderful teacher!', 'POSITIVE'],
    ['What time does school start on Monday?', 'NEUTRAL'],
    ['Estoy muy molesta, el autobús llegó tarde otra vez.', 'NEGATIVE'],
    ['La maestra es excelente y muy amable.', 'POSITIVE'],
    ['¿A qué hora sale la escuela?', 'NEUTRAL'],
  ])('labels %p %s', (text, expected) => {
    expect(label(text)).toBe(expected);
  });

  it('flips and weakens a negated word', () => {
    expect(label('I am happy with the bus service.')).toBe('POSITIVE');
    expect(label('I am not happy with the bus service.')).toBe('NEGATIVE');
    expect(score('not bad')).toBeGreaterThan(0);
    expect(score('not bad')).toBeLessThan(score('good'));
    expect(label('Estoy contenta con la escuela.')).toBe('POSITIVE');
    expect(label('No estoy contenta con la escuela.')).toBe('NEGATIVE');
    // "No" negates "problem": a relieved parent, not an upset one.
    expect(score('No problem at all with the new route')).toBeGreaterThan(0);
  });

  it('does not carry negation past a comma or a contrast', () => {
    expect(label('No, the teacher was wonderful.')).toBe('POSITIVE');
  });

  it('strengthens a word after an intensifier, and more after a stronger one', () => {
    expect(score('good')).toBeLessThan(score('very good'));
    expect(score('very good')).toBeLessThan(score('extremely good'));
    expect(score('upset')).toBeGreaterThan(score('really upset'));
    expect(score('muy molesto')).toBeLessThan(score('molesto'));
    expect(score('somewhat upset')).toBeGreaterThan(score('upset'));
  });

  it('reads capitals and exclamation marks as emphasis', () => {
    expect(score('The bus is LATE again')).toBeLessThan(score('The bus is late again'));
    expect(score('The bus is late again!!!')).toBeLessThan(score('The bus is late again'));
    expect(score('Great job!')).toBeGreaterThan(score('Great job'));
    // Exclamation marks alone are no sentiment.
    expect(score('Bus 14 at 7:40!!!')).toBe(0);
  });

  it('lets what follows "but" decide', () => {
    expect(score('The teacher is nice but the bus is always late and the driver is rude')).toBeLessThan(0);
    expect(score('The bus was late but the driver was wonderful and kind')).toBeGreaterThan(0);
  });

  it('does not read greetings, sign-offs or polite thanks as praise', () => {
    expect(label('Good morning, how do I add money to the lunch account? Thanks.')).toBe('NEUTRAL');
    expect(label('Have a great day! Best regards')).toBe('NEUTRAL');
    expect(label('Buenos días, ¿cuándo es la feria del libro? Gracias.')).toBe('NEUTRAL');
    expect(label("I can't thank you enough for helping my son.")).toBe('POSITIVE');
  });

  it('keeps the score within [-1, 1] and says which words made it', () => {
    const furious = scoreSentiment('TERRIBLE, HORRIBLE, AWFUL, disgusting, unacceptable, the worst!!!!!!');
    expect(furious.score).toBeGreaterThanOrEqual(-1);
    expect(furious.score).toBeLessThan(-0.9);
    const result = scoreSentiment('The nurse was not helpful.');
    expect(result.terms).toEqual([{ term: 'helpful', weight: expect.any(Number) }]);
    expect(result.terms[0]!.weight).toBeLessThan(0);
    expect(scoreSentiment('')).toEqual({ score: 0, label: 'NEUTRAL', terms: [] });
  });

  it('calls a single mild word neutral', () => {
    expect(Math.abs(score('The bus was late.'))).toBeLessThan(NEUTRAL_BAND);
    expect(label('The bus was late.')).toBe('NEUTRAL');
  });
});
