import { smsSegments } from './sms-segments';

const gsm = (count: number) => 'a'.repeat(count);
/** "ả" (Vietnamese) is in neither GSM table, and one UTF-16 code unit. */
const ucs = (count: number) => 'ả'.repeat(count);

describe('SMS segments', () => {
  it('counts no text as no message', () => {
    expect(smsSegments('')).toEqual({
      encoding: 'GSM-7',
      units: 0,
      segments: 0,
      perSegment: 160,
      remaining: 160,
    });
  });

  it('fits 160 GSM-7 characters in one message, and joins 153 a message from 161 on', () => {
    expect(smsSegments(gsm(160))).toMatchObject({ units: 160, segments: 1, perSegment: 160, remaining: 0 });
    expect(smsSegments(gsm(161))).toMatchObject({ units: 161, segments: 2, perSegment: 153, remaining: 145 });
    expect(smsSegments(gsm(306))).toMatchObject({ segments: 2, remaining: 0 });
    expect(smsSegments(gsm(307))).toMatchObject({ segments: 3, remaining: 152 });
  });

  it('fits 70 UCS-2 characters in one message, and joins 67 a message from 71 on', () => {
    expect(smsSegments(ucs(70))).toMatchObject({ encoding: 'UCS-2', units: 70, segments: 1, remaining: 0 });
    expect(smsSegments(ucs(71))).toMatchObject({ units: 71, segments: 2, perSegment: 67, remaining: 63 });
  });

  it('counts an extension character as two septets: €, brackets, braces, the form feed', () => {
    expect(smsSegments('€')).toMatchObject({ encoding: 'GSM-7', units: 2, segments: 1, remaining: 158 });
    expect(smsSegments('^{}\\[~]|\f')).toMatchObject({ encoding: 'GSM-7', units: 18 });
    expect(smsSegments(`${gsm(158)}€`)).toMatchObject({ units: 160, segments: 1 });
    expect(smsSegments(`${gsm(159)}€`)).toMatchObject({ units: 161, segments: 2 });
  });

  it('keeps an extension character whole at a message boundary, starting the next message with it', () => {
    // 151 + 2 fill the first message exactly.
    expect(smsSegments(`${gsm(151)}€${gsm(10)}`)).toMatchObject({ units: 163, segments: 2, remaining: 143 });
    // 152 + 2 would straddle it: the first message closes at 152, so 306 septets need a third message.
    expect(smsSegments(`${gsm(152)}€${gsm(152)}`)).toMatchObject({ units: 306, segments: 3, remaining: 152 });
  });

  it('counts an emoji as two UCS-2 units and keeps its surrogate pair in one message', () => {
    expect(smsSegments('😀')).toMatchObject({ encoding: 'UCS-2', units: 2, perSegment: 70, remaining: 68 });
    expect(smsSegments(`Bus 14 is late 🚌`)).toMatchObject({ encoding: 'UCS-2', units: 17 });
    expect(smsSegments(`${ucs(66)}😀${ucs(66)}`)).toMatchObject({ units: 134, segments: 3, remaining: 66 });
  });

  it('sends Vietnamese as UCS-2', () => {
    const text = 'Cảm ơn quý phụ huynh đã liên hệ với nhà trường.';
    expect(text.length).toBe(47);
    expect(smsSegments(text)).toMatchObject({ encoding: 'UCS-2', units: 47, segments: 1, remaining: 23 });
  });

  it('keeps Spanish in GSM-7 until a letter outside the alphabet, such as á, appears', () => {
    // ¡ ¿ é ñ are in the default alphabet.
    expect(smsSegments('¡Señor! ¿Qué tal? Mañana.')).toMatchObject({ encoding: 'GSM-7', units: 25 });
    expect(smsSegments('La escuela está cerrada mañana.')).toMatchObject({ encoding: 'UCS-2', units: 31 });
  });

  it('reads the basic table by the standard: ¤ and $ apart, Greek capitals, line breaks one septet each', () => {
    expect(smsSegments('$¤£¥§@_ΔΓΛΩΠΨΣΘΞΦ\r\nÆæßÉÄÖÑÜäöñüàèéùìòÇØøÅå')).toMatchObject({
      encoding: 'GSM-7',
      units: 42,
    });
  });

  it('turns a whole message to UCS-2 for one character outside the tables, such as a pasted curly quote', () => {
    const text = `We’ll call you back today. ${gsm(60)}`;
    expect(smsSegments(text)).toMatchObject({ encoding: 'UCS-2', units: 87, segments: 2 });
    expect(smsSegments(text.replace('’', "'"))).toMatchObject({ encoding: 'GSM-7', units: 87, segments: 1 });
    expect(smsSegments('`')).toMatchObject({ encoding: 'UCS-2' });
  });
});
