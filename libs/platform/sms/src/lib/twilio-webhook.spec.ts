import { flatFormParameters, InvalidInboundSmsError, parseTwilioInbound } from './inbound-sms';
import { isTwilioSignatureValid, twilioSignature } from './twilio-webhook';

describe('Twilio webhook signatures', () => {
  // Twilio's published example (TwilioDevEd/api-snippets, security/signature_validation).
  const authToken = '12345';
  const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
  const params = {
    CallSid: 'CA1234567890ABCDE',
    Caller: '+14158675309',
    Digits: '1234',
    From: '+14158675309',
    To: '+18005551212',
  };

  it("computes Twilio's own example", () => {
    expect(twilioSignature(authToken, url, params)).toBe('RSOYDt4T1cUTdK1PDd93/VVr8B8=');
    expect(isTwilioSignatureValid(authToken, 'RSOYDt4T1cUTdK1PDd93/VVr8B8=', url, params)).toBe(true);
  });

  it('refuses a changed parameter, another URL, another token, or no signature', () => {
    const signature = twilioSignature(authToken, url, params);
    expect(isTwilioSignatureValid(authToken, signature, url, { ...params, Digits: '1235' })).toBe(false);
    expect(isTwilioSignatureValid(authToken, signature, url, { ...params, Extra: '' })).toBe(false);
    expect(isTwilioSignatureValid(authToken, signature, `${url}&baz=3`, params)).toBe(false);
    expect(isTwilioSignatureValid('54321', signature, url, params)).toBe(false);
    expect(isTwilioSignatureValid(authToken, undefined, url, params)).toBe(false);
    expect(isTwilioSignatureValid(authToken, `${signature}x`, url, params)).toBe(false);
    expect(isTwilioSignatureValid('', twilioSignature('', url, params), url, params)).toBe(false);
  });

  it('takes the URL with or without its default port, as Twilio may sign either', () => {
    const configured = 'https://help.district.org/sms/twilio';
    const signedWithPort = twilioSignature(authToken, 'https://help.district.org:443/sms/twilio', params);
    expect(isTwilioSignatureValid(authToken, signedWithPort, configured, params)).toBe(true);
    const signedWithout = twilioSignature(authToken, configured, params);
    expect(
      isTwilioSignatureValid(authToken, signedWithout, 'https://help.district.org:443/sms/twilio', params),
    ).toBe(true);
    const otherPort = twilioSignature(authToken, 'https://help.district.org:8443/sms/twilio', params);
    expect(isTwilioSignatureValid(authToken, otherPort, configured, params)).toBe(false);
  });
});

describe('incoming text messages', () => {
  const sid = `SM${'0123456789abcdef'.repeat(2)}`;
  const base = { MessageSid: sid, From: '+15125550142', To: '+15125550100', Body: 'Hola', NumMedia: '0' };

  it('reads the message, its sender and its files', () => {
    expect(parseTwilioInbound(base)).toEqual({
      providerMessageId: sid,
      from: '+15125550142',
      to: '+15125550100',
      body: 'Hola',
      media: [],
    });
    const mms = parseTwilioInbound({
      ...base,
      MessageSid: `MM${sid.slice(2)}`,
      NumMedia: '2',
      MediaUrl0: 'https://api.twilio.com/a',
      MediaContentType0: 'image/jpeg',
      MediaUrl1: 'https://api.twilio.com/b',
    });
    expect(mms.media).toEqual([
      { url: 'https://api.twilio.com/a', contentType: 'image/jpeg' },
      { url: 'https://api.twilio.com/b', contentType: 'application/octet-stream' },
    ]);
  });

  it.each([
    [{ ...base, MessageSid: 'SM123' }, /MessageSid/],
    [{ ...base, MessageSid: undefined }, /MessageSid/],
    [{ ...base, From: 'VERIFY' }, /From/],
    [{ ...base, From: '5125550142' }, /From/],
    [{ ...base, NumMedia: '11' }, /NumMedia/],
    [{ ...base, NumMedia: '-1' }, /NumMedia/],
    [{ ...base, NumMedia: '1.5' }, /NumMedia/],
    [{ ...base, NumMedia: '1' }, /MediaUrl0/],
  ])('refuses what is no text message (%#)', (params, message) => {
    const flat = Object.fromEntries(
      Object.entries(params).filter(([, value]) => value !== undefined),
    ) as Record<string, string>;
    expect(() => parseTwilioInbound(flat)).toThrow(InvalidInboundSmsError);
    expect(() => parseTwilioInbound(flat)).toThrow(message);
  });

  it('drops NUL characters, which PostgreSQL cannot store', () => {
    expect(parseTwilioInbound({ ...base, Body: 'a\u0000b' }).body).toBe('ab');
  });

  it('takes a form body only as flat, single parameters', () => {
    expect(flatFormParameters({ a: '1', b: '' })).toEqual({ a: '1', b: '' });
    expect(flatFormParameters(undefined)).toEqual({});
    expect(() => flatFormParameters({ a: ['1', '2'] })).toThrow(/repeated or nested/);
    expect(() => flatFormParameters({ a: { b: '1' } })).toThrow(/repeated or nested/);
    expect(() => flatFormParameters('a=1')).toThrow(/not a form/);
  });
});
