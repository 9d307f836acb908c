import { normalizeEmail, normalizeEmails, normalizePhone, normalizePhones } from './contact-details';

describe('contact details', () => {
  it.each([
    ['(512) 555-0142', '+15125550142'],
    ['512.555.0142', '+15125550142'],
    ['+1 512 555 0142', '+15125550142'],
    ['+52 55 1234 5678', '+525512345678'],
  ])('normalizes the phone %s to %s', (input, e164) => {
    expect(normalizePhone(input)).toBe(e164);
  });

  it.each(['555-0142', 'call me', '+1 000 000 0000'])('refuses the phone %s', (input) => {
    expect(() => normalizePhone(input)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', reason: 'INVALID_PHONE' }),
    );
  });

  it('normalizes email case and refuses what is not an address', () => {
    expect(normalizeEmail(' Maria.Lopez@Example.ORG ')).toBe('maria.lopez@example.org');
    for (const bad of ['maria', 'maria@', '@example.org', 'maria lopez@example.org', 'maria@example']) {
      expect(() => normalizeEmail(bad)).toThrow(expect.objectContaining({ reason: 'INVALID_EMAIL' }));
    }
  });

  it('wants exactly one primary when there are several, and merges duplicates', () => {
    expect(normalizeEmails([{ address: 'a@x.org', primary: false }])).toEqual([
      { address: 'a@x.org', primary: true },
    ]);
    expect(() =>
      normalizeEmails([
        { address: 'a@x.org', primary: false },
        { address: 'b@x.org', primary: false },
      ]),
    ).toThrow(
      expect.objectContaining({
        reason: 'PRIMARY_CONTACT_REQUIRED',
        details: [expect.objectContaining({ path: 'emails' })],
      }),
    );
    expect(
      normalizePhones([
        { number: '512-555-0142', primary: true, type: 'MOBILE' },
        { number: '+15125550142', primary: false, type: 'MOBILE' },
      ]),
    ).toEqual([{ number: '+15125550142', primary: true, type: 'MOBILE' }]);
  });

  it('names the field that failed', () => {
    expect(() => normalizePhones([{ number: 'nope', primary: true, type: 'HOME' }])).toThrow(
      expect.objectContaining({
        details: [{ path: 'phones.0.number', message: '"nope" is not a valid phone number' }],
      }),
    );
  });
});
