import { checkPassword } from './password-policy';

describe('password policy', () => {
  it('accepts a long passphrase', () => {
    expect(() =>
      checkPassword('correct horse battery staple', { email: 'dana@homeroom.test' }),
    ).not.toThrow();
  });

  it.each([
    ['too short', 'short-pass', /at least 12/],
    ['one repeated character', 'aaaaaaaaaaaaaa', /repeat/],
    ['the email name', 'dana-is-great-2026', /email name/],
  ])('refuses %s', (_, password, message) => {
    expect(() => checkPassword(password, { email: 'dana@homeroom.test' })).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        reason: 'WEAK_PASSWORD',
        message: expect.stringMatching(message),
      }),
    );
  });
});
